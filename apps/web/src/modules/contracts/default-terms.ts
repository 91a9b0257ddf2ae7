import { defaultContractTerms as sharedDefaults } from '@paydesk/shared';
import type { ContractTerms } from './api/contracts-types.ts';

/** Where a new contract starts (`@paydesk/shared`, which the API uses too), as the web's terms. */
export function defaultContractTerms(input: {
  title: string;
  startDate: string;
  currency: string;
}): ContractTerms {
  return sharedDefaults(input);
}
