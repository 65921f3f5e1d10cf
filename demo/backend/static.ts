/**
 * A minimal static file handler for `staticDir`, so a built demo page can be
 * served from the same origin as the API. GET and HEAD only; never serves a
 * file outside the directory.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { RequestFallback } from './types'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** The Content-Type for a file path, by its extension; `application/octet-stream` when unknown. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** A fallback that serves files under `dir` (and `index.html` for a directory); resolves false when there is no such file. */
export function serveStatic(dir: string): RequestFallback {
  const root = resolve(dir)
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      return false
    }
    if (pathname.includes('\0')) return false
    let file = resolve(join(root, pathname))
    // resolve() collapses "..": anything that left the root is refused.
    if (file !== root && !file.startsWith(root + sep)) return false
    try {
      let info = await stat(file)
      if (info.isDirectory()) {
        file = join(file, 'index.html')
        info = await stat(file)
      }
      if (!info.isFile()) return false
      res.statusCode = 200
      res.setHeader('Content-Type', contentTypeOf(file))
      res.setHeader('Content-Length', info.size)
      res.setHeader('Cache-Control', 'no-cache')
      if (req.method === 'HEAD') {
        res.end()
        return true
      }
      await new Promise<void>((done) => {
        const stream = createReadStream(file)
        stream.on('error', () => {
          res.destroy()
          done()
        })
        stream.on('end', done)
        stream.pipe(res)
      })
      return true
    } catch {
      return false
    }
  }
}
