/**
 * `<smith-list>` and `<smith-json-form>` in real Chromium, mounted by a real app: a list
 * of 10,000 items scrolled with the wheel and the keyboard keeps a screenful of items in
 * the document, bound to the right `currentItem`; a JSON form filled in by keyboard and
 * mouse submits its `formData` to `onSubmit`.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { compositePage, evaluateIn } from './composite-page'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

function listState(page: Page): Promise<{ items: number; first: string; last: string; lastIndex: number; scrollTop: number; maxScroll: number }> {
  return page.evaluate(() => {
    const list = document.querySelector('smith-list')!
    const items = [...list.querySelectorAll<HTMLElement>(':scope > [data-smith-item]')]
    const view = list.shadowRoot!.querySelector('.scroller') as HTMLElement
    const box = view.getBoundingClientRect()
    const visible = items.filter((i) => {
      const r = i.getBoundingClientRect()
      return r.bottom > box.top && r.top < box.bottom
    })
    const text = (el: HTMLElement | undefined): string => el?.querySelector('smith-text')?.textContent ?? ''
    return {
      items: items.length,
      first: text(visible[0]),
      last: text(visible[visible.length - 1]),
      lastIndex: Number(visible[visible.length - 1]?.dataset.index),
      scrollTop: view.scrollTop,
      maxScroll: view.scrollHeight - view.clientHeight,
    }
  })
}

describe('<smith-list> in Chromium', () => {
  test('10,000 items: wheel scrolling, End, and the last item reachable with a screenful in the DOM', async () => {
    const page = await compositePage(e2e, 'list', `
      <smith-list name="List1" item-height="48" item-spacing="0" height="480"
          list-data="{{ Array.from({ length: 10000 }, (_, i) => ({ id: i, name: 'Item ' + i })) }}"
          on-item-click="{{ storeValue('picked', List1.selectedItem.id) }}">
        <template><smith-text text="{{ currentIndex + ' ' + currentItem.name }}"></smith-text></template>
      </smith-list>`, true)
    await expect.poll(async () => (await listState(page)).first).toBe('0 Item 0')
    expect((await listState(page)).items).toBeLessThan(25)

    await page.locator('smith-list').hover()
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 4800)
    await expect.poll(async () => (await listState(page)).scrollTop, { timeout: 10_000 }).toBeGreaterThan(40_000)
    const middle = await listState(page)
    expect(middle.items).toBeLessThan(25)
    const at = Number(middle.first.split(' ')[0])
    expect(middle.first).toBe(`${at} Item ${at}`)
    expect(at).toBeGreaterThan(800)

    // Keyboard: focus an item, End goes to the last, Enter selects it.
    await page.locator('smith-list [data-smith-item][tabindex="0"]').focus()
    await page.keyboard.press('End')
    await expect.poll(async () => (await listState(page)).lastIndex).toBe(9999)
    expect((await listState(page)).last).toBe('9999 Item 9999')
    expect((await listState(page)).items).toBeLessThan(25)
    await page.keyboard.press('Enter')
    await expect.poll(() => evaluateIn(page, '{{ appsmith.store.picked }}')).toBe(9999)
    expect(e2e.browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
  })
})

describe('<smith-json-form> in Chromium', () => {
  test('filled in and submitted: onSubmit gets formData', async () => {
    const page = await compositePage(e2e, 'json-form', `
      <smith-json-form name="JSONForm1" title="Employee"
        source-data='{"name": "John", "email": "john@example.com", "employee_id": 1001, "active": false, "started": "2020-01-31"}'
        on-submit="{{ storeValue('submitted', JSONForm1.formData) }}"></smith-json-form>`, true)
    const form = page.locator('smith-json-form')
    await form.getByLabel('Name').fill('Ada Lovelace')
    await form.getByLabel('Email').fill('not an e-mail')
    await form.getByLabel('Email').blur()
    await expect.poll(() => form.getByText('Enter a valid e-mail address.').isVisible()).toBe(true)
    expect(await form.getByRole('button', { name: 'Submit' }).isDisabled()).toBe(true)
    expect(await evaluateIn(page, '{{ JSONForm1.isValid }}')).toBe(false)
    await form.getByLabel('Email').fill('ada@example.com')
    await form.getByLabel('Employee Id').fill('42')
    await form.getByRole('switch', { name: 'Active' }).check()
    await form.getByLabel('Started').fill('2021-06-15')
    await form.getByRole('button', { name: 'Submit' }).click()
    await expect.poll(() => evaluateIn(page, '{{ appsmith.store.submitted }}')).toEqual({
      name: 'Ada Lovelace', email: 'ada@example.com', employee_id: 42, active: true, started: '2021-06-15',
    })
    // Enter in a field submits too (a native form).
    await form.getByLabel('Name').fill('Grace')
    await form.getByLabel('Name').press('Enter')
    await expect.poll(() => evaluateIn(page, '{{ appsmith.store.submitted.name }}')).toBe('Grace')
  })
})
