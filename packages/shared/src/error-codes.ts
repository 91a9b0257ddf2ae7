/**
 * Every stable error code the API can answer with. The server maps each to an HTTP status in one
 * exhaustive switch (`platform/http/problem.ts`); the web maps each to a translated message. A code,
 * once published, keeps its meaning: clients branch on it.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'ROUTE_NOT_FOUND',
  'NOT_FOUND',
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_LOCKED_OUT',
  'AUTH_FORBIDDEN',
  'AUTH_CSRF_INVALID',
  'AUTH_PASSWORD_TOO_WEAK',
  'AUTH_PASSWORD_RESET_INVALID',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  'PAGINATION_CURSOR_INVALID',
  'USER_NOT_FOUND',
  'USER_ALREADY_EXISTS',
  'TEAM_NOT_FOUND',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_ALREADY_EXISTS',
  'CONTACT_NOT_FOUND',
  'CONTACT_ALREADY_EXISTS',
  'SERVICE_NOT_FOUND',
  'SERVICE_ALREADY_EXISTS',
  'SUBSCRIPTION_NOT_FOUND',
  'SUBSCRIPTION_ALREADY_EXISTS',
  'ACCOUNT_NOTE_NOT_FOUND',
  'OPPORTUNITY_NOT_FOUND',
  'API_TOKEN_NOT_FOUND',
  'CALENDAR_INVALID',
  'CALENDAR_OUT_OF_RANGE',
  'ICALENDAR_INVALID',
  'CALENDAR_NOT_FOUND',
  'CALENDAR_ALREADY_EXISTS',
  'CALENDAR_VERSION_CONFLICT',
  'PRECONDITION_REQUIRED',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** RFC 9457 problem details, as every error response of the API carries it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
  retryAfterSeconds?: number;
}
