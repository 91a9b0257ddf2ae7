export {
  openDatabase,
  pgliteExtensions,
  type Db,
  type Tx,
  type Executor,
  withModuleTables,
  type DatabaseHandle,
  type DatabaseTarget,
  type EngineKind,
} from './engine.ts';
export { migrateToLatest, type MigrationReport } from './migrate.ts';
export { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './data-dir-lock.ts';
export type { Database } from './schema.ts';
export { isForeignKeyViolation, isUniqueViolation, refuseDuplicates, violatedForeignKey } from './errors.ts';
