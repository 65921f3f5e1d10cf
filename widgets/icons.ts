/**
 * The icons of the icon, menu and group buttons: Appsmith's (Blueprint) icon names most
 * apps use, as 24×24 SVG paths. An unknown name draws a dot; the button's accessible
 * name never depends on the icon.
 */
import { svg } from 'lit'
import type { SVGTemplateResult } from 'lit'

const PATHS: Record<string, string> = {
  add: 'M12 5v14M5 12h14',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  cross: 'M6 6l12 12M18 6L6 18',
  'small-cross': 'M8 8l8 8M16 8l-8 8',
  tick: 'M5 12l5 5L20 7',
  'small-tick': 'M7 12l3 3 7-7',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  delete: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM16 16l5 5',
  refresh: 'M20 11a8 8 0 1 0-2 5.3M20 4v7h-7',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  upload: 'M12 20V9M7 14l5-5 5 5M5 4h14',
  'chevron-right': 'M9 5l7 7-7 7',
  'chevron-left': 'M15 5l-7 7 7 7',
  'chevron-down': 'M5 9l7 7 7-7',
  'chevron-up': 'M5 15l7-7 7 7',
  'arrow-right': 'M4 12h16M14 6l6 6-6 6',
  'arrow-left': 'M20 12H4M10 6l-6 6 6 6',
  menu: 'M4 6h16M4 12h16M4 18h16',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  cog: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  settings: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  user: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
  home: 'M3 11l9-8 9 8M5 9v11h14V9',
  filter: 'M4 5h16l-6 8v6l-4-2v-4z',
  export: 'M12 15V3M7 8l5-5 5 5M5 14v6h14v-6',
  import: 'M12 3v12M7 10l5 5 5-5M5 14v6h14v-6',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  'eye-open': 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7h.01',
  'info-sign': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7h.01',
  'log-out': 'M10 4H4v16h6M15 8l4 4-4 4M19 12H9',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
  duplicate: 'M8 8h12v12H8zM4 4h12v2H6v10H4z',
  share: 'M18 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM6 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM18 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z',
  heart: 'M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z',
}

/** The path data of an icon by Appsmith name; a dot for an unknown one. */
export function iconPath(name: unknown): string {
  return (typeof name === 'string' && Object.hasOwn(PATHS, name) && PATHS[name]) || 'M12 11a1 1 0 1 0 0 2 1 1 0 0 0 0-2z'
}

/** The SVG of an icon (decorative: `aria-hidden`). */
export function icon(name: unknown): SVGTemplateResult {
  const d = iconPath(name)
  return svg`<svg class="icon" viewBox="0 0 24 24" width="1.25em" height="1.25em" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d=${d}></path></svg>`
}
