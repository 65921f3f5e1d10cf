/**
 * The icons of the buttons, icon, menu and group buttons and the table's button columns:
 * Appsmith's (Blueprint) icon names, drawn from the table in ./icon-paths.ts (in a built
 * app, only the names it can show). An unknown name draws a dot; the button's accessible
 * name never depends on the icon.
 */
import { svg } from 'lit'
import type { SVGTemplateResult } from 'lit'
import { ICON_PATHS } from './icon-paths'

/** The path data of an icon by Appsmith name; a dot for an unknown one. */
export function iconPath(name: unknown): string {
  return (typeof name === 'string' && Object.hasOwn(ICON_PATHS, name) && ICON_PATHS[name]) || 'M12 11a1 1 0 1 0 0 2 1 1 0 0 0 0-2z'
}

/** The SVG of an icon (decorative: `aria-hidden`). */
export function icon(name: unknown): SVGTemplateResult {
  const d = iconPath(name)
  return svg`<svg class="icon" viewBox="0 0 24 24" width="1.25em" height="1.25em" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d=${d}></path></svg>`
}
