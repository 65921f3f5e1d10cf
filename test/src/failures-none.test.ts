/**
 * Failure reporting and app.runPageLoad's run as a built app in which no action can run
 * gets them (src/failures-none.ts, src/app-page-load-none.ts, swapped in by the esbuild
 * plugin): starting an event's or a page-load action is an error naming the missing part,
 * and so is reporting any outcome; leaving a page clears nothing.
 */
import { describe, expect, test } from 'vitest'
import { createFailures, pageLoadAction, triggerAction } from '../../src/failures-none'
import { createErrorMap } from '../../src/error-map'
import { runAppPageLoad } from '../../src/app-page-load-none'

const MISSING = /^this build has no event handlers: smithlet build bundles/

describe('the failure reporting of an app with no actions', () => {
  test('an action, and every report of one, is an error naming the part; leaving a page is a no-op', () => {
    expect(() => triggerAction('Button1.onClick', 'f()')).toThrow(MISSING)
    expect(() => pageLoadAction('getUsers', true)).toThrow(MISSING)
    const failures = createFailures({ warn: () => {}, alert: () => {}, clearAlerts: () => {}, errors: createErrorMap(), store: {} })
    const action = { key: 'action:B.onClick', what: 'B.onClick', entity: 'B', property: 'onClick', expression: 'f()' }
    expect(() => failures.failed(action, new Error('x'))).toThrow(MISSING)
    expect(() => failures.succeeded(action.key)).toThrow(MISSING)
    expect(() => failures.queryRun('q', false)).toThrow(MISSING)
    expect(() => failures.leavePage(() => true)).not.toThrow()
  })
})

describe('the page-load run of an app with nothing to run on page load', () => {
  test('calling it is an error naming the part', () => {
    expect(() => runAppPageLoad(['Util.f'], {}, new Map(), {}, createFailures({ warn: () => {}, alert: () => {}, clearAlerts: () => {}, errors: createErrorMap(), store: {} }), undefined)).toThrow(/^this build has no page-load actions: smithlet build bundles/)
  })
})
