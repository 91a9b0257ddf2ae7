import type {
  CaseChannel,
  CaseStatus,
  CaseType,
  ImpactLevel,
  Language,
  MessageVisibility,
  Priority,
  SlaMetric,
} from '@paydesk/shared';

interface Ref {
  id: string;
  displayName: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A case as the API presents it; team, tags, tier and the override reason are staff-only fields. */
export interface Case {
  id: string;
  number: number;
  /** The number people quote: PD-100001. */
  reference: string;
  accountId: string;
  accountName: string;
  subject: string;
  type: CaseType;
  status: CaseStatus;
  /** Where the status graph lets the case go from here. */
  allowedStatuses: CaseStatus[];
  impact: ImpactLevel;
  urgency: ImpactLevel;
  priority: Priority;
  priorityReason?: string | null;
  service: { id: string; code: string; name: string } | null;
  category: string;
  channel: CaseChannel;
  contact: { id: string; name: string; email: string } | null;
  team?: { id: string; name: string } | null;
  assignee: Ref | null;
  tier?: number;
  language: Language;
  tags?: string[];
  externalReference: string | null;
  /** What If-Match names; bumped by every change. */
  version: number;
  nextDueAt: string | null;
  openedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  watchers?: Ref[];
}

export type CaseView = 'mine' | 'team' | 'all';

export interface CaseFilter {
  view?: CaseView;
  accountId?: string;
  status?: CaseStatus[];
  open?: boolean;
  priority?: Priority;
  q?: string;
  sla?: SlaFilter;
}

export interface CreateCaseInput {
  accountId: string;
  subject: string;
  description: string;
  type: CaseType;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  priority?: Priority;
  priorityReason?: string;
  serviceCode?: string;
  channel?: CaseChannel;
  contactId?: string;
  teamId?: string;
  assigneeId?: string;
}

export type UpdateCaseInput = Partial<{
  subject: string;
  type: CaseType;
  status: CaseStatus;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  priority: Priority;
  priorityReason: string;
  serviceCode: string | null;
  contactId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  externalReference: string | null;
}>;

export interface CaseMessage {
  id: string;
  visibility: MessageVisibility;
  fromCustomer: boolean;
  author: Ref | null;
  /** The customer's words entered by the staff member in `author` (a call, a forwarded e-mail). */
  recordedByStaff: boolean;
  body: string;
  createdAt: string;
  movedFrom?: MovedFrom | null;
}

export interface CaseEvent {
  seq: number;
  type: string;
  at: string;
  actor: Ref | null;
  data: Record<string, unknown>;
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'stopped';
export type ClockSource = 'customer' | 'ola' | 'underpinning';

/** One stretch of a clock's life: counted business time, or why time did not count. */
export interface ClockSegment {
  kind: 'counted' | 'closed' | 'holiday' | 'paused';
  from: string;
  to: string;
  /** The server's English sentence (logs, CLI); the web words its own from the fields. */
  text: string;
  /** After now: how the clock will run on. */
  isProjected?: boolean;
  /** counted: business time in the stretch. */
  businessMs?: number;
  /** holiday: its date and name. */
  date?: string;
  name?: string | null;
  /** paused: the status, resolved/closed, or not_measured. */
  reason?: string;
  /** paused: business time not counted. */
  heldBackMs?: number;
}

/** One SLA clock of a case with the explanation of its due time (GET /api/cases/:id/sla). */
export interface SlaClock {
  source: ClockSource;
  policy: {
    name: string;
    calendarId: string | null;
    contractId: string | null;
    contractVersion: number | null;
    agreementId: string | null;
  };
  /** Underpinning clocks: the vendor the case was escalated to. */
  vendor: { id: string; name: string } | null;
  metric: SlaMetric;
  cycle: number;
  status: ClockStatus;
  targetMs: number;
  startedAt: string;
  dueAt: string | null;
  /** Business ms left at the stop or now; negative once breached. */
  remainingMs: number;
  businessElapsedMs: number;
  breachedAt: string | null;
  stoppedAt: string | null;
  pauses: Array<{ from: string; to: string | null; reason: string }>;
  warnings: Array<{ thresholdPercent: number; at: string }>;
  explanation: { timeZone: string; from: string; to: string; summary: string; segments: ClockSegment[] };
}

export interface CaseSla {
  caseId: string;
  /** The instant the clocks were evaluated at. */
  at: string;
  clocks: SlaClock[];
}

export interface Team {
  id: string;
  name: string;
}

/** at_risk: a running clock past a warning threshold and not breached; breached: any clock breached. */
export type SlaFilter = 'at_risk' | 'breached';

/** A saved view of the queue (GET /api/views): personal, or shared with a team. */
export interface SavedView {
  id: string;
  name: string;
  /** The queue filters it keeps, as GET /api/cases takes them. */
  filters: CaseFilter;
  team: { id: string; name: string } | null;
  owner: Ref;
  /** Whether the caller may rename, change or delete it. */
  canEdit: boolean;
  position: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewInput {
  name: string;
  filters: CaseFilter;
  /** Shared with this team; absent (null on a change): personal. */
  teamId?: string | null;
}

/** The field changes of POST /api/cases/bulk (the same as a macro's actions). */
export interface BulkChanges {
  status?: CaseStatus;
  priority?: Priority;
  priorityReason?: string;
  teamId?: string | null;
  assigneeId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

export type BulkOutcome = 'ok' | 'conflict' | 'forbidden' | 'not_found' | 'invalid';

/** What happened to each case of a bulk change, in the order asked for. */
export interface BulkResult {
  items: Array<{
    caseId: string;
    reference: string | null;
    outcome: BulkOutcome;
    version?: number;
    code?: string;
    message?: string;
    allowedStatuses?: CaseStatus[];
  }>;
  summary: Partial<Record<BulkOutcome, number>>;
}

/** A case found by GET /api/cases/search, with where it matched; the snippet's matched words marked. */
export interface CaseSearchHit extends Case {
  match: {
    on: Array<'number' | 'reference' | 'email' | 'text'>;
    rank: number;
    snippet: Array<{ text: string; match: boolean }>;
  };
}

/** Where a merge or a split moved a message from (GET /api/cases/:id/messages). */
export interface MovedFrom {
  caseId: string;
  reference: string;
  by: 'merge' | 'split';
}

/** A file on a case or on one of its messages; `internal` ones (an internal note's) are staff-only. */
export interface CaseAttachment {
  id: string;
  caseId: string;
  messageId: string | null;
  internal: boolean;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: Ref | null;
  createdAt: string;
}

/** What a new link makes the other case: this one's parent or child, the original it duplicates, or related. */
export type CaseLinkKind = 'parent' | 'child' | 'duplicate_of' | 'related';
/** The link as seen from this case: also who duplicates it and what a merge joined. */
export type CaseLinkViewKind = CaseLinkKind | 'duplicated_by' | 'merged_into' | 'merged_from';

export interface CaseLink {
  id: string;
  kind: CaseLinkViewKind;
  case: { id: string; number: number; reference: string; subject: string; status: CaseStatus };
  createdAt: string;
  createdBy: Ref | null;
}

export interface CaseMerged {
  merged: Case;
  into: Case;
}

export type EscalationKind = 'tier' | 'functional' | 'hierarchical';

/** tier: optional next team; functional: a team, or a vendor with its reference; hierarchical: optional manager. */
export interface EscalationInput {
  kind: EscalationKind;
  reason: string;
  teamId?: string;
  vendorId?: string;
  externalReference?: string;
  managerId?: string;
}

export interface Escalation {
  id: string;
  kind: EscalationKind;
  fromTier: number;
  toTier: number;
  fromTeam: Team | null;
  toTeam: Team | null;
  vendor: Team | null;
  externalReference: string | null;
  manager: Ref | null;
  notifiedUserIds: string[];
  reason: string;
  escalatedAt: string;
  escalatedBy: Ref | null;
}

/** Who may own a case (GET /api/cases/:id/assignees): its team's active staff, leads first, and me. */
export interface CaseAssignees {
  team: Team | null;
  items: Array<{ id: string; displayName: string; isLead: boolean; inTeam: boolean }>;
}

/** A queue view's open cases, and how many of them are at risk or breached now (staff). */
export interface QueueCounts {
  open: number;
  atRisk: number;
  breached: number;
}
