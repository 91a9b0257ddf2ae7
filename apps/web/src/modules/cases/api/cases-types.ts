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
  body: string;
  createdAt: string;
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
