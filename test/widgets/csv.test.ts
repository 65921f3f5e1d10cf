// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { csvField, downloadCSV, neutraliseFormula, toCSV } from '../../widgets/csv'

describe('RFC 4180', () => {
  test('plain fields are unquoted; header first; CRLF between records', () => {
    expect(toCSV(['a', 'b'], [[1, 'x'], [2, 'y']])).toBe('a,b\r\n1,x\r\n2,y')
  })
  test('commas, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rlf')).toBe('"cr\rlf"')
  })
  test('null and undefined are empty fields', () => {
    expect(toCSV(['a', 'b', 'c'], [[null, undefined, 0]])).toBe('a,b,c\r\n,,0')
  })
})

describe('formula injection', () => {
  test.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])('text %j gets a leading quote', (v) => {
    expect(neutraliseFormula(v)).toBe(`'${v}`)
  })
  test('a neutralised field is still quoted when needed', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
  })
  test('numbers are data, not formulas', () => {
    expect(csvField(-5)).toBe('-5')
  })
  test('ordinary text is untouched', () => {
    expect(csvField('a=b')).toBe('a=b')
  })
  test('header labels are neutralised too', () => {
    expect(toCSV(['=cmd'], [])).toBe(`'=cmd`)
  })
})

describe('downloadCSV', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  test('Blob + object URL + temporary <a download>, URL revoked after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const blobs: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob)
      return 'blob:test/1'
    })
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: HTMLAnchorElement[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
      expect(this.isConnected).toBe(true)
    })
    downloadCSV('a,b\r\n1,2', 'users', document.body)
    expect(create).toHaveBeenCalledOnce()
    expect(click).toHaveBeenCalledOnce()
    expect(clicked[0].download).toBe('users.csv')
    expect(clicked[0].getAttribute('href')).toBe('blob:test/1')
    expect(clicked[0].isConnected).toBe(false) // removed again
    expect(await blobs[0].text()).toBe('\uFEFFa,b\r\n1,2')
    expect(blobs[0].type).toBe('text/csv;charset=utf-8')
    expect(revoke).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(revoke).toHaveBeenCalledWith('blob:test/1')
  })
})
