import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error.ts';
import en from './locales/en.json';
import pl from './locales/pl.json';
import { translateError } from './translate-error.ts';

let tEn: TFunction;
let tPl: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: 'en',
    fallbackLng: 'en',
    showSupportNotice: false,
  });
  tEn = instance.getFixedT('en');
  tPl = instance.getFixedT('pl');
});

function problem(code: ApiError['code'], extra: { retryAfterSeconds?: number } = {}): ApiError {
  return new ApiError(
    401,
    code,
    code === 'NETWORK_ERROR' ? null : { type: 'about:blank', title: code, status: 401, code, ...extra },
    code,
  );
}

describe('translateError', () => {
  it('chooses the message by the problem code', () => {
    expect(translateError(tEn, problem('AUTH_INVALID_CREDENTIALS'))).toBe(
      'The e-mail address or password is incorrect.',
    );
    expect(translateError(tPl, problem('AUTH_INVALID_CREDENTIALS'))).toBe(
      'Nieprawidłowy adres e-mail lub hasło.',
    );
  });

  it('tells a locked-out person how many minutes to wait, rounded up', () => {
    expect(translateError(tEn, problem('AUTH_LOCKED_OUT', { retryAfterSeconds: 61 }))).toBe(
      'Too many failed attempts. Try again in 2 minutes.',
    );
    expect(translateError(tEn, problem('AUTH_LOCKED_OUT', { retryAfterSeconds: 30 }))).toBe(
      'Too many failed attempts. Try again in 1 minute.',
    );
    expect(translateError(tPl, problem('AUTH_LOCKED_OUT', { retryAfterSeconds: 900 }))).toBe(
      'Zbyt wiele nieudanych prób. Spróbuj ponownie za 15 minut.',
    );
    expect(translateError(tPl, problem('AUTH_LOCKED_OUT', { retryAfterSeconds: 180 }))).toBe(
      'Zbyt wiele nieudanych prób. Spróbuj ponownie za 3 minuty.',
    );
  });

  it('falls back to a general lock-out message without retryAfterSeconds', () => {
    expect(translateError(tEn, problem('AUTH_LOCKED_OUT'))).toBe(
      'Too many failed attempts. The account is locked for now.',
    );
  });

  it('explains network failures and unknown errors', () => {
    expect(translateError(tEn, problem('NETWORK_ERROR'))).toContain('cannot be reached');
    expect(translateError(tEn, new Error('boom'))).toBe('Something went wrong. Try again.');
  });
});
