/**
 * The dev server's proxy: `smithlet dev --proxy /api=http://127.0.0.1:9000` forwards
 * every request under `/api` to that backend, path and query kept, so the page calls
 * its backend on its own origin (no CORS in development). Longest prefix wins.
 * Nothing is logged: requests carry passwords and tokens.
 */
import { request as httpRequest } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { request as httpsRequest } from 'node:https'

/** A configured proxy. */
export interface Proxy {
  /** Forwards the request when its path is under a prefix; false when it is not. */
  handle(req: IncomingMessage, res: ServerResponse): boolean
}

/** Parses `--proxy` values (`/api=http://127.0.0.1:9000`) into a prefix → URL record; throws a clear error. */
export function parseProxySpecs(specs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const spec of specs) {
    const at = spec.indexOf('=')
    const prefix = at < 0 ? '' : spec.slice(0, at)
    const target = at < 0 ? '' : spec.slice(at + 1)
    if (!prefix.startsWith('/') || target === '') throw new Error(`--proxy ${spec}: write --proxy /prefix=http://host:port`)
    out[prefix] = target
  }
  return out
}

/** Creates the proxy for `routes` (prefix → base URL); throws on a target that is not http(s). */
export function createProxy(routes: Readonly<Record<string, string>>): Proxy {
  const table = Object.entries(routes)
    .map(([prefix, target]) => {
      let url: URL
      try {
        url = new URL(target)
      } catch {
        throw new Error(`proxy ${prefix}: "${target}" is not a URL`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`proxy ${prefix}: only http(s) targets`)
      return { prefix: prefix.replace(/\/+$/, ''), url }
    })
    .sort((a, b) => b.prefix.length - a.prefix.length)

  return {
    handle(req, res) {
      const path = req.url ?? '/'
      const route = table.find((r) => path === r.prefix || path.startsWith(r.prefix + '/') || path.startsWith(r.prefix + '?'))
      if (route === undefined) return false
      const target = new URL(route.url.href)
      target.pathname = route.url.pathname.replace(/\/+$/, '') + path.replace(/\?.*$/, '')
      target.search = path.includes('?') ? path.slice(path.indexOf('?')) : ''
      const headers = { ...req.headers, host: target.host }
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest
      const upstream = send(target, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(`smithlet dev: the backend behind ${route.prefix} does not answer`)
      })
      // A page that goes away (reload, navigation) ends its upstream request too.
      res.on('close', () => upstream.destroy())
      req.pipe(upstream)
      return true
    },
  }
}
