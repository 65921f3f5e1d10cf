import { SignJWT } from 'jose'
import { afterEach, vi } from 'vitest'
import { authModule, type AuthInputs } from '../../modules/auth/index'
import { DEMO_USER, startBackend, type Backend, type BackendOptions } from '../../demo/backend/index'
import { createApp, type App, type AppOptions } from '../../src/index'
import { memoryStorage, type StorageBackend } from '../../src/storage'

export { DEMO_USER }

/** A clock tests move by hand; starts at the real time. */
export function manualClock(start = Date.now()): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let t = start
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) }
}

/** Counts storage transactions and reads, over a shared in-memory "disk". */
export function countingStorage(data = new Map<string, unknown>()): StorageBackend & { writes: number; reads: number; data: Map<string, unknown> } {
  const inner = memoryStorage(data)
  const storage = {
    kind: 'memory',
    data,
    writes: 0,
    reads: 0,
    entries: () => {
      storage.reads++
      return inner.entries()
    },
    getMany: (keys: Parameters<StorageBackend['getMany']>[0]) => {
      storage.reads++
      return inner.getMany(keys)
    },
    apply: (ops: Parameters<StorageBackend['apply']>[0]) => {
      storage.writes++
      return inner.apply(ops)
    },
  }
  return storage
}

export const CREDENTIALS = { username: DEMO_USER.email, password: DEMO_USER.password }

/** A demo backend on 127.0.0.1 with cheap password hashing. */
export function backend(options: BackendOptions = {}): Promise<Backend> {
  return startBackend({ scryptLogN: 10, rowCount: 200, ...options })
}

let appSeq = 0

/** An app with Auth_Module (and a data query) against `server`. */
export async function authApp(
  server: Backend,
  inputs: Partial<AuthInputs> = {},
  options: AppOptions & { id?: string } = {},
): Promise<App> {
  const { id, ...appOptions } = options
  return createApp(
    {
      id: id ?? `auth-${++appSeq}-${Math.random().toString(36).slice(2)}`,
      queries: [
        {
          name: 'getusers_API',
          url: '/api/rows',
          headers: { Authorization: `${inputs.scheme ?? 'Bearer'} {{Auth_Module.getAccessToken.data}}` },
          params: { page: '1', pageSize: '5' },
        },
      ],
      modules: {
        Auth_Module: authModule({ loginUrl: '/auth/login', refreshUrl: '/auth/token', ...inputs }),
      },
    },
    { storage: null, channel: null, baseUrl: server.url, warn: () => undefined, ...appOptions },
  )
}

/** Signs a JWT with arbitrary claims (the backend will not accept it, Auth_Module only reads it). */
export function jwt(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('test-secret-test-secret-test-secret'))
}

/** Calls a function of Auth_Module from the host. */
export function auth(app: App): Record<string, (...args: unknown[]) => Promise<unknown>> & Record<string, unknown> {
  return app.scope.Auth_Module as never
}

/** Resolves with a rejected promise's reason. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; statusCode?: number }> {
  try {
    await promise
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected a rejection')
}

/** Refresh requests the backend has answered so far. */
export const refreshes = (b: Backend): number => b.counters['POST /auth/token']!

/**
 * Per-file helpers whose backends and apps are closed after each test (and whose
 * spies are restored).
 */
export function authScenario(): { server(options?: BackendOptions): Promise<Backend>; app(...args: Parameters<typeof authApp>): Promise<App> } {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    vi.restoreAllMocks()
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  return {
    async server(options = {}) {
      const b = await backend(options)
      cleanup.push(() => b.close())
      return b
    },
    async app(...args) {
      const a = await authApp(...args)
      cleanup.push(() => a.dispose())
      return a
    },
  }
}
