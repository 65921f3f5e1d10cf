/**
 * What tests inspect after the fact: request counts per route and a bounded
 * log of requests as received (headers and body included, so a test can prove
 * where a token travelled). Held in memory only; never printed.
 *
 * Memory bound: `capacity` entries, each at most {@link MAX_LOGGED_BODY} bytes of body
 * plus its request headers (which Node caps at 16 KB), so the default 1,000 entries stay
 * under ~32 MB whatever the clients send.
 */
import type { IncomingMessage } from 'node:http'
import type { RequestLogEntry } from './types'

/** Bodies are logged up to this many bytes (UTF-8); enough for any token request. */
export const MAX_LOGGED_BODY = 16 * 1024
/** Distinct counter keys kept; 404 probes with random paths must not grow memory without bound. */
const MAX_COUNTER_KEYS = 1000
const OVERFLOW_KEY = '* (other)'
/** Keys that look like "METHOD /path" read as 0 when never counted. */
const ROUTE_KEY = /^[A-Z]+ \//

/** Counters and the ring of recent requests. */
export class RequestLog {
  private readonly counts: Record<string, number> = Object.create(null)
  // A ring of the last `capacity` entries: `next` is where the next one goes.
  private ring: RequestLogEntry[] = []
  private next = 0

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
      this.ring[this.next] = entry
      this.next = (this.next + 1) % this.capacity
    }
    return entry
  }

  /** Attach the received body text to an entry. */
  setBody(entry: RequestLogEntry, body: Buffer): void {
    // Decode only the kept bytes: slicing a longer decoded string would keep all of it alive.
    entry.body = body.subarray(0, MAX_LOGGED_BODY).toString('utf8')
  }

  /** A copy of the last `capacity` entries, oldest first. */
  snapshot(): RequestLogEntry[] {
    const ordered = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)]
    return ordered.map((entry) => ({ ...entry, headers: { ...entry.headers } }))
  }

  /** Set every counter back to 0. */
  resetCounters(): void {
    for (const key of Object.keys(this.counts)) delete this.counts[key]
  }

  /** Empty the log. */
  clear(): void {
    this.ring = []
    this.next = 0
  }
}
