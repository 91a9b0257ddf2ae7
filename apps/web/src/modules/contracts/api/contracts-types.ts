import type { ChangeRequestStatus, ContractAction, ContractStatus, Priority } from '@paydesk/shared';
import type { SlaPolicy } from '../../sla-policies/index.ts';

export interface UserRef {
  id: string;
  displayName: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Percents travel as decimal strings ("99.95"), amounts as minor units in decimal strings. */
export interface CreditBand {
  /** null = no lower bound. */
  minPercent: string | null;
  maxPercent: string;
  creditPercent: string;
}

export interface AvailabilityTarget {
  service: string;
  targetPercent: string;
  creditBands: CreditBand[];
  monthlyCapPercent: string;
}

export interface IncidentPenalty {
  priority: Priority;
  amountMinor: string;
}

export interface SlaTerms {
  policies: SlaPolicy[];
  /** null = no phone answering target. */
  phoneAnswer: { percent: string; withinSeconds: number } | null;
  availability: AvailabilityTarget[];
  incidentPenalties: IncidentPenalty[];
}

/** What a contract version says, as the API sends and takes it. */
export interface ContractTerms {
  title: string;
  startDate: string;
  /** null = open-ended. */
  endDate: string | null;
  noticePeriodDays: number;
  autoRenew: boolean;
  monthlyFee: { amountMinor: string; currency: string };
  services: string[];
  notes: string;
  sla: SlaTerms;
}

export interface ContractSummary {
  id: string;
  accountId: string;
  accountName: string;
  reference: string;
  status: ContractStatus;
  title: string;
  startDate: string;
  endDate: string | null;
  owner: UserRef | null;
  latestVersion: number;
  /** Bumped by every change; what If-Match names. */
  revision: number;
  allowedActions: ContractAction[];
  activatedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Contract extends ContractSummary {
  /** The newest version's terms. */
  terms: ContractTerms;
  effectiveFrom: string;
  versionInForce: number | null;
  /** The calendars the newest terms count on, by name (customers cannot list calendars). */
  calendars: Array<{ id: string; name: string }>;
}

export interface ContractFilter {
  accountId?: string;
  status?: ContractStatus;
  q?: string;
  endingBefore?: string;
}

export type VersionKind = 'original' | 'amendment' | 'renewal';

export interface ContractVersionSummary {
  version: number;
  kind: VersionKind;
  effectiveFrom: string;
  summary: string;
  changeRequestId: string | null;
  createdBy: UserRef | null;
  createdAt: string;
}

export interface TermsChange {
  path: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

export interface TermsDiff {
  from: number;
  to: number;
  changes: TermsChange[];
}

export interface ContractDocument {
  id: string;
  contractId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  version: number | null;
  uploadedBy: UserRef | null;
  createdAt: string;
}

export interface ChangeRequest {
  id: string;
  contractId: string;
  title: string;
  description: string;
  status: ChangeRequestStatus;
  requestedBy: UserRef;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string;
  implementedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CatalogueService {
  code: string;
  name: string;
  isActive: boolean;
}

export interface CreateContractInput {
  reference: string;
  terms: ContractTerms;
}

export interface ReplaceDraftInput {
  reference: string;
  ownerId: string | null;
  terms: ContractTerms;
}

export interface AmendInput {
  effectiveFrom: string;
  summary: string;
  terms: ContractTerms;
}

/** A renewal's effective date defaults to the day after the current end date. */
export interface RenewInput {
  effectiveFrom?: string;
  summary: string;
  terms: ContractTerms;
}

export type TransitionAction = Extract<ContractAction, 'activate' | 'expire' | 'terminate'>;

export interface TransitionInput {
  action: TransitionAction;
  reason?: string;
}
