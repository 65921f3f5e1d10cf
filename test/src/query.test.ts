import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { QueryError, type App, type Query, type QueryDefinition } from '../../src/index'
import { json, startServer, disposingTestApp, testApp, type SeenRequest, type TestServer } from '../support/app'

let server: TestServer
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms))
const aborted: string[] = []

beforeAll(async () => {
  server = await startServer()
  server.route('/slow', async (req, res) => {
    await delay(Number(req.query.get('ms') ?? 0))
    json(res, 200, { tag: req.query.get('tag') })
  })
  server.route('/hang', (req, res) => {
    res.on('close', () => aborted.push(req.url))
  })
  server.route('/hang-body', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"partial": ')
    res.on('close', () => aborted.push(req.url))
  })
  server.route('/status', (req, res) => {
    res.writeHead(Number(req.query.get('code')), { 'content-type': 'application/json', 'x-custom': 'yes' })
    res.end(JSON.stringify({ error: 'not here', code: Number(req.query.get('code')) }))
  })
  server.route('/text', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('just text')
  })
  server.route('/not-json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end('<html>oops</html>')
  })
  server.route('/redirect-nowhere', (_req, res) => {
    res.writeHead(302, { 'content-type': 'application/json' })
    res.end('{"moved":"nowhere"}')
  })
  server.route('/problem-json', (_req, res) => {
    res.writeHead(422, { 'content-type': 'application/problem+json' })
    res.end('{"title":"bad"}')
  })
  server.route('/meta', (_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json', 'x-custom': 'value', 'x-request-id': 'r-1' })
    res.end('{"created":true}')
  })
})
afterAll(() => server.close())

const open = disposingTestApp()
afterEach(() => {
  server.requests.length = 0
  aborted.length = 0
})

/** An app with one query `Q`; returns the app and the query entity. */
async function withQuery(def: Omit<QueryDefinition, 'name' | 'url'> & { url?: string }, extra: Parameters<typeof testApp>[0] = {}) {
  const app = await open({ ...extra, queries: [{ name: 'Q', url: `${server.url}/echo`, ...def }, ...(extra.queries ?? [])] })
  return { app, Q: app.scope.Q as Query }
}
const circular = (): Record<string, unknown> => {
  const o: Record<string, unknown> = { name: 'loop' }
  o.self = o
  return o
}
const last = (): SeenRequest => server.requests.at(-1)!
const failure = async (p: Promise<unknown>): Promise<QueryError> => {
  const e = await p.then(() => null, (error: unknown) => error)
  expect(e).toBeInstanceOf(QueryError)
  return e as QueryError
}

describe('request line and headers', () => {
  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const)('sends %s', async (method) => {
    const { Q } = await withQuery({ method })
    const body = (await Q.run()) as { method: string }
    expect(body.method).toBe(method)
    expect(last().method).toBe(method)
  })

  it('sends HEAD and resolves with an empty body', async () => {
    const { Q } = await withQuery({ method: 'HEAD' })
    await expect(Q.run()).resolves.toBeNull()
    expect(last().method).toBe('HEAD')
  })

  it('evaluates header bindings at run time, this.params included; null and undefined omit the header', async () => {
    const { app, Q } = await withQuery({
      headers: {
        Authorization: 'Bearer {{appsmith.store.token}}',
        'x-id': '{{this.params.id}}',
        'x-count': '{{this.params.count}}',
        'x-missing': '{{this.params.nothing}}',
        'x-null': '{{null}}',
        'x-plain': 'plain',
      },
    })
    await app.run('{{ storeValue("token", "abc.def.ghi") }}')
    await Q.run({ id: 'u-1', count: 3 })
    expect(last().headers).toMatchObject({ authorization: 'Bearer abc.def.ghi', 'x-id': 'u-1', 'x-count': '3', 'x-plain': 'plain' })
    expect(last().headers).not.toHaveProperty('x-missing')
    expect(last().headers).not.toHaveProperty('x-null')
    await app.run('{{ storeValue("token", "new") }}')
    await Q.run({ id: 'u-2' })
    expect(last().headers).toMatchObject({ authorization: 'Bearer new', 'x-id': 'u-2' })
  })

  it('this.params reaches the url, params and body', async () => {
    const { Q } = await withQuery({
      method: 'POST',
      url: `${server.url}/items/{{this.params.id}}`,
      params: { page: '{{this.params.page}}' },
      body: '{"id": {{this.params.id}}}',
    })
    await Q.run({ id: 7, page: 2 })
    expect(last().path).toBe('/items/7')
    expect(last().query.get('page')).toBe('2')
    expect(JSON.parse(last().body)).toEqual({ id: 7 })
  })

  it('resolves a relative url against options.baseUrl', async () => {
    const app = await open({ queries: [{ name: 'Q', url: '/echo?x=1' }] }, { baseUrl: `${server.url}/app/page` })
    await (app.scope.Q as Query).run()
    expect(last().url).toBe('/echo?x=1')
  })
})

describe('params: the query string', () => {
  it('URL-encodes values: spaces, &, =, #, +, unicode; arrays repeat the key; null and undefined are left out', async () => {
    const { Q } = await withQuery({
      params: {
        q: '{{this.params.q}}',
        amp: 'a&b=c#d+e',
        uni: 'José 😀 中文',
        tags: '{{["x y", "z&"]}}',
        n: '{{42}}',
        gone: '{{undefined}}',
        none: '{{null}}',
        text: 'page {{this.params.page}} of 3',
      },
    })
    await Q.run({ q: 'hello world', page: 2 })
    const query = last().query
    expect(query.get('q')).toBe('hello world')
    expect(query.get('amp')).toBe('a&b=c#d+e')
    expect(query.get('uni')).toBe('José 😀 中文')
    expect(query.getAll('tags')).toEqual(['x y', 'z&'])
    expect(query.get('n')).toBe('42')
    expect(query.has('gone')).toBe(false)
    expect(query.has('none')).toBe(false)
    expect(query.get('text')).toBe('page 2 of 3')
    expect(last().url).not.toMatch(/[ #😀]/u)
  })

  it('keeps a query string written in the url', async () => {
    const { Q } = await withQuery({ url: `${server.url}/echo?fixed=1`, params: { extra: '2' } })
    await Q.run()
    expect(Object.fromEntries(last().query)).toEqual({ fixed: '1', extra: '2' })
  })
})

describe('bodies', () => {
  it('json with smart substitution: values keep their types; undefined is null; bindings in strings are escaped', async () => {
    const { Q } = await withQuery({
      method: 'POST',
      body: `{
        "name": {{this.params.name}},
        "n": {{this.params.n}},
        "float": {{1.5}},
        "ok": {{true}},
        "obj": {{this.params.obj}},
        "list": {{[1, "two", null]}},
        "nil": {{null}},
        "undef": {{this.params.missing}},
        "numericText": {{"123"}},
        "inString": "Hi {{this.params.name}}, you are {{this.params.n}}",
        "objInString": "o={{this.params.obj}}"
      }`,
    })
    const name = 'Ada "the \\\\ first"\nLovelace 😀'
    await Q.run({ name, n: 36, obj: { a: [1, { b: 'c"d' }] } })
    expect(last().headers['content-type']).toBe('application/json')
    expect(JSON.parse(last().body)).toEqual({
      name,
      n: 36,
      float: 1.5,
      ok: true,
      obj: { a: [1, { b: 'c"d' }] },
      list: [1, 'two', null],
      nil: null,
      undef: null,
      numericText: '123',
      inString: `Hi ${name}, you are 36`,
      objInString: 'o={"a":[1,{"b":"c\\"d"}]}',
    })
  })

  it('the seed’s {"refresh_token":{{appsmith.store.authRefreshToken}}} sends a JSON string', async () => {
    const { app, Q } = await withQuery({ method: 'POST', body: '{\n    "refresh_token":{{appsmith.store.authRefreshToken}}\n}\n' })
    await app.run('{{ storeValue("authRefreshToken", "eyJhbGciOi.eyJzdWIi.sig-_") }}')
    await Q.run()
    expect(JSON.parse(last().body)).toEqual({ refresh_token: 'eyJhbGciOi.eyJzdWIi.sig-_' })
  })

  it.each([
    ['quotes', 'say "hi"'],
    ['backslashes', 'C:\\path\\to\\file \\n not a newline'],
    ['newlines and tabs', 'line1\nline2\r\n\ttab'],
    ['emoji and unicode', '😀 José ✓ \u2028 \u0000'],
    ['json-looking text', '{"a": 1}, "b": 2'],
    ['template-looking text', '{{ evil }} << x >>'],
  ])('a value with %s stays valid JSON, in value position and inside a string', async (_, value) => {
    const { Q } = await withQuery({ method: 'POST', body: '{"v": {{this.params.v}}, "s": "<{{this.params.v}}>"}' })
    await Q.run({ v: value })
    expect(JSON.parse(last().body)).toEqual({ v: value, s: `<${value}>` })
  })

  it('a body that does not parse after substitution is not sent; the error says where and holds no values', async () => {
    const { Q } = await withQuery({ method: 'POST', body: '{\n  "secret": {{this.params.secret}}\n  "b": 1\n}' })
    const error = await failure(Q.run({ secret: 'sk_live_TOPSECRET' }))
    expect(error.kind).toBe('invalid_request')
    expect(error.statusCode).toBe(0)
    expect(error.message).toMatch(/JSON/)
    expect(error.message).toMatch(/line 3, column 3/)
    expect(error.message).not.toContain('TOPSECRET')
    expect(String(error.cause)).not.toContain('TOPSECRET')
    expect(server.requests).toHaveLength(0)
    expect(Q.isLoading).toBe(false)
  })

  it('a body whose binding cannot be written as JSON is a QueryError, not sent', async () => {
    const { Q } = await withQuery({ method: 'POST', body: '{"big": {{ 10n }}}' })
    const error = await failure(Q.run())
    expect(error.kind).toBe('invalid_request')
    expect(server.requests).toHaveLength(0)
  })

  it('smart substitution off substitutes bindings as plain text', async () => {
    const { Q } = await withQuery({ method: 'POST', smartSubstitution: false, body: '{"n": {{this.params.n}}, "s": "{{this.params.s}}", "raw": {{this.params.raw}}}' })
    await Q.run({ n: 5, s: 'x', raw: '"quoted"' })
    expect(JSON.parse(last().body)).toEqual({ n: 5, s: 'x', raw: 'quoted' })
    // What smart substitution would have done with the same value:
    const smart = await withQuery({ method: 'POST', body: '{"raw": {{this.params.raw}}}' })
    await smart.Q.run({ raw: '"quoted"' })
    expect(JSON.parse(last().body)).toEqual({ raw: '"quoted"' })
  })

  it('smart substitution off: text that breaks the JSON is not sent', async () => {
    const { Q } = await withQuery({ method: 'POST', smartSubstitution: false, body: '{"s": "{{this.params.s}}"}' })
    await failure(Q.run({ s: 'a"b' }))
    expect(server.requests).toHaveLength(0)
  })

  it('an empty json body sends no body', async () => {
    const { Q } = await withQuery({ method: 'POST', body: '  ' })
    await Q.run()
    expect(last().body).toBe('')
  })

  it('form: urlencoded fields with bindings', async () => {
    const { Q } = await withQuery({
      method: 'POST',
      bodyType: 'form',
      body: { user: '{{this.params.user}}', note: 'a & b = c', n: '{{3}}', obj: '{{ {k: 1} }}', skip: '{{undefined}}' },
    })
    await Q.run({ user: 'José Ü' })
    expect(last().headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(Object.fromEntries(new URLSearchParams(last().body))).toEqual({ user: 'José Ü', note: 'a & b = c', n: '3', obj: '{"k":1}' })
  })

  it('form: one binding of an object sends its entries as the fields, in order', async () => {
    const { Q } = await withQuery({ method: 'POST', bodyType: 'form', body: '{{ this.params.fields }}' })
    await Q.run({ fields: { refresh_token: 'a+b/c=', grant_type: 'refresh_token', skip: undefined } })
    expect([...new URLSearchParams(last().body)]).toEqual([['refresh_token', 'a+b/c='], ['grant_type', 'refresh_token']])
    await expect(Q.run({ fields: 'x=1' })).rejects.toThrow(/must evaluate to an object of fields, got string/)
  })

  it('multipart: fields and a Blob file', async () => {
    const { Q } = await withQuery(
      { method: 'POST', bodyType: 'multipart', headers: { 'content-type': 'application/json' }, body: { name: '{{this.params.name}}', file: '{{this.params.file}}' } },
    )
    await Q.run({ name: 'Ada 😀', file: new Blob(['file content'], { type: 'text/plain' }) })
    const type = last().headers['content-type']!
    expect(type).toMatch(/^multipart\/form-data; boundary=/)
    const form = await new Response(last().body, { headers: { 'content-type': type } }).formData()
    expect(form.get('name')).toBe('Ada 😀')
    expect(await (form.get('file') as Blob).text()).toBe('file content')
  })

  it('text: bindings joined as text, text/plain', async () => {
    const { Q } = await withQuery({ method: 'POST', bodyType: 'text', body: 'Hello {{this.params.name}} {{ {a: 1} }} {{null}}!' })
    await Q.run({ name: '"Ada"' })
    expect(last().body).toBe('Hello "Ada" {"a":1} !')
    expect(last().headers['content-type']).toMatch(/^text\/plain/)
  })

  it('none: no body, no content-type', async () => {
    const { Q } = await withQuery({ method: 'POST', bodyType: 'none', body: '{"ignored": 1}' })
    await Q.run()
    expect(last().body).toBe('')
    expect(last().headers).not.toHaveProperty('content-type')
  })

  it.each([
    ['json', { a: '1' }],
    ['text', { a: '1' }],
    ['form', 'a=1'],
    ['multipart', 'a=1'],
  ] as const)('a %s body of the wrong shape is refused when the app is created', async (bodyType, body) => {
    await expect(testApp({ queries: [{ name: 'Q', method: 'POST', url: `${server.url}/echo`, bodyType, body }] })).rejects.toThrow(
      new RegExp(`query "Q": a ${bodyType} body`),
    )
  })

  it('GET never sends a body', async () => {
    const { Q } = await withQuery({ method: 'GET', body: '{"a": 1}' })
    await Q.run()
    expect(last().body).toBe('')
  })
})

describe('unusable fields are errors before anything is sent', () => {
  it.each([
    ['CR/LF in a header', { headers: { 'x-h': '{{this.params.v}}' } }, { v: 'ok\r\nInjected: yes' }, /header "x-h".*line break/],
    ['LF alone in a header', { headers: { 'x-h': 'a{{"\\n"}}b' } }, {}, /line break/],
    ['an object in a header', { headers: { 'x-h': '{{ {a: 1} }}' } }, {}, /header "x-h".*object/],
    ['an object in the url', { path: '/echo/{{this.params.v}}' }, { v: { id: 1 } }, /url.*object/],
    ['an array in the url', { path: '/echo/{{[1, 2]}}' }, {}, /url.*object/],
    ['an object in a param', { params: { p: '{{ {a: 1} }}' } }, {}, /param "p".*object/],
    ['an invalid url', { url: 'http://[::1' }, {}, /not a valid URL/],
    ['a binding that throws', { headers: { 'x-h': '{{ nope.nope }}' } }, {}, /header "x-h"/],
    ['a circular object in a json body', { method: 'POST', body: '{"a": {{this.params.v}}}' }, { v: circular() }, /circular/i],
  ] as const)('%s', async (_, def, params, pattern) => {
    const { path, ...rest } = def as { path?: string; url?: string }
    const { Q } = await withQuery({ ...rest, url: rest.url ?? `${server.url}${path ?? '/echo'}` })
    const error = await failure(Q.run(params))
    expect(error.message).toMatch(pattern)
    expect(error.statusCode).toBe(0)
    expect(error.kind).toBe('invalid_request')
    expect(server.requests).toHaveLength(0)
    expect(Q.isLoading).toBe(false)
    expect(Q.responseMeta).toMatchObject({ statusCode: 0, isExecutionSuccess: false })
  })
})

describe('responses', () => {
  it('resolves with JSON when the response says so, text otherwise; data and responseMeta follow', async () => {
    const { Q } = await withQuery({ url: `${server.url}/meta` })
    expect(await Q.run()).toEqual({ created: true })
    expect(Q.data).toEqual({ created: true })
    expect(Q.responseMeta).toEqual({
      statusCode: 201,
      isExecutionSuccess: true,
      headers: expect.objectContaining({ 'x-custom': 'value', 'x-request-id': 'r-1', 'content-type': 'application/json' }),
    })
    const text = await withQuery({ url: `${server.url}/text` })
    expect(await text.Q.run()).toBe('just text')
  })

  it('non-2xx rejects with a QueryError carrying statusCode and the body; data shows the error body', async () => {
    const { Q } = await withQuery({ url: `${server.url}/status?code=404` })
    const error = await failure(Q.run())
    expect(error).toMatchObject({ statusCode: 404, kind: 'http', query: 'Q', body: { error: 'not here', code: 404 } })
    expect(error.message).toMatch(/404/)
    expect(Q.responseMeta).toMatchObject({ statusCode: 404, isExecutionSuccess: false, headers: expect.objectContaining({ 'x-custom': 'yes' }) })
    expect(Q.data).toEqual({ error: 'not here', code: 404 })
    expect(Q.isLoading).toBe(false)
    const problem = await withQuery({ url: `${server.url}/problem-json` })
    expect(await failure(problem.Q.run())).toMatchObject({ statusCode: 422, body: { title: 'bad' } })
  })

  it('a response that claims JSON but is not resolves with its raw text, as in Appsmith', async () => {
    const { Q } = await withQuery({ url: `${server.url}/not-json` })
    expect(await Q.run()).toBe('<html>oops</html>')
    expect(Q.data).toBe('<html>oops</html>')
    expect(Q.isLoading).toBe(false)
    expect(Q.responseMeta).toMatchObject({ statusCode: 200, isExecutionSuccess: true })
  })

  it('a 3xx without Location resolves with its body, as in Appsmith; a 4xx still rejects', async () => {
    const { Q } = await withQuery({ url: `${server.url}/redirect-nowhere` })
    expect(await Q.run()).toEqual({ moved: 'nowhere' })
    expect(Q.responseMeta).toMatchObject({ statusCode: 302, isExecutionSuccess: true })
    const other = await withQuery({ url: `${server.url}/status?code=400` })
    expect((await failure(other.Q.run())).statusCode).toBe(400)
  })

  it('a network failure (closed port) rejects with statusCode 0, kind network', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((r) => closed.close(() => r()))
    const { Q } = await withQuery({ url: `http://127.0.0.1:${port}/x` })
    const error = await failure(Q.run())
    expect(error).toMatchObject({ statusCode: 0, kind: 'network' })
    expect(Q.isLoading).toBe(false)
    expect(Q.responseMeta).toMatchObject({ statusCode: 0, isExecutionSuccess: false })
  })

  it('clear() resets data and responseMeta, reactively', async () => {
    const { app, Q } = await withQuery({ url: `${server.url}/meta` })
    const seen: unknown[] = []
    app.watch('{{ Q.data?.created ?? "none" }}/{{ Q.responseMeta?.statusCode }}', (v) => seen.push(v))
    await Q.run()
    await app.run('{{ Q.clear() }}')
    expect(Q.data).toBeUndefined()
    expect(Q.responseMeta).toBeUndefined()
    expect(seen).toEqual(['none/', 'true/201', 'none/'])
  })
})

describe('timing and state', () => {
  it('isLoading is true while a run is in flight and false after, reactively', async () => {
    const { app, Q } = await withQuery({ url: `${server.url}/slow?ms=20` })
    const seen: unknown[] = []
    app.watch('{{ Q.isLoading }}', (v) => seen.push(v))
    const p = Q.run()
    expect(Q.isLoading).toBe(true)
    await p
    expect(seen).toEqual([false, true, false])
  })

  it('times out: the request is aborted, the run rejects with kind timeout, isLoading goes back to false', async () => {
    const { Q } = await withQuery({ url: `${server.url}/hang`, timeoutMs: 100 })
    const started = Date.now()
    const error = await failure(Q.run())
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error).toMatchObject({ statusCode: 0, kind: 'timeout' })
    expect(error.message).toMatch(/100 ms/)
    expect(Q.isLoading).toBe(false)
    await delay(20)
    expect(aborted).toEqual(['/hang']) // the server saw the connection closed
  })

  it('times out while the body is still arriving', async () => {
    const { Q } = await withQuery({ url: `${server.url}/hang-body`, timeoutMs: 100 })
    const error = await failure(Q.run())
    expect(error.kind).toBe('timeout')
    expect(Q.isLoading).toBe(false)
  })

  it('out of order: a slow older run never overwrites a newer run’s data; each caller gets its own response', async () => {
    const { app, Q } = await withQuery({ url: `${server.url}/slow`, params: { ms: '{{this.params.ms}}', tag: '{{this.params.tag}}' } })
    const seen: unknown[] = []
    app.watch('{{ Q.data?.tag }}', (v) => seen.push(v))
    const older = Q.run({ ms: 80, tag: 'older' })
    const newer = Q.run({ ms: 0, tag: 'newer' })
    expect(await newer).toEqual({ tag: 'newer' })
    expect(Q.isLoading).toBe(true) // the older run is still in flight
    expect(await older).toEqual({ tag: 'older' })
    expect(Q.data).toEqual({ tag: 'newer' })
    expect(seen).toEqual([undefined, 'newer'])
    expect(Q.isLoading).toBe(false)
  })

  it('an older run that fails does not touch the newer run’s responseMeta', async () => {
    const { Q } = await withQuery({ url: `${server.url}/{{this.params.path}}`, timeoutMs: 60 })
    const older = Q.run({ path: 'hang' })
    await Q.run({ path: 'meta' })
    await failure(older)
    expect(Q.responseMeta).toMatchObject({ statusCode: 201, isExecutionSuccess: true })
    expect(Q.data).toEqual({ created: true })
  })

  it('isLoading is never stuck, whatever fails', async () => {
    const { Q } = await withQuery({ url: `${server.url}/{{this.params.path}}`, timeoutMs: 60 })
    const runs = ['hang', 'not-json', 'status?code=500', 'meta', '{{'].map((path) => Q.run({ path }).catch(() => undefined))
    await Promise.all(runs)
    expect(Q.isLoading).toBe(false)
  })
})

describe('from code', () => {
  it('Q.run() from a trigger resolves with the body; Q.data is readable in bindings', async () => {
    const { app } = await withQuery({ url: `${server.url}/meta` })
    expect(await app.run('{{ Q.run() }}')).toEqual({ created: true })
    expect(app.evaluate('{{ Q.data.created }}')).toBe(true)
    expect(await app.run('{{ Q.run().then(() => Q.responseMeta.statusCode) }}')).toBe(201)
  })
})
