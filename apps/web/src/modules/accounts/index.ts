// The accounts module's public surface: customer accounts, their contacts, services, notes and opportunities.
export { accountsKeys } from './api/accounts-keys.ts';
export type { Account, AccountFilter, Contact, Money, Opportunity } from './api/accounts-types.ts';
export { AccountFilters, type AccountFilterValues } from './components/account-filters.tsx';
export { AccountSummary } from './components/account-summary.tsx';
export { AccountTable } from './components/account-table.tsx';
export { ContactsPanel } from './components/contacts-panel.tsx';
export { CreateAccountModal } from './components/create-account-modal.tsx';
export { EditAccountButton } from './components/edit-account-button.tsx';
export { NotesPanel } from './components/notes-panel.tsx';
export { OpportunitiesPanel } from './components/opportunities-panel.tsx';
export { ServicesPanel } from './components/services-panel.tsx';
export { useAccount, useAccounts } from './hooks/use-accounts.ts';
export { formatMoney, parseMoneyInput } from './money.ts';
export { canManageAccounts, canSeeInternal } from './permissions.ts';
