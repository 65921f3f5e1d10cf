/**
 * The list's keyboard model (one tab stop on the items): Up/Down move one item, Home/End
 * to the ends, Enter/Space select the focused item. Pure, so the list only applies it.
 */

/**
 * Where a key moves the focus from position `at` among `count` shown items: the new
 * position, `'select'` for Enter/Space, or null for a key the list leaves alone.
 */
export function itemKeyMove(key: string, at: number, count: number): number | 'select' | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, at + 1)
    case 'ArrowUp':
      return Math.max(0, at - 1)
    case 'Home':
      return 0
    case 'End':
      return count - 1
    case 'Enter':
    case ' ':
      return 'select'
    default:
      return null
  }
}
