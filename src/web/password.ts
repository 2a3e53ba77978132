// The admin password: scrypt hashes for a generated password (stored as
// `scrypt$<salt-hex>$<hash-hex>`) and constant-time checks for both forms, so the
// lead's composition root and the sign-in handler agree on one format.

import { randomBytes, scryptSync, timingSafeEqual, createHash } from 'node:crypto';

/** scrypt cost: N=2^15 takes ~50 ms here, slow enough for a guesser, fast enough for a sign-in. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/**
 * Settings key of the stored password's hash, used when ADMIN_PASS is unset: generated at the
 * first start, or set by `rebound password`.
 */
export const STORED_PASSWORD_KEY = 'web.generated_admin_pass';

export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_LENGTH);
  const hash = scryptSync(password, salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** True when `password` matches a stored `scrypt$salt$hash`; false for any malformed stored value. */
export function verifyPassword(password: string, stored: string): boolean {
  const m = /^scrypt\$([0-9a-f]{2,128})\$([0-9a-f]{2,256})$/i.exec(stored);
  if (!m) return false;
  const salt = Buffer.from(m[1]!, 'hex');
  const expected = Buffer.from(m[2]!, 'hex');
  const actual = scryptSync(password, salt, expected.length, SCRYPT);
  return timingSafeEqual(actual, expected);
}

/**
 * Compares a typed password with a configured plain one (ADMIN_PASS) in constant time:
 * both are hashed first, so neither the content nor the length leaks through timing.
 */
export function equalsPlain(password: string, configured: string): boolean {
  const a = createHash('sha256').update(password, 'utf8').digest();
  const b = createHash('sha256').update(configured, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** A random password for when ADMIN_PASS is unset: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
