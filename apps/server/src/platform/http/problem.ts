import type { ErrorCode, Problem } from '@paydesk/shared';

/**
 * The one place an error code becomes an HTTP status. The switch is exhaustive: adding a code
 * without deciding its status does not compile.
 */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'AUTH_PASSWORD_TOO_WEAK':
    case 'AUTH_PASSWORD_RESET_INVALID':
    case 'IDEMPOTENCY_KEY_MISSING':
    case 'IDEMPOTENCY_KEY_INVALID':
    case 'PAGINATION_CURSOR_INVALID':
    case 'CALENDAR_INVALID':
    case 'CALENDAR_OUT_OF_RANGE':
    case 'ICALENDAR_INVALID':
    case 'CONTRACT_TERMS_INVALID':
      return 400;
    case 'AUTH_REQUIRED':
    case 'AUTH_INVALID_CREDENTIALS':
      return 401;
    case 'AUTH_FORBIDDEN':
    case 'AUTH_CSRF_INVALID':
    case 'CHANGE_REQUEST_SELF_APPROVAL':
      return 403;
    case 'ROUTE_NOT_FOUND':
    case 'NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'TEAM_NOT_FOUND':
    case 'ACCOUNT_NOT_FOUND':
    case 'CONTACT_NOT_FOUND':
    case 'SERVICE_NOT_FOUND':
    case 'SUBSCRIPTION_NOT_FOUND':
    case 'ACCOUNT_NOTE_NOT_FOUND':
    case 'OPPORTUNITY_NOT_FOUND':
    case 'API_TOKEN_NOT_FOUND':
    case 'CALENDAR_NOT_FOUND':
    case 'CONTRACT_NOT_FOUND':
    case 'CONTRACT_VERSION_NOT_FOUND':
    case 'CONTRACT_DOCUMENT_NOT_FOUND':
    case 'CHANGE_REQUEST_NOT_FOUND':
    case 'VENDOR_NOT_FOUND':
    case 'AGREEMENT_NOT_FOUND':
    case 'SERVICE_REVIEW_NOT_FOUND':
    case 'DECISION_NOT_FOUND':
    case 'ACTION_ITEM_NOT_FOUND':
    case 'NOTIFICATION_NOT_FOUND':
    case 'CASE_NOT_FOUND':
    case 'CASE_ATTACHMENT_NOT_FOUND':
    case 'CASE_LINK_NOT_FOUND':
    case 'MACRO_NOT_FOUND':
    case 'VIEW_NOT_FOUND':
    case 'SLA_RECOMPUTATION_NOT_FOUND':
      return 404;
    case 'USER_ALREADY_EXISTS':
    case 'ACCOUNT_ALREADY_EXISTS':
    case 'CONTACT_ALREADY_EXISTS':
    case 'SERVICE_ALREADY_EXISTS':
    case 'SUBSCRIPTION_ALREADY_EXISTS':
    case 'CALENDAR_ALREADY_EXISTS':
    case 'CALENDAR_VERSION_CONFLICT':
    case 'IDEMPOTENCY_REQUEST_IN_PROGRESS':
    case 'CONTRACT_ALREADY_EXISTS':
    case 'CONTRACT_TRANSITION_FORBIDDEN':
    case 'CONTRACT_VERSION_CONFLICT':
    case 'AGREEMENT_VERSION_CONFLICT':
    case 'CHANGE_REQUEST_TRANSITION_FORBIDDEN':
    case 'CALENDAR_IN_USE':
    case 'VENDOR_ALREADY_EXISTS':
    case 'CASE_TRANSITION_FORBIDDEN':
    case 'CASE_VERSION_CONFLICT':
    case 'CASE_REOPEN_WINDOW_PASSED':
    case 'CASE_LINK_CONFLICT':
    case 'CASE_MERGE_FORBIDDEN':
    case 'CASE_ESCALATION_FORBIDDEN':
    case 'MACRO_ALREADY_EXISTS':
    case 'VIEW_ALREADY_EXISTS':
      return 409;
    case 'BODY_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'DOCUMENT_TYPE_UNSUPPORTED':
      return 415;
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'CONTRACT_EFFECTIVE_DATE_INVALID':
      return 422;
    case 'PRECONDITION_REQUIRED':
      return 428;
    case 'AUTH_LOCKED_OUT':
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
  }
}

const titles: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_JSON: 'The request body is not valid JSON',
  BODY_TOO_LARGE: 'The request body is too large',
  AUTH_REQUIRED: 'Authentication required',
  AUTH_INVALID_CREDENTIALS: 'Invalid credentials',
  AUTH_LOCKED_OUT: 'Too many failed sign-ins; try again later',
  AUTH_FORBIDDEN: 'Not allowed',
  AUTH_CSRF_INVALID: 'Missing or invalid CSRF token',
  RATE_LIMITED: 'Too many requests',
  ROUTE_NOT_FOUND: 'No such endpoint',
  INTERNAL_ERROR: 'Internal error',
};

export function buildProblem(
  code: ErrorCode,
  detail: string | undefined,
  extra: Pick<Problem, 'errors' | 'retryAfterSeconds' | 'requestId' | 'instance'> = {},
): Problem {
  const status = statusForCode(code);
  return {
    type: `https://paydesk.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[code] ?? code.toLowerCase().replaceAll('_', ' '),
    status,
    code,
    ...(detail !== undefined ? { detail } : {}),
    ...extra,
  };
}
