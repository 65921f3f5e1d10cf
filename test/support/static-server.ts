/**
 * A plain static file server on 127.0.0.1, as a host serves a built app: files as they
 * are, a folder's index.html for `/Folder/` (and `/Folder`, as many hosts do), 404
 * otherwise, and the headers asked for (the strict CSP). No fallback to index.html:
 * deep links must work because the build wrote `<Page>/index.html`.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve, sep } from 'node:path'
import { contentTypeOf } from '../../src/build/content-type'

/** A running static server. */
export interface StaticServer {
  /** e.g. `http://127.0.0.1:12345/` */
  readonly url: string
  /** Paths requested, in order, with their status. */
  readonly requests: Array<{ path: string; status: number }>
  close(): Promise<void>
}

/**
 * Serves `dir` with `headers` on every response, plus what `headersFor` gives the path
 * (a build's `_headers`, see ./headers-file.ts).
 */
export async function startStaticServer(
  dir: string,
  headers: Readonly<Record<string, string>> = {},
  headersFor?: (path: string) => Readonly<Record<string, string | string[]>>,
): Promise<StaticServer> {
  const root = resolve(dir)
  const requests: Array<{ path: string; status: number }> = []
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
      let file = resolve(root, '.' + path)
      let info = file === root || file.startsWith(root + sep) ? await stat(file).catch(() => null) : null
      if (info?.isDirectory()) {
        file = join(file, 'index.html')
        info = await stat(file).catch(() => null)
      }
      const status = info?.isFile() ? 200 : 404
      requests.push({ path, status })
      res.writeHead(status, { ...headers, ...headersFor?.(path), 'Content-Type': status === 200 ? contentTypeOf(file) : 'text/plain; charset=utf-8' })
      if (status === 200) createReadStream(file).pipe(res)
      else res.end('not found')
    })()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
