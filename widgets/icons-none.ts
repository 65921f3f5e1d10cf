/**
 * ./icons.ts in a built app whose pages can show no icon (src/build/app-icons.ts found no
 * icon name, and nothing that could make one): the same exports, without the SVG. Only a
 * gap in that analysis could reach them, so they say so rather than draw nothing.
 */
import type { SVGTemplateResult } from 'lit'

function noIcons(name: unknown): never {
  throw new Error(`this build has no icons (smithlet build found no icon name on the app's pages), yet a widget asked for ${JSON.stringify(String(name))}`)
}

/** See ./icons.ts; throws here. */
export const iconPath: (name: unknown) => string = noIcons

/** See ./icons.ts; throws here. */
export const icon: (name: unknown) => SVGTemplateResult = noIcons
