/**
 * The demo, composed: the demo backend (demo/backend) on a free loopback port, and
 * `smithlet dev demo` (src/build/dev-server.ts) proxying `/auth` and `/api` to it, so
 * page and API share one origin on 127.0.0.1. `npm start` runs it (demo/start.ts);
 * the e2e tests start it per file.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Message } from 'esbuild'
import { startDevServer } from '../src/build/dev-server'
import { startBackend } from './backend/index'
import type { Backend, BackendOptions } from './backend/index'

/** The demo app folder. */
export const DEMO_DIR = dirname(fileURLToPath(import.meta.url))

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port of the page on 127.0.0.1; default 0, a free one (npm start defaults to 8787). */
  readonly port?: number
  /** Access-token lifetime in seconds; default 60, as in the seed. */
  readonly ttlSeconds?: number
  /** Rebuild on change and reload the page; default false (npm start defaults to true). */
  readonly watch?: boolean
  /** `true` (default): the strict CSP; a string: that policy; `false`: no CSP header. */
  readonly csp?: boolean | string
  /** Minify the bundle; default true without watch, false with it. */
  readonly minify?: boolean
  /** More demo-backend options (latency, rows, token shape…), for tests. */
  readonly backend?: Omit<BackendOptions, 'port' | 'accessTokenTtlSeconds' | 'onRequest' | 'staticDir'>
  /** Where build errors and warnings go; default stderr. */
  readonly report?: (messages: Message[], kind: 'error' | 'warning') => void | Promise<void>
}

/** A running demo. */
export interface DemoServer {
  /** The page, e.g. `http://127.0.0.1:8787/`. */
  readonly url: string
  /** The demo backend behind the proxy: counters, request log, revocation, TTL. */
  readonly backend: Backend
  /** Stops both; idempotent. */
  close(): Promise<void>
}

/** Starts the demo backend and the dev server in front of it. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const backend = await startBackend({ ...options.backend, port: 0, accessTokenTtlSeconds: options.ttlSeconds ?? 60 })
  let dev
  try {
    dev = await startDevServer({
      dir: resolve(DEMO_DIR),
      port: options.port ?? 0,
      watch: options.watch,
      csp: options.csp,
      minify: options.minify,
      report: options.report,
      proxy: { '/auth': backend.url, '/api': backend.url },
    })
  } catch (error) {
    await backend.close()
    throw error
  }
  let closing: Promise<void> | undefined
  return {
    url: dev.url,
    backend,
    close() {
      closing ??= Promise.all([dev.close(), backend.close()]).then(() => undefined)
      return closing
    },
  }
}
