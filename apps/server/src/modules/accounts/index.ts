export { createAccountsService, type AccountsService, type NewAccount } from './accounts.service.ts';
export { accountsRoutes, AccountSchema } from './accounts.routes.ts';
