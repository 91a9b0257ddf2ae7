import { errorCodes, type ErrorCode, type Problem } from '@paydesk/shared';

/** A failed API call: the server's problem+json, or a synthetic one when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly problem: Problem | null;

  constructor(status: number, code: ErrorCode | 'NETWORK_ERROR', problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  get retryAfterSeconds(): number | undefined {
    return this.problem?.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Reads a problem+json body; anything else becomes INTERNAL_ERROR with the HTTP status kept. */
export function toProblem(status: number, body: unknown): Problem {
  if (body !== null && typeof body === 'object' && isErrorCode((body as { code?: unknown }).code)) {
    return body as Problem;
  }
  return {
    type: 'about:blank',
    title: 'Unexpected response',
    status,
    code: status === 401 ? 'AUTH_REQUIRED' : status === 404 ? 'NOT_FOUND' : 'INTERNAL_ERROR',
  };
}
