/**
 * The composite-widgets page: `window.e2e.mountHtml(html, withApp)` puts widgets on the
 * page — bare, or mounted by a real app (bindings compiled at run time, so tests that
 * need an app load the page with `?csp=off`) — and resolves once they have rendered.
 */
import { createApp, type App } from '../../../src/index'
import '../../../widgets/define'
import '../../../widgets/chart/define'

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve))

let app: App | undefined

async function mountHtml(html: string, withApp = false): Promise<void> {
  app?.dispose()
  app = undefined
  document.body.innerHTML = html
  if (withApp) {
    app = await createApp({ id: 'e2e-composite' }, { storage: null, channel: null })
    await app.mount(document.body)
  }
  await settle()
}

/** Waits for every widget's pending render and two frames. */
async function settle(): Promise<void> {
  await frame()
  await Promise.all([...document.querySelectorAll('*')].map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete))
  await frame()
}

/** Evaluates a binding in the mounted app. */
function evaluate(template: string): unknown {
  if (!app) throw new Error('no app mounted')
  return app.evaluate(template)
}

;(window as unknown as { e2e: unknown }).e2e = { mountHtml, settle, evaluate }
document.title = 'ready'
