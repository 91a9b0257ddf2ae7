import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { moduleBoundaries } from './module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const server = '/repo/apps/server/src';
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    {
      filename: `${server}/modules/cases/cases.service.ts`,
      code: "import { x } from '../identity/index.ts';",
    },
    { filename: `${server}/modules/cases/cases.service.ts`, code: "import { x } from '../identity';" },
    {
      filename: `${server}/modules/cases/cases.service.ts`,
      code: "import { x } from './cases.repository.ts';",
    },
    { filename: `${server}/app.ts`, code: "import { x } from './modules/identity/index.ts';" },
    {
      filename: `${server}/modules/cases/cases.service.ts`,
      code: "import { x } from '../../platform/db/index.ts';",
    },
    { filename: `${server}/platform/http/server.ts`, code: "import { x } from '../db/index.ts';" },
  ],
  invalid: [
    {
      filename: `${server}/modules/cases/cases.service.ts`,
      code: "import { x } from '../identity/identity.repository.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: `${server}/app.ts`,
      code: "export { x } from './modules/identity/identity.service.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: `${server}/platform/http/server.ts`,
      code: "import { x } from '../../modules/identity/index.ts';",
      errors: [{ messageId: 'platformImportsModule' }],
    },
    {
      filename: '/repo/apps/web/src/pages/profile-page.tsx',
      code: "import { x } from '../modules/identity/hooks/use-me.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
  ],
});
