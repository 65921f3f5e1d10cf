/**
 * An app pays only for the widgets it imports: a bundle of one widget (imported by name
 * from widgets/index.ts, as an app would) holds none of the others' code, and the new
 * form controls stay within a size budget (minified + gzipped, as shipped).
 */
import { gzipSync } from 'node:zlib'
import { resolve } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

async function bundle(contents: string): Promise<{ text: string; gzip: number }> {
  const result = await build({
    absWorkingDir: ROOT,
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  const bytes = result.outputFiles[0].contents
  return { text: result.outputFiles[0].text, gzip: gzipSync(bytes, { level: 9 }).byteLength }
}

/** A string only each widget's own code contains. */
const MARKERS: Record<string, string> = {
  SmithMultiSelect: 'Select option(s)',
  SmithFilePicker: 'this type of file is not allowed',
  SmithMenuButton: 'aria-haspopup',
  SmithCurrencyInput: 'narrowSymbol',
  SmithPhoneInput: 'United Kingdom',
  SmithDatePicker: 'datetime-local',
  SmithSelect: 'Select an option',
  SmithImage: 'only http(s) and data:image URLs',
}

describe('widget bundles', () => {
  test('an app that imports only the table pays for none of the controls', async () => {
    const table = await bundle("import { SmithTable } from './widgets/index'; customElements.define('smith-table', SmithTable)")
    for (const [widget, marker] of Object.entries(MARKERS)) expect(table.text.includes(marker), `${widget} in a table-only bundle`).toBe(false)
    const all = await bundle("import './widgets/define'")
    for (const [widget, marker] of Object.entries(MARKERS)) expect(all.text.includes(marker), `${widget} in the full bundle`).toBe(true)
    expect(all.gzip - table.gzip).toBeGreaterThan(10_000)
  })

  test('one control brings only itself: a select bundle holds no other control', async () => {
    const select = await bundle("import { SmithSelect } from './widgets/index'; customElements.define('smith-select', SmithSelect)")
    for (const [widget, marker] of Object.entries(MARKERS)) {
      if (widget !== 'SmithSelect') expect(select.text.includes(marker), `${widget} in a select-only bundle`).toBe(false)
    }
    expect(select.text.includes(MARKERS.SmithSelect)).toBe(true)
  })

  test('size budget: the sixteen controls together add under 18 KB gzipped to Lit and the base class', async () => {
    const base = await bundle("import { SmithElement } from './widgets/smith-element'; customElements.define('x-base', class extends SmithElement {})")
    const names = ['SmithSelect', 'SmithMultiSelect', 'SmithCheckbox', 'SmithCheckboxGroup', 'SmithRadioGroup', 'SmithSwitch', 'SmithDatePicker', 'SmithFilePicker', 'SmithIconButton', 'SmithButtonGroup', 'SmithMenuButton', 'SmithMenuItem', 'SmithImage', 'SmithDivider', 'SmithProgress', 'SmithPhoneInput', 'SmithCurrencyInput']
    const controls = await bundle(`import { ${names.join(', ')} } from './widgets/index'\n${names.map((n, i) => `customElements.define('x-${i}', ${n})`).join('\n')}`)
    expect(controls.gzip - base.gzip).toBeLessThan(18 * 1024)
  })
})
