/**
 * Headless Chromium for the e2e tests, driven by playwright-core.
 *
 * The browser is Debian's `/usr/bin/chromium` when installed, else `@sparticuz/chromium`
 * from npm, so `npm test` needs nothing outside npm. `E2E_CHROMIUM` overrides the choice:
 * a path to a Chromium binary, or `sparticuz` to force the npm one.
 *
 * Each test takes a fresh context (its own profile state: IndexedDB, BroadcastChannel and
 * Web Locks are per context, so a context is one browser profile and two pages in it are
 * two tabs of it). Every page of every context is watched: console messages (with the
 * browser's own, such as failed loads, which Playwright forwards from the CDP Log domain),
 * uncaught page errors, dialogs (recorded and dismissed, so a stray `alert()` can neither
 * block a test nor go unseen) and Content-Security-Policy violations.
 *
 * CSP violations are caught twice over, because the console is not enough: Chromium
 * logs a blocked inline style there but reports a blocked `eval` / `new Function` only
 * as a DevTools issue and a `securitypolicyviolation` event. So each page gets (1) a CDP
 * session with the Audits domain on (`ContentSecurityPolicyIssue`) and (2) an init
 * script that forwards `securitypolicyviolation` events through an exposed binding. Both
 * are DevTools-injected and not subject to the page's CSP.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Dialog, Page } from 'playwright-core'

/** The Chromium flags of every e2e run. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const DEBIAN_CHROMIUM = '/usr/bin/chromium'
/** The name under which pages report `securitypolicyviolation` events. */
const CSP_BINDING = '__e2eCspViolation'

/** One thing a page said: a console message, an uncaught error, or a dialog. */
export interface PageEvent {
  /** `console`, `pageerror`, `dialog`, or `csp` (a violation, from either source). */
  readonly kind: 'console' | 'pageerror' | 'dialog' | 'csp'
  /** Console type (`log`, `warning`, `error`, …), the error name, the dialog type, or the CSP directive. */
  readonly type: string
  readonly text: string
  /** Where it came from: the console message's source URL, else the page's URL. */
  readonly url: string
  /** Label of the page, as given to {@link E2EBrowser.newPage}. */
  readonly page: string
}

/** A launched browser and everything its pages said. */
export interface E2EBrowser {
  readonly browser: Browser
  /** Which binary runs, for the report. */
  readonly executablePath: string
  /** Every console message, page error and dialog of every page, in order. */
  readonly events: PageEvent[]
  /** A fresh context (a profile of its own); closed by {@link close} at the latest. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
  /** A new page (tab) in `context`, or in a fresh context; `label` names it in {@link events}. */
  newPage(context?: BrowserContext, label?: string): Promise<Page>
  /** Console messages only. */
  consoleText(): string[]
  /** Content-Security-Policy violations: CSP events, and console messages that report one. */
  cspViolations(): PageEvent[]
  /** Dialogs that opened (every one was dismissed). */
  dialogs(): PageEvent[]
  /** Closes every context and the browser. */
  close(): Promise<void>
}

/** A Content-Security-Policy violation as Chromium words it in the console. */
export const CSP_VIOLATION = /Content Security Policy|Content-Security-Policy|Refused to (?:evaluate|execute|apply|load|connect|create)/i

interface Executable {
  path: string
  args: readonly string[]
}

async function sparticuz(): Promise<Executable> {
  const mod = (await import('@sparticuz/chromium')) as unknown as {
    default: { executablePath(): Promise<string>; args: string[] }
  }
  const chrome = mod.default
  // Its own flags (tuned for its bundled libraries and graphics), then ours, minus those
  // made for one-shot serverless runs that would change what the tests see:
  // --single-process ends the browser with the first closed context, and the web-security
  // and site-isolation switches would loosen the very policies under test.
  const unwanted = /^--(?:single-process|disable-web-security|allow-running-insecure-content|disable-site-isolation-trials|disable-features=|headless)/
  return { path: await chrome.executablePath(), args: [...chrome.args.filter((a) => !unwanted.test(a)), ...CHROMIUM_ARGS] }
}

async function findChromium(): Promise<Executable> {
  const choice = process.env.E2E_CHROMIUM
  if (choice === 'sparticuz') return sparticuz()
  if (choice) return { path: choice, args: CHROMIUM_ARGS }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, args: CHROMIUM_ARGS }
  return sparticuz()
}

/** Launches headless Chromium; see the file comment. */
export async function launchBrowser(): Promise<E2EBrowser> {
  const exe = await findChromium()
  // Playwright gives the browser a fresh temporary profile (user data dir) of its own
  // and removes it on close; each context is then an isolated, incognito-like profile.
  const browser = await chromium.launch({ executablePath: exe.path, args: [...exe.args], headless: true, timeout: 60_000 })
  const events: PageEvent[] = []
  const contexts = new Set<BrowserContext>()
  const labels = new WeakMap<Page, string>()
  let unnamed = 0

  const watch = (page: Page): void => {
    const label = (): string => labels.get(page) ?? 'page'
    page.on('console', (message: ConsoleMessage) => {
      events.push({ kind: 'console', type: message.type(), text: message.text(), url: message.location().url || page.url(), page: label() })
    })
    page.on('pageerror', (error: Error) => {
      events.push({ kind: 'pageerror', type: error.name, text: `${error.name}: ${error.message}\n${error.stack ?? ''}`, url: page.url(), page: label() })
    })
    page.on('dialog', (dialog: Dialog) => {
      events.push({ kind: 'dialog', type: dialog.type(), text: dialog.message(), url: page.url(), page: label() })
      dialog.dismiss().catch(() => undefined)
    })
  }

  /** Reports CSP issues of one page from the DevTools Audits domain. */
  const audit = async (context: BrowserContext, page: Page): Promise<void> => {
    const cdp = await context.newCDPSession(page)
    cdp.on('Audits.issueAdded', (event) => {
      const details = event.issue.details.contentSecurityPolicyIssueDetails
      if (event.issue.code !== 'ContentSecurityPolicyIssue' || !details) return
      const where = details.sourceCodeLocation?.url || details.blockedURL || page.url()
      events.push({
        kind: 'csp',
        type: details.violatedDirective,
        text: `CSP issue: ${details.contentSecurityPolicyViolationType} (${details.violatedDirective})`,
        url: where,
        page: labels.get(page) ?? 'page',
      })
    })
    await cdp.send('Audits.enable')
  }

  const newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await browser.newContext(options)
    contexts.add(context)
    context.on('page', watch)
    context.on('close', () => contexts.delete(context))
    await context.exposeBinding(CSP_BINDING, ({ page }, violation: { directive: string; blocked: string }) => {
      events.push({
        kind: 'csp',
        type: violation.directive,
        text: `securitypolicyviolation: ${violation.directive} blocked ${violation.blocked}`,
        url: page?.url() ?? '',
        page: (page && labels.get(page)) ?? 'page',
      })
    })
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
      window[${JSON.stringify(CSP_BINDING)}]({ directive: e.effectiveDirective, blocked: e.blockedURI });
    });`)
    return context
  }

  return {
    browser,
    executablePath: exe.path,
    events,
    newContext,
    async newPage(context, label) {
      const ctx = context ?? (await newContext())
      const page = await ctx.newPage()
      labels.set(page, label ?? `page-${++unnamed}`)
      await audit(ctx, page)
      return page
    },
    consoleText: () => events.filter((e) => e.kind === 'console').map((e) => e.text),
    cspViolations: () => events.filter((e) => e.kind === 'csp' || (e.kind === 'console' && CSP_VIOLATION.test(e.text))),
    dialogs: () => events.filter((e) => e.kind === 'dialog'),
    async close() {
      for (const context of [...contexts]) await context.close().catch(() => undefined)
      await browser.close()
    },
  }
}
