import {
  type AccountKind,
  type AccountSegment,
  type ContactRole,
  type OpportunityStatus,
  type OpportunityAudience,
} from '@paydesk/shared';

export interface UserRef {
  id: string;
  displayName: string;
}

/** Exact minor units as a decimal string and an ISO 4217 currency; never a float. */
export interface Money {
  amountMinor: string;
  currency: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Account {
  id: string;
  name: string;
  legalName: string;
  countryCode: string;
  kind: AccountKind;
  /** Internal classification: absent for customer users. */
  segment?: AccountSegment | null;
  owner: UserRef | null;
  defaultLanguage: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface AccountFilter {
  search?: string;
  countryCode?: string;
  kind?: AccountKind;
  segment?: AccountSegment;
}

export interface CreateAccountInput {
  name: string;
  legalName: string;
  countryCode: string;
  kind: AccountKind;
  segment?: AccountSegment | null;
}

/** A PATCH: only the fields sent change; null clears segment and owner. */
export interface UpdateAccountInput {
  name?: string;
  legalName?: string;
  countryCode?: string;
  kind?: AccountKind;
  segment?: AccountSegment | null;
  ownerId?: string | null;
  defaultLanguage?: string;
  timeZone?: string;
}

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  jobTitle: string;
  email: string;
  phone: string | null;
  language: string;
  roles: ContactRole[];
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  name: string;
  email: string;
  jobTitle: string;
  phone: string | null;
  language: string;
  roles: ContactRole[];
}

export interface Service {
  id: string;
  code: string;
  name: string;
  description: string;
  isActive: boolean;
}

export interface Subscription {
  accountId: string;
  service: { id: string; code: string; name: string; isActive: boolean };
  startedOn: string;
  createdAt: string;
}

export interface Note {
  id: string;
  accountId: string;
  author: UserRef;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface Opportunity {
  id: string;
  accountId: string;
  title: string;
  description: string;
  status: OpportunityStatus;
  raisedTo: OpportunityAudience;
  value: Money | null;
  nextStep: string;
  owner: UserRef | null;
  raisedBy: UserRef;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOpportunityInput {
  title: string;
  raisedTo: OpportunityAudience;
  description?: string;
  nextStep?: string;
  value?: Money | null;
}

export interface UpdateOpportunityInput {
  status?: OpportunityStatus;
  nextStep?: string;
}
