// @vitest-environment happy-dom
/**
 * A JS object variable mutated in place (`this.list.push(x)`) is the same object before
 * and after; a widget bound to it still shows the change, as in Appsmith
 * (JSObjectMutationTestApp's Text1 bound to an array).
 */
import { afterEach, expect, test } from 'vitest'
import { appMounter, settle } from './app'
import { cleanup } from './helpers'

afterEach(cleanup)
const mountApp = appMounter()

test('a text bound to an array variable follows push and pop', async () => {
  const { app, el } = await mountApp('<smith-text name="Text1" text="{{ J.list }}"></smith-text>', {
    jsObjects: { J: 'export default { list: [], add() { this.list.push(this.list.length) }, drop() { this.list.pop() } }' },
  })
  const shown = (): string => el('Text1').textContent ?? ''
  expect(JSON.parse(shown())).toEqual([])
  await app.run('{{ J.add() }}')
  await app.run('{{ J.add() }}')
  await settle()
  expect(JSON.parse(shown())).toEqual([0, 1])
  await app.run('{{ J.drop() }}')
  await settle()
  expect(JSON.parse(shown())).toEqual([0])
})
