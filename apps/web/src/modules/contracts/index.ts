// The contracts module's public surface: customer contracts, their terms and service levels, versions,
// documents and change requests.
export { contractsKeys } from './api/contracts-keys.ts';
export type {
  Contract,
  ContractFilter,
  ContractSummary as ContractListItem,
  ContractTerms,
} from './api/contracts-types.ts';
export { ChangeRequestsTab } from './components/change-requests-tab.tsx';
export { ContractActions } from './components/contract-actions.tsx';
export { ContractFilters, type ContractFilterValues } from './components/contract-filters.tsx';
export { ContractList } from './components/contract-list.tsx';
export { ContractStatusBadge } from './components/contract-status-badge.tsx';
export { ContractSummary } from './components/contract-summary.tsx';
export { ContractsTab } from './components/contracts-tab.tsx';
export { DocumentsTab } from './components/documents-tab.tsx';
export { TermsTab, type TermsChangeKind } from './components/terms-tab.tsx';
export { VersionsTab } from './components/versions-tab.tsx';
export { useContract, useServiceCatalogue } from './hooks/use-contracts.ts';
export { canManageContracts, canReadContracts } from './permissions.ts';
