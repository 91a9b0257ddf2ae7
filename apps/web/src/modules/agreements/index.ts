// The agreements module's public surface: vendors, internal OLAs and underpinning contracts.
export { agreementsKeys } from './api/agreements-keys.ts';
export type { Agreement, AgreementKind, Vendor } from './api/agreements-types.ts';
export { AgreementModal } from './components/agreement-modal.tsx';
export { AgreementTable } from './components/agreement-table.tsx';
export { VendorModal } from './components/vendor-modal.tsx';
export { VendorTable } from './components/vendor-table.tsx';
export { useAgreements, useVendors, useWithdrawAgreement } from './hooks/use-agreements.ts';
export { canManageAgreements } from './permissions.ts';
