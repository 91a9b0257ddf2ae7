import type { ErrorCode } from '@paydesk/shared';
import { AppError } from '../errors.ts';

/** PostgreSQL's SQLSTATE for a unique violation, the same on PGlite and on a server. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string } | null;
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}

/**
 * The constraint of a foreign-key violation, or undefined for any other error: 23503 for NO ACTION
 * foreign keys (an insert naming a missing row), 23001 (restrict_violation) for ON DELETE RESTRICT
 * ones (deleting a calendar a policy counts on). The same on PGlite and on a server.
 */
export function violatedForeignKey(error: unknown): string | undefined {
  const pgError = error as { code?: string; constraint?: string } | null;
  return pgError?.code === '23503' || pgError?.code === '23001' ? (pgError.constraint ?? '') : undefined;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return violatedForeignKey(error) !== undefined;
}

/**
 * Runs a write and turns a unique violation of one of `constraints` (constraint name → the request
 * path of the field behind it) into `code` (409) naming that field; `detail` says what is taken where
 * the field's name alone would not (a name unique per team, say). The transaction inside has rolled
 * back by then: nothing was changed. Any other error passes through.
 */
export async function refuseDuplicates<T>(
  code: ErrorCode,
  constraints: Record<string, string>,
  write: () => Promise<T>,
  detail?: string,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    for (const [constraint, path] of Object.entries(constraints)) {
      if (isUniqueViolation(error, constraint)) {
        throw new AppError(code, detail ?? `${path.replace(/^body\//, '')} is already taken`, {
          errors: [{ path, message: 'is already taken' }],
        });
      }
    }
    throw error;
  }
}
