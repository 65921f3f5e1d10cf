/**
 * smithlet devtools: `createDevtools()` gives the inspector to pass to `createApp` and
 * `attach(app)` docks `<smith-devtools>` on the page. `smithlet dev` does both; a
 * production build never imports this module.
 */
import { defineSmithDevtools, type InspectedApp, type SmithDevtools } from './panel'
import { createDevtoolsSession, type DevtoolsSession } from './session'

export { SmithDevtools, defineSmithDevtools } from './panel'
export { createDevtoolsSession, maskedPath } from './session'
export type { DevtoolsSession, QueryLogEntry } from './session'

/** A devtools instance for one app. */
export interface Devtools {
  /** Pass as `createApp(definition, { inspector })`. */
  readonly inspector: DevtoolsSession['inspector']
  readonly session: DevtoolsSession
  /** Docks the panel for `app` on `document.body`; returns the element. */
  attach(app: InspectedApp, options?: { open?: boolean; parent?: Element }): SmithDevtools
}

/** Creates the devtools for one app. */
export function createDevtools(): Devtools {
  const session = createDevtoolsSession()
  return {
    inspector: session.inspector,
    session,
    attach(app, options = {}) {
      defineSmithDevtools()
      const panel = document.createElement('smith-devtools') as SmithDevtools
      panel.app = app
      panel.session = session
      panel.open = options.open ?? false
      ;(options.parent ?? document.body).appendChild(panel)
      return panel
    },
  }
}
