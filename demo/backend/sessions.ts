/**
 * Sessions and their refresh tokens. A session begins at login and owns one
 * family of refresh tokens: each rotation retires the presented token and
 * adds its successor to the family. Presenting a retired token again means it
 * leaked (or a client raced itself), so the whole family is revoked — the
 * legitimate newest token included — as the OAuth 2.0 Security BCP
 * (RFC 9700 §4.14.2) recommends.
 *
 * Refresh tokens are opaque random strings; only their SHA-256 is stored, so
 * the table holds nothing a reader could replay.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { normalizeEmail } from './users'

/** One login's worth of refresh tokens. */
export interface Session {
  readonly id: string
  readonly email: string
  /** No refresh token of this family is accepted any more. */
  refreshRevoked: boolean
  /** The session is over: its access tokens are rejected too. */
  ended: boolean
}

interface RefreshRecord {
  readonly session: Session
  /** Epoch ms after which the token is refused. */
  readonly expiresAt: number
  /** Rotated away: presenting it again is reuse. */
  used: boolean
}

/** Outcome of presenting a refresh token. */
export type RefreshCheck =
  | { ok: true; session: Session }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' }

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** All sessions of one backend, with their refresh tokens. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  private readonly tokens = new Map<string, RefreshRecord>()
  // session id → the latest expiry of its refresh tokens; the session is evicted after it.
  private readonly sessionExpiry = new Map<string, number>()
  private nextSweep = 0

  constructor(
    private readonly now: () => number,
    /** Lifetime of each refresh token in ms; mutable so tests can shorten it. */
    public refreshTtlMs: number,
  ) {}

  /** Begin a session for `email` and return it with its first refresh token. */
  begin(email: string): { session: Session; refreshToken: string } {
    const session: Session = { id: randomUUID(), email: normalizeEmail(email), refreshRevoked: false, ended: false }
    this.sessions.set(session.id, session)
    return { session, refreshToken: this.mint(session) }
  }

  /**
   * Check a presented refresh token and, when `rotate` is set, retire it.
   * Synchronous on purpose: the check and the retirement happen in one turn of
   * the event loop, so two concurrent refreshes with the same token can never
   * both succeed.
   */
  redeem(token: string, rotate: boolean): RefreshCheck {
    const record = this.tokens.get(digest(token))
    if (!record) return { ok: false, reason: 'unknown' }
    const { session } = record
    if (session.refreshRevoked) return { ok: false, reason: 'revoked' }
    if (record.used) {
      session.refreshRevoked = true
      return { ok: false, reason: 'reused' }
    }
    if (this.now() >= record.expiresAt) return { ok: false, reason: 'expired' }
    if (rotate) record.used = true
    return { ok: true, session }
  }

  /** A new refresh token in `session`'s family (the successor after a rotation). */
  mint(session: Session): string {
    this.sweep()
    const token = randomBytes(32).toString('base64url')
    const expiresAt = this.now() + this.refreshTtlMs
    this.tokens.set(digest(token), { session, expiresAt, used: false })
    this.sessionExpiry.set(session.id, Math.max(expiresAt, this.sessionExpiry.get(session.id) ?? 0))
    return token
  }

  /** How many sessions and refresh tokens are held (for the eviction test). */
  get size(): { sessions: number; tokens: number } {
    return { sessions: this.sessions.size, tokens: this.tokens.size }
  }

  /**
   * Evicts expired refresh tokens, and sessions whose every refresh token has expired
   * (their access tokens, shorter-lived, are expired too), at most once a minute: memory
   * follows the live sessions, not every login since start.
   */
  sweep(force = false): void {
    const now = this.now()
    if (!force && now < this.nextSweep) return
    this.nextSweep = now + 60_000
    for (const [key, record] of this.tokens) if (now >= record.expiresAt) this.tokens.delete(key)
    for (const [id, expiresAt] of this.sessionExpiry) {
      if (now < expiresAt) continue
      this.sessionExpiry.delete(id)
      this.sessions.delete(id)
    }
  }

  /** Revoke the family the token belongs to; false when the token is unknown. */
  revokeFamilyOf(token: string): boolean {
    const record = this.tokens.get(digest(token))
    if (!record) return false
    record.session.refreshRevoked = true
    return true
  }

  /**
   * Revoke refresh tokens of one user (or everyone); with `endSessions`, also
   * reject their access tokens from now on. Returns the sessions touched.
   */
  revoke(email: string | undefined, endSessions: boolean): number {
    const who = email === undefined ? undefined : normalizeEmail(email)
    let count = 0
    for (const session of this.sessions.values()) {
      if (who !== undefined && session.email !== who) continue
      if (session.refreshRevoked && (!endSessions || session.ended)) continue
      session.refreshRevoked = true
      if (endSessions) session.ended = true
      count++
    }
    return count
  }

  /** True while access tokens of session `id` are accepted. */
  isLive(id: string): boolean {
    const session = this.sessions.get(id)
    return session !== undefined && !session.ended
  }
}
