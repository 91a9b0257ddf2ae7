import type {
  BreachAction,
  CaseChannel,
  CaseType,
  PausableCaseStatus,
  Priority,
  SlaMetric,
} from '@paydesk/shared';

/**
 * An SLA policy as the API sends and takes it, in a contract version or an operational agreement:
 * which cases it covers, on which calendar, with which targets (business minutes; null = not measured).
 */
export interface SlaPolicy {
  name: string;
  /** A business calendar's id; null = 24×7. */
  calendarId: string | null;
  /** Empty lists mean any. */
  conditions: { services: string[]; caseTypes: CaseType[]; channels: CaseChannel[] };
  targets: Record<Priority, Record<SlaMetric, number | null>>;
  pauseStatuses: PausableCaseStatus[];
  /** Percent of a target elapsed at which to warn, ascending, at most five. */
  warningThresholds: number[];
  breachActions: BreachAction[];
}

/** One problem of a problem+json answer, its path relative to the policy (`/targets/P1/resolution`). */
export interface PolicyFieldError {
  path: string;
  message: string;
}
