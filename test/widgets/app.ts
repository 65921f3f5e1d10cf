/** Widgets in a real app: `createApp` + `app.mount`, so triggers and bindings go through the runtime. */
import '../../widgets/define'
import type { App } from '../../src/index'
import { disposingTestApp, testApp } from '../support/app'

/** Mounts `html` in the document with a fresh in-memory app; returns the app and a lookup by widget name. */
export function appMounter(): (html: string, definition?: Parameters<typeof testApp>[0]) => Promise<{ app: App; el: <T extends Element = HTMLElement>(name: string) => T }> {
  const open = disposingTestApp()
  return async (html, definition = {}) => {
    document.body.innerHTML = html
    const app = await open(definition)
    await app.mount(document.body)
    const el = <T extends Element = HTMLElement>(name: string): T => {
      const found = document.querySelector(`[name="${name}"]`)
      if (!found) throw new Error(`no widget named ${name}`)
      return found as T
    }
    for (const w of document.querySelectorAll('*')) await (w as unknown as { updateComplete?: Promise<unknown> }).updateComplete
    return { app, el }
  }
}

/** A promise that settles after pending microtasks and Lit updates (triggers run asynchronously). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0))
}
