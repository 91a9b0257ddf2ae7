import crypto from 'node:crypto';

/** A URL-safe random secret: 32 bytes (256 bits) unless told otherwise. */
export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/**
 * Session ids, API tokens and reset tokens are high-entropy random strings, so a fast hash is
 * enough to store them (argon2 is for low-entropy passwords).
 */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
