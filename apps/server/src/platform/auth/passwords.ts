import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): ~20 ms here, slow enough
 * to make offline guessing expensive, fast enough for a login endpoint.
 */
// `Algorithm` is a const enum, which verbatimModuleSyntax cannot import: 2 is Argon2id.
const argon2id = 2;
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps both answers equally slow. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-but-same-cost');
  return dummyHash;
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < minPasswordLength) return `A password needs at least ${minPasswordLength} characters`;
  if (password.length > 256) return 'A password may have at most 256 characters';
  if (new Set(password).size < 5) return 'A password needs more variety than that';
  return undefined;
}
