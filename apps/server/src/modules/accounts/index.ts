export {
  createAccountsService,
  type AccountsService,
  type NewAccount,
  type NewContact,
  type NewOpportunity,
} from './accounts.service.ts';
export { accountsRoutes } from './accounts.routes.ts';
export { AccountSchema } from './accounts.schemas.ts';
export { isCurrencyCode } from './iso-codes.ts';
