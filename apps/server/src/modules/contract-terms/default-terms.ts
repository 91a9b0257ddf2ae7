import { defaultContractTerms as sharedDefaults } from '@paydesk/shared';
import type { ContractTerms } from './terms-schema.ts';

/** Where a new contract starts (`@paydesk/shared`, which the web's form uses too), as the API's terms. */
export function defaultContractTerms(input: {
  title: string;
  startDate: string;
  currency: string;
}): ContractTerms {
  return sharedDefaults(input);
}
