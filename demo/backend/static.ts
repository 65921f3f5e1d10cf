/**
 * A minimal static file handler for `staticDir`, so a built demo page can be
 * served from the same origin as the API. GET and HEAD only; never serves a
 * file outside the directory — symlinks are resolved (realpath) before the check, so
 * a link cannot lead out — nor any dotfile or file in a dot-directory (`.env`, `.git/`).
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { contentTypeOf } from '../../src/build/content-type'
import type { RequestFallback } from './types'

export { contentTypeOf }

/** A fallback that serves files under `dir` (and `index.html` for a directory); resolves false when there is no such file. */
export function serveStatic(dir: string): RequestFallback {
  // The root's own real path: the directory itself may be reached through a link.
  let realRoot: Promise<string> | undefined
  const inside = (file: string, root: string): boolean => file === root || file.startsWith(root + sep)
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
    // Dotfiles and dot-directories are never served (`/.env`, `/.git/config`).
    if (pathname.split('/').some((segment) => segment.startsWith('.'))) return false
    let file = resolve(join(root, pathname))
    // resolve() collapses "..": anything that left the root is refused.
    if (!inside(file, root)) return false
    try {
      const base = await (realRoot ??= realpath(root))
      if (!inside((file = await realpath(file)), base)) return false
      let info = await stat(file)
      if (info.isDirectory()) {
        file = await realpath(join(file, 'index.html'))
        if (!inside(file, base)) return false
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
