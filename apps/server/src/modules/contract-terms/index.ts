/**
 * Contract terms, pure (no database, no HTTP): what a contract version says (dates, fee, services,
 * SLA policies, availability targets with service-credit bands, penalties) as one JSON schema and its
 * cross-field validation; a readable diff of two versions for people comparing them; the service
 * credit an uptime earns; the contract lifecycle; and which version is in force on a date. Kept
 * apart from the contracts module (storage, routes) so the SLA engine, the CLI and tests can use the
 * rules without a database, and so percentages and money are computed exactly in one place.
 */
export {
  ContractTermsSchema,
  SlaPolicySchema,
  type AvailabilityTarget,
  type ContractTerms,
  type CreditBand,
  type SlaPolicy,
  type SlaTerms,
} from './terms-schema.ts';
export {
  calendarIdsOf,
  validateContractTerms,
  validateSlaPolicy,
  type TermsProblem,
  type TermsValidationOptions,
} from './terms-validation.ts';
export { diffContractTerms, type TermsChange, type TermsDiffOptions } from './terms-diff.ts';
export { formatMoney, formatMinutes } from './terms-text.ts';
export { serviceCredit, uptimePercent, type ServiceCredit } from './service-credit.ts';
export { allowedContractActions, contractStatusAfter } from './contract-lifecycle.ts';
export { effectiveVersion } from './effective-version.ts';
export { policyApplies, type CaseFacts } from './policy-conditions.ts';
export { defaultContractTerms } from './default-terms.ts';
