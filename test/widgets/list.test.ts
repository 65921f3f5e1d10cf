// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { SmithList } from '../../widgets/index'
import { disposingTestApp } from '../support/app'
import { cleanup, key, people, recordTriggers, shadow } from './helpers'

afterEach(cleanup)
const testApp = disposingTestApp()

const items = (list: Element): HTMLElement[] => [...list.querySelectorAll<HTMLElement>(':scope > [data-smith-item]')]
const texts = (list: Element): string[] =>
  items(list).map((i) => [...i.querySelectorAll('smith-text')].map((t) => t.textContent ?? '').join('|'))

async function mountApp(html: string, definition: Parameters<typeof testApp>[0] = {}) {
  document.body.innerHTML = html
  const app = await testApp(definition)
  await app.mount(document.body)
  const list = document.querySelector('smith-list') as SmithList
  await settle(list)
  return { app, list }
}

async function settle(list: SmithList): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await list.updateComplete
    await Promise.all([...list.querySelectorAll('smith-text, smith-button')].map((w) => (w as unknown as { updateComplete: Promise<unknown> }).updateComplete))
  }
}

const LIST = `<smith-list name="List1" list-data="{{appsmith.store.rows ?? []}}" item-height="40" height="200" item-spacing="0"
      on-item-click="{{storeValue('clicked', List1.selectedItem.name)}}">
    <template>
      <smith-text name="Name" text="{{currentIndex + ': ' + currentItem.name}}"></smith-text>
      <smith-button name="Del" label="Delete" on-click="{{storeValue('deleted', currentItem.id)}}"></smith-button>
    </template>
  </smith-list>`

describe('<smith-list> with the runtime', () => {
  test('each item is bound with currentItem and currentIndex; widgets in items stay out of the page scope', async () => {
    const { app, list } = await mountApp(LIST)
    expect(items(list)).toHaveLength(0)
    await app.run(`{{ storeValue('rows', ${JSON.stringify(people(3))}) }}`)
    await settle(list)
    expect(texts(list)).toEqual(['0: Person 0', '1: Person 1', '2: Person 2'])
    expect(() => app.evaluate('{{ Name.text }}')).not.toThrow()
    expect(app.evaluate('{{ typeof Name }}')).toBe('undefined')
    expect(app.errors).toEqual([])
  })

  test('clicking an item selects it and runs onItemClick; an item widget\'s event sees its own currentItem and sets triggeredItem', async () => {
    const { app, list } = await mountApp(LIST)
    await app.run(`{{ storeValue('rows', ${JSON.stringify(people(3))}) }}`)
    await settle(list)
    items(list)[1].click()
    await expect.poll(() => app.evaluate('{{ appsmith.store.clicked }}')).toBe('Person 1')
    expect(app.evaluate('{{ List1.selectedItem.id }}')).toBe(1)
    expect(app.evaluate('{{ List1.selectedItemIndex }}')).toBe(1)
    expect(app.evaluate('{{ List1.selectedItemView.Name.text }}')).toBe('1: Person 1')
    const del = items(list)[2].querySelector('smith-button')!
    ;(del as unknown as { click(): void }).click()
    await expect.poll(() => app.evaluate('{{ appsmith.store.deleted }}')).toBe(2)
    expect(app.evaluate('{{ List1.triggeredItem.name }}')).toBe('Person 2')
    expect(app.evaluate('{{ List1.triggeredItemIndex }}')).toBe(2)
  })

  test('new data re-evaluates the stamped items in place', async () => {
    const { app, list } = await mountApp(LIST)
    await app.run(`{{ storeValue('rows', ${JSON.stringify(people(2))}) }}`)
    await settle(list)
    const first = items(list)[0]
    await app.run(`{{ storeValue('rows', [{ id: 9, name: 'Zed' }, { id: 8, name: 'Yan' }]) }}`)
    await settle(list)
    expect(texts(list)).toEqual(['0: Zed', '1: Yan'])
    expect(items(list)[0]).toBe(first)
  })

  test('10,000 items stamp only the window; scrolling moves it and unbinds what left', async () => {
    const { app, list } = await mountApp(LIST)
    await app.run("{{ storeValue('rows', Array.from({ length: 10000 }, (_, i) => ({ id: i, name: 'Person ' + i })), false) }}")
    await settle(list)
    const scroller = shadow(list).querySelector<HTMLElement>('.scroller')!
    expect(items(list).length).toBeLessThan(20)
    expect(texts(list)[0]).toBe('0: Person 0')
    scroller.scrollTop = 40 * 5000
    scroller.dispatchEvent(new Event('scroll'))
    await settle(list)
    expect(items(list).length).toBeLessThan(20)
    expect(texts(list).some((t) => t === '5000: Person 5000')).toBe(true)
    expect(items(list).every((el) => Number(el.dataset.index) >= 4990)).toBe(true)
    expect(items(list)[0].getAttribute('aria-setsize')).toBe('10000')
  })

  test('client-side pages: pageSize items, pager, onPageChange with pageNo', async () => {
    const { app, list } = await mountApp(LIST.replace('item-spacing="0"', 'item-spacing="0" page-size="2" on-page-change="{{storeValue(\'page\', List1.pageNo)}}"'))
    await app.run(`{{ storeValue('rows', ${JSON.stringify(people(5))}) }}`)
    await settle(list)
    expect(texts(list)).toEqual(['0: Person 0', '1: Person 1'])
    expect(shadow(list).querySelector('.pager span')!.textContent).toBe('Page 1 of 3')
    shadow(list).querySelector<HTMLButtonElement>('[aria-label="Next page"]')!.click()
    await settle(list)
    expect(texts(list)).toEqual(['2: Person 2', '3: Person 3'])
    await expect.poll(() => app.evaluate('{{ appsmith.store.page }}')).toBe(2)
  })

  test('server-side pagination: listData is the page; totalRecordsCount gives the pages', async () => {
    const { app, list } = await mountApp(`<smith-list name="L" server-side-pagination page-size="2" total-records-count="6"
        list-data="{{ [{ n: 'p' + L.pageNo + 'a' }, { n: 'p' + L.pageNo + 'b' }] }}">
        <template><smith-text text="{{currentItem.n}}"></smith-text></template></smith-list>`)
    expect(texts(list)).toEqual(['p1a', 'p1b'])
    expect(list.pageCount).toBe(3)
    list.setPage(3)
    await settle(list)
    expect(texts(list)).toEqual(['p3a', 'p3b'])
    expect(app.evaluate('{{ L.pageNo }}')).toBe(3)
  })
})

describe('<smith-list> keyboard and model', () => {
  test('one tab stop; arrows move focus between items; Enter selects', async () => {
    const { list } = await mountApp(LIST)
    list.listData = people(4)
    await settle(list)
    const log = recordTriggers(list)
    expect(items(list).map((i) => i.tabIndex)).toEqual([0, -1, -1, -1])
    key(items(list)[0], 'ArrowDown')
    await settle(list)
    expect(items(list).map((i) => i.tabIndex)).toEqual([-1, 0, -1, -1])
    key(items(list)[1], 'End')
    await settle(list)
    expect(items(list)[3].tabIndex).toBe(0)
    key(items(list)[3], 'Enter')
    expect(log.map((e) => [e.event, (e.meta.selectedItem as { id: number }).id])).toEqual([['onItemClick', 3]])
    expect(items(list)[3].getAttribute('aria-current')).toBe(null) // until the render
    await settle(list)
    expect(items(list)[3].getAttribute('aria-current')).toBe('true')
  })

  test('without a runtime the template still stamps (static widgets), and no data shows "No items."', async () => {
    document.body.innerHTML = '<smith-list><template><smith-text text="static"></smith-text></template></smith-list>'
    const list = document.querySelector('smith-list') as SmithList
    await settle(list)
    expect(shadow(list).querySelector('.empty')!.textContent).toBe('No items.')
    list.listData = [1, 2]
    await settle(list)
    expect(texts(list)).toEqual(['static', 'static'])
  })
})
