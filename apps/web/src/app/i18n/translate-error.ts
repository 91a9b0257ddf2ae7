import type { TFunction } from 'i18next';
import { isApiError } from '../http/api-error.ts';

/** The message a person reads for a failed call: chosen by the problem's stable `code`. */
export function translateError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  if (error.code === 'AUTH_LOCKED_OUT' && error.retryAfterSeconds !== undefined) {
    const count = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return t('errors.AUTH_LOCKED_OUT_retry', { count });
  }
  return t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') });
}
