// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest'
import { parseCsv, parseCsvRows } from '../../widgets/csv-parse'
import { matchesFileType, readFile } from '../../widgets/file-picker'
import type { PickedFile, SmithFilePicker } from '../../widgets/file-picker'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})
const open = appMounter()
const input = (el: Element): HTMLInputElement => shadow(el).querySelector('input[type="file"]')!

/** Picks files as the browser's file chooser would: sets `files` and fires `change`. */
async function choose(el: SmithFilePicker, files: File[]): Promise<void> {
  Object.defineProperty(input(el), 'files', { value: files, configurable: true })
  input(el).dispatchEvent(new Event('change'))
  await settle()
  await el.updateComplete
}

test('a native file input with the label, accept and multiple', async () => {
  const el = await mount<'smith-file-picker'>(`<smith-file-picker max-num-files="3" allowed-file-types='[".csv","image/*"]'></smith-file-picker>`)
  expect(shadow(el).querySelector('label')!.textContent).toBe('Select Files')
  expect(input(el).accept).toBe('.csv,image/*')
  expect(input(el).multiple).toBe(true)
})

test('through the app: files[0].data per fileDataType reaches bindings; onFilesSelected after reading; reset', async () => {
  const log = vi.spyOn(console, 'log')
  const { app, el } = await open(
    `<smith-file-picker name="FilePicker1" file-data-type="Text" on-files-selected="{{storeValue('got', FilePicker1.files[0].data)}}"></smith-file-picker>`,
  )
  const fp = el<SmithFilePicker>('FilePicker1')
  await choose(fp, [new File(['name,age\nAda,36'], 'people.csv', { type: 'text/csv' })])
  await settle()
  expect(app.evaluate('{{appsmith.store.got}}')).toBe('name,age\nAda,36')
  expect(app.evaluate('{{FilePicker1.files[0].name}}')).toBe('people.csv')
  expect(app.evaluate('{{FilePicker1.files[0].size}}')).toBe(15)
  expect(app.evaluate('{{FilePicker1.selectedFiles.length}}')).toBe(1)
  expect(log.mock.calls.flat().join(' ')).not.toContain('Ada,36')
  await app.run('{{resetWidget("FilePicker1")}}')
  expect(app.evaluate('{{FilePicker1.files}}')).toEqual([])
})

test('Base64 is a data URL, Binary a binary string', async () => {
  const el = await mount<'smith-file-picker'>('<smith-file-picker></smith-file-picker>')
  await choose(el, [new File([new Uint8Array([104, 105])], 'hi.txt', { type: 'text/plain' })])
  expect(el.meta.files.value as PickedFile[]).toMatchObject([{ name: 'hi.txt', type: 'text/plain', size: 2, data: 'data:text/plain;base64,aGk=', dataFormat: 'Base64' }])
  el.fileDataType = 'Binary'
  await choose(el, [new File([new Uint8Array([0, 255])], 'b.bin')])
  expect((el.meta.files.value as PickedFile[])[0].data).toBe('\u0000\u00ff')
})

test('wrong type, too large and too many files are left out and named', async () => {
  const el = await mount<'smith-file-picker'>(`<smith-file-picker max-file-size="0.000001" allowed-file-types='[".txt"]'></smith-file-picker>`)
  await choose(el, [new File(['x'], 'a.exe'), new File(['xx'], 'big.txt')])
  expect(el.meta.files.value).toEqual([])
  const alert = shadow(el).querySelector('[role="alert"]')!.textContent!
  expect(alert).toContain('a.exe: this type of file is not allowed')
  expect(alert).toContain('big.txt: larger than')
  el.maxFileSize = 5
  await choose(el, [new File(['1'], 'one.txt'), new File(['2'], 'two.txt')])
  expect((el.meta.files.value as PickedFile[]).map((f) => f.name)).toEqual(['one.txt'])
  expect(shadow(el).querySelector('[role="alert"]')!.textContent).toContain('two.txt: at most 1 file')
})

test('required: no file is invalid; a removed file makes it invalid again', async () => {
  const el = await mount<'smith-file-picker'>('<smith-file-picker is-required></smith-file-picker>')
  expect(el.meta.isValid.value).toBe(false)
  await choose(el, [new File(['x'], 'a.txt')])
  expect(el.meta.isValid.value).toBe(true)
  ;(shadow(el).querySelector('li button') as HTMLButtonElement).click()
  expect(el.meta.isValid.value).toBe(false)
})

test('helpers', async () => {
  expect(matchesFileType({ name: 'A.PNG', type: 'image/png' }, '.png')).toBe(true)
  expect(matchesFileType({ name: 'a.png', type: 'image/png' }, 'image/*')).toBe(true)
  expect(matchesFileType({ name: 'a.png', type: 'image/png' }, 'application/pdf')).toBe(false)
  expect(matchesFileType({ name: 'a', type: '' }, '*')).toBe(true)
  expect(await readFile(new Blob(['é']), 'Text')).toBe('é')
})

test('Array: a CSV file becomes its rows as objects (typed), a JSON file is parsed; other files are named, not read', async () => {
  const el = await mount<'smith-file-picker'>('<smith-file-picker file-data-type="Array" max-num-files="3"></smith-file-picker>')
  await choose(el, [
    new File(['name,age,ok\r\n"Lovelace, Ada",36,true\r\n"Say ""hi""",,false\r\n'], 'people.csv', { type: 'text/csv' }),
    new File(['{"a":[1,2]}'], 'data.json', { type: 'application/json' }),
    new File(['PK\u0003\u0004 secret'], 'sheet.xlsx'),
  ])
  const files = el.meta.files.value as PickedFile[]
  expect(files[0].data).toEqual([
    { name: 'Lovelace, Ada', age: 36, ok: true },
    { name: 'Say "hi"', age: '', ok: false },
  ])
  expect(files[1].data).toEqual({ a: [1, 2] })
  expect(files).toHaveLength(2)
  const alert = shadow(el).querySelector('[role="alert"]')!.textContent!
  expect(alert).toContain('sheet.xlsx: cannot be read as rows')
  expect(alert).not.toContain('secret')
})

test('parseCsv without dynamic typing keeps text; a file without a header row gives no rows', () => {
  expect(parseCsv('a,b\n1,2', false)).toEqual([{ a: '1', b: '2' }])
  expect(parseCsv('')).toEqual([])
  expect(parseCsvRows('x\n"multi\nline"\n')).toEqual([['x'], ['multi\nline']])
})
