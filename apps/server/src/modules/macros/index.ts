/**
 * Macros: canned replies with variables, per language, that may also set a case's fields; applied
 * through the cases service. Their field actions are also what bulk actions on cases apply.
 */
export { createMacrosService, type MacrosService, type NewMacro } from './macros.service.ts';
export { macrosRoutes } from './macros.routes.ts';
export { FieldActions } from './macros.schemas.ts';
export { caseChangesFor, checkFieldActions, type FieldActionsInput } from './field-actions.ts';
export { checkTeamSharing, mayManage } from './sharing.ts';
export type { MacroTables } from './macros.repository.ts';
