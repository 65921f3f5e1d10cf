/**
 * Password hashing with scrypt from `node:crypto`: a random salt per hash,
 * the cost stored in the hash so it can change without breaking old ones,
 * and a constant-time comparison.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 32
const SALT_LENGTH = 16
/** Default log2 of N. 2^14 is modest (~50 ms) — enough for a demo, fast enough for tests. */
export const DEFAULT_SCRYPT_LOG_N = 14

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default for larger N.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** Hash a password into `scrypt$logN$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string, logN = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const r = 8
  const p = 1
  const key = await derive(password, salt, { N: 2 ** logN, r, p })
  return ['scrypt', logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: 2 ** Number(logN), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
