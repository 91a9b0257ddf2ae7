import type { ErrorCode } from '@paydesk/shared';

/**
 * The one error type services throw. The HTTP layer turns it into problem+json by its code; the
 * message is for people and may be shown as the problem's `detail`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: Array<{ path: string; message: string }>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
