import type { TestProject } from 'vitest/node';
import { prepareTestTemplate } from './database.ts';

/** Migrates once per run: a PGlite golden image, or a PostgreSQL template database. */
export default async function setup(project: TestProject) {
  // Global setup runs outside the workers, so it reads the engine from the project, not the env.
  const engine = project.name.endsWith('postgres') ? 'postgres' : 'pglite';
  const template = await prepareTestTemplate(engine);
  project.provide('testTemplate', template.name);
  return template.dispose;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: string;
  }
}
