// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest'
import '../../widgets/define'
import { disposingTestApp } from '../support/app'

const open = disposingTestApp()
afterEach(() => void document.body.replaceChildren())

it('a page-level JS object with a syntax error: the page mounts, a binding that reads it shows the error, the others work', async () => {
  const root = document.createElement('div')
  root.innerHTML = '<smith-text name="Label" text="{{ PageTypo.label }}"></smith-text><smith-text name="Other" text="{{ Fine.n + 1 }}"></smith-text>'
  document.body.append(root)
  const app = await open()
  await app.mount(root, {
    jsObjects: {
      PageTypo: 'export default {\n  label: "x",\n  go() { return ( },\n}',
      Fine: 'export default { n: 41 }',
    },
  })
  // The scanner finds this one before the engine does: it says where, line:col.
  expect(app.warnings).toEqual(['smithlet: JS object "PageTypo": Expected ")" to close "(" at 3:17 but found "}" at 3:19; the rest of the app starts without it'])
  const label = root.querySelector('[name="Label"]') as HTMLElement & { errors: Record<string, string>; updateComplete: Promise<unknown> }
  const other = root.querySelector('[name="Other"]') as HTMLElement & { text: unknown }
  expect(label.errors.text).toMatch(/JS object "PageTypo": Expected "\)" to close "\(" at 3:17/)
  expect(other.text).toBe(42)
  expect(app.errors.map((e) => [e.kind, `${e.entity}.${e.property}`])).toEqual([['binding', 'Label.text']])
  await expect(app.run('{{ PageTypo.go() }}')).rejects.toMatchObject({ name: 'CompileError', objectName: 'PageTypo', line: 3 })
})
