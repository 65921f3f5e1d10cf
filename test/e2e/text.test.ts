/**
 * `<smith-text>` in real Chromium under the strict CSP (`script-src 'self'; style-src
 * 'self'`): it renders into light DOM, styled by one constructed sheet the document
 * adopts (no `<style>`, no style attribute), so the text is plain text in the page —
 * a selection of the page takes it — and an app's own CSS wins over its rules.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { compositePage } from './composite-page'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

type TextElement = HTMLElement & { text: unknown; errors: Record<string, string>; loading: boolean }

/** The computed style properties `names` of the text `selector`. */
function styleOf(page: Page, selector: string, names: string[]): Promise<Record<string, string>> {
  return page.evaluate(
    ([s, n]) => {
      const style = getComputedStyle(document.querySelector(s)!)
      return Object.fromEntries(n.map((k) => [k, style.getPropertyValue(k)]))
    },
    [selector, names] as const,
  )
}

describe('<smith-text> in Chromium, strict CSP', () => {
  test('plain text in the page: block, pre-wrapped, selectable and found by find-in-page; HTML stays text', async () => {
    const page = await compositePage(e2e, 'text-light', `
      <smith-text id="a" text="Hello world"></smith-text>
      <smith-text id="b" text="line one
line two"></smith-text>
      <smith-text id="c"></smith-text>`)
    expect(await page.evaluate(() => document.querySelector('#a')!.shadowRoot)).toBeNull()
    expect(await styleOf(page, '#a', ['display', 'white-space', 'overflow-wrap', 'box-sizing'])).toEqual({
      display: 'block',
      'white-space': 'pre-wrap',
      'overflow-wrap': 'anywhere',
      'box-sizing': 'border-box',
    })
    // Two lines render as two lines (pre-wrap), and the text is on screen.
    const heights = await page.evaluate(() => ['#a', '#b'].map((s) => document.querySelector(s)!.getBoundingClientRect().height))
    expect(heights[1]!).toBeGreaterThan(heights[0]! * 1.5)
    await expect.poll(() => page.getByText('Hello world').isVisible()).toBe(true)
    // Selecting the page takes the text with it (a selection never takes a shadow root's), and find-in-page finds it.
    const selected = await page.evaluate(() => {
      getSelection()!.selectAllChildren(document.body)
      return getSelection()!.toString()
    })
    expect(selected).toContain('Hello world')
    const found = await page.evaluate(() => {
      getSelection()!.removeAllRanges()
      return (window as unknown as { find(s: string): boolean }).find('line two')
    })
    expect(found).toBe(true)

    const payload = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>'
    await page.evaluate((p) => void ((document.querySelector('#c') as TextElement).text = p), payload)
    expect(await page.evaluate(() => document.querySelector('#c')!.textContent)).toBe(payload)
    expect(await page.evaluate(() => document.querySelectorAll('img, smith-text script').length)).toBe(0)
    expect(await page.title()).toBe('ready')
    expect(e2e.browser.cspViolations().filter((e) => e.page === 'text-light')).toEqual([])
    expect(e2e.browser.events.filter((e) => e.page === 'text-light' && e.kind === 'pageerror')).toEqual([])
  })

  test('hidden hides it; a binding error shows as the alert block; loading sets aria-busy; the app’s CSS wins', async () => {
    const page = await compositePage(e2e, 'text-states', '<smith-text id="t" text="Shown"></smith-text>')
    await page.evaluate(() => void (document.querySelector('#t') as TextElement).toggleAttribute('hidden', true))
    expect((await styleOf(page, '#t', ['display'])).display).toBe('none')
    expect(await page.getByText('Shown').isVisible()).toBe(false)
    await page.evaluate(() => void (document.querySelector('#t') as TextElement).toggleAttribute('hidden', false))
    expect(await page.getByText('Shown').isVisible()).toBe(true)

    await page.evaluate(() => void ((document.querySelector('#t') as TextElement).errors = { text: 'ReferenceError: Api is not defined' }))
    const alert = page.getByRole('alert')
    expect(await alert.textContent()).toBe('ReferenceError: Api is not defined')
    expect(await page.getByText('Shown').count()).toBe(0)
    const block = await styleOf(page, '#t > [role="alert"]', ['border-left-color', 'border-left-width', 'background-color', 'margin-top'])
    expect(block).toEqual({ 'border-left-color': 'rgb(198, 40, 40)', 'border-left-width': '4px', 'background-color': 'rgb(253, 236, 234)', 'margin-top': '0px' })
    await page.evaluate(() => {
      const t = document.querySelector('#t') as TextElement
      t.errors = {}
      t.loading = true
    })
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(await page.getByText('Shown').isVisible()).toBe(true)
    expect(await page.evaluate(() => document.querySelector('#t')!.getAttribute('aria-busy'))).toBe('true')

    // An app's own rule (here a constructed sheet, as the policy allows) beats the text's layered one.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync('smith-text { white-space: normal; display: inline-block; }')
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    })
    expect(await styleOf(page, '#t', ['white-space', 'display'])).toEqual({ 'white-space': 'normal', display: 'inline-block' })
    expect(e2e.browser.cspViolations().filter((e) => e.page === 'text-states')).toEqual([])
  })

  test('a text inside another shadow root gets the sheet there', async () => {
    const page = await compositePage(e2e, 'text-shadow', '<div id="host"></div>')
    const style = await page.evaluate(() => {
      const root = document.querySelector('#host')!.attachShadow({ mode: 'open' })
      root.innerHTML = '<smith-text text="inside"></smith-text>'
      return getComputedStyle(root.querySelector('smith-text')!).whiteSpace
    })
    expect(style).toBe('pre-wrap')
  })
})
