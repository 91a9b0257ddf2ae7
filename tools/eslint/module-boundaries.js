// @ts-check
import path from 'node:path';

/**
 * A module is a room with one door: code outside `modules/<name>/` imports it only through
 * `modules/<name>/index.ts`, and `platform/` (infrastructure) never imports a module at all.
 * Applies to the server and the web app alike.
 */
const modulePattern = /^(.*\/src\/modules\/)([^/]+)(\/.*)?$/;

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import a module only through its index.ts; platform code imports no module' },
    messages: {
      throughIndex: 'Import module "{{module}}" through its index.ts, not {{file}}.',
      platformImportsModule: 'platform/ is infrastructure and must not import the "{{module}}" module.',
    },
    schema: [],
  },
  create(context) {
    const importer = context.filename;
    const importerModule = modulePattern.exec(importer);
    const importerInPlatform = importer.includes('/src/platform/');

    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    function check(node) {
      const source = node.source?.type === 'Literal' ? node.source.value : undefined;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(importer), source);
      const targetModule = modulePattern.exec(target);
      if (!targetModule) return;
      const [, root = '', name = '', rest] = targetModule;
      if (importerInPlatform && importer.startsWith(root.replace(/modules\/$/, ''))) {
        context.report({ node, messageId: 'platformImportsModule', data: { module: name } });
        return;
      }
      const sameModule = importerModule && importerModule[1] === root && importerModule[2] === name;
      if (sameModule) return;
      if (rest === undefined || rest === '/index.ts' || rest === '/index.tsx' || rest === '/index.js') return;
      context.report({ node, messageId: 'throughIndex', data: { module: name, file: `${name}${rest}` } });
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
