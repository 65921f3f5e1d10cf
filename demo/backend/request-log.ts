/**
 * What tests inspect after the fact: request counts per route and a bounded
 * log of requests as received (headers and body included, so a test can prove
 * where a token travelled). Held in memory only; never printed.
 */
import type { IncomingMessage } from 'node:http'
import type { RequestLogEntry } from './types'

/** Bodies are logged up to this many characters; enough for any token request. */
const MAX_LOGGED_BODY = 64 * 1024
/** Distinct counter keys kept; 404 probes with random paths must not grow memory without bound. */
const MAX_COUNTER_KEYS = 1000
const OVERFLOW_KEY = '* (other)'
/** Keys that look like "METHOD /path" read as 0 when never counted. */
const ROUTE_KEY = /^[A-Z]+ \//

/** Counters and the ring of recent requests. */
export class RequestLog {
  private readonly counts: Record<string, number> = Object.create(null)
  private entries: RequestLogEntry[] = []

  /**
   * Live, read-only view of the counts; `counters['POST /auth/token']` is 0
   * rather than undefined before the first request, so tests read naturally.
   */
  readonly counters: Readonly<Record<string, number>> = new Proxy(this.counts, {
    get: (target, key) => (typeof key === 'string' && ROUTE_KEY.test(key) ? (target[key] ?? 0) : Reflect.get(target, key)),
    set: () => false,
    deleteProperty: () => false,
  })

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {}

  /** Count a request and add it to the log; returns the entry so body and status can be filled in later. */
  record(req: IncomingMessage, path: string): RequestLogEntry {
    let key = `${req.method} ${path}`
    if (!(key in this.counts) && Object.keys(this.counts).length >= MAX_COUNTER_KEYS) key = OVERFLOW_KEY
    this.counts[key] = (this.counts[key] ?? 0) + 1
    const entry: RequestLogEntry = {
      method: req.method ?? '',
      path,
      url: req.url ?? '',
      headers: { ...req.headers },
      body: '',
      at: this.now(),
    }
    if (this.capacity > 0) {
      this.entries.push(entry)
      // Trim in batches so a full log is not an O(n) shift on every request.
      if (this.entries.length > this.capacity * 2) this.entries = this.entries.slice(-this.capacity)
    }
    return entry
  }

  /** Attach the received body text to an entry. */
  setBody(entry: RequestLogEntry, body: Buffer): void {
    entry.body = body.subarray(0, MAX_LOGGED_BODY * 4).toString('utf8').slice(0, MAX_LOGGED_BODY)
  }

  /** A copy of the last `capacity` entries, oldest first. */
  snapshot(): RequestLogEntry[] {
    return this.entries.slice(-this.capacity).map((entry) => ({ ...entry, headers: { ...entry.headers } }))
  }

  /** Set every counter back to 0. */
  resetCounters(): void {
    for (const key of Object.keys(this.counts)) delete this.counts[key]
  }

  /** Empty the log. */
  clear(): void {
    this.entries = []
  }
}
