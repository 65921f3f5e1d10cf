/**
 * Failed-login throttling, per user and per client address: after `limit` failures
 * within `windowMs`, further attempts are answered 429 with `Retry-After` (seconds until
 * the oldest counted failure leaves the window) without checking the password. Only
 * failures count, so people who log in correctly are never slowed down. Memory is
 * bounded: at most `maxKeys` keys, the stalest dropped first.
 */

/** Limits of {@link FailureLimiter}. */
export interface FailureLimits {
  readonly limit: number
  readonly windowMs: number
  readonly maxKeys?: number
}

/** Counts recent failures per key. */
export class FailureLimiter {
  // key → failure times, oldest first (at most `limit` kept per key).
  private readonly failures = new Map<string, number[]>()
  private readonly maxKeys: number

  constructor(
    private readonly limits: FailureLimits,
    private readonly now: () => number,
  ) {
    this.maxKeys = limits.maxKeys ?? 10_000
  }

  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const times = this.recent(key)
    if (times.length < this.limits.limit) return 0
    return Math.max(1, Math.ceil((times[0]! + this.limits.windowMs - this.now()) / 1000))
  }

  /** Records one failure of `key`. */
  fail(key: string): void {
    const times = this.recent(key)
    times.push(this.now())
    if (times.length > this.limits.limit) times.shift()
    // Re-insert: Map order is then least recently failed first, which is what gets dropped.
    this.failures.delete(key)
    this.failures.set(key, times)
    if (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!)
  }

  /** Forgets `key` (after a successful login of that user). */
  clear(key: string): void {
    this.failures.delete(key)
  }

  private recent(key: string): number[] {
    const times = this.failures.get(key)
    if (times === undefined) return []
    const since = this.now() - this.limits.windowMs
    while (times.length > 0 && times[0]! <= since) times.shift()
    if (times.length === 0) this.failures.delete(key)
    return times
  }
}
