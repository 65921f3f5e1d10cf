import { afterEach, describe, expect, it, vi } from 'vitest'
import { auth, authScenario, CREDENTIALS, manualClock, refreshes } from '../support/auth-harness'

const { server, app } = authScenario()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
afterEach(() => void vi.unstubAllGlobals())

describe('I5: background renewal', () => {
  it('visible and idle: refreshed before the margin with no caller; 0 refreshes while hidden; the next call after wake refreshes once', async () => {
    // The page's visibility is the one thing Node lacks: a stand-in document, switched by hand.
    const page = { visibilityState: 'visible' }
    vi.stubGlobal('document', page)
    const b = await server({ accessTokenTtlSeconds: 120 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    const first = await auth(a).getAccessToken()
    clock.advance(45_000) // 75 s left: margin 60 s plus the 10 s lead not reached yet
    await sleep(1_300)
    expect(refreshes(b)).toBe(0)
    clock.advance(6_000) // 69 s left: inside the lead
    await vi.waitFor(() => expect(refreshes(b)).toBe(1), { timeout: 3_000, interval: 50 })
    await vi.waitFor(() => expect(a.evaluate('{{ appsmith.store.authAccessToken }}')).not.toBe(first))
    expect(b.counters['GET /api/rows'] ?? 0).toBe(0)

    page.visibilityState = 'hidden'
    clock.advance(500_000) // long past expiry, the page asleep in the background
    await sleep(2_300)
    expect(refreshes(b)).toBe(1)

    page.visibilityState = 'visible'
    await auth(a).getAccessToken()
    await sleep(1_300)
    expect(refreshes(b)).toBe(2)
  })

  it('autoRefresh: false renews nothing without a caller', async () => {
    vi.stubGlobal('document', { visibilityState: 'visible' })
    const b = await server({ accessTokenTtlSeconds: 120 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS, autoRefresh: false }, { now: clock.now })
    await auth(a).getAccessToken()
    clock.advance(61_000)
    await sleep(2_300)
    expect(refreshes(b)).toBe(0)
    await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(1)
  })
})
