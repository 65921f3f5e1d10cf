/**
 * Development builds tell the devtools where each binding was written: every `smith-*`
 * element of a page gets a `data-smith-loc` attribute mapping its attributes to
 * `line:col` in the page file (`{"file":"pages/Home/index.html","text":"14:22"}`), which
 * the runtime hands to the inspector with the binding (src/mount.ts). Production builds
 * skip this; the attribute is plain data and never code.
 */
import type { WidgetElement } from './html'

/**
 * `html` with a `data-smith-loc` attribute on each widget. `widgets` are the page's
 * `smith-*` elements as ./html.ts parsed them from this very text (offsets into it);
 * `file` is the page's path relative to the app folder.
 */
export function annotateSourceLocations(html: string, widgets: readonly WidgetElement[], file: string): string {
  // Insert from the end so earlier offsets stay valid.
  const position = lineIndex(html)
  let out = html
  for (let i = widgets.length - 1; i >= 0; i--) {
    const widget = widgets[i]!
    const map: Record<string, string> = { file }
    for (const attr of widget.attributes) {
      map[attr.name] = position(attr.offset)
    }
    const at = widget.offset + 1 + widget.tag.length
    if (out.slice(widget.offset, at).toLowerCase() !== `<${widget.tag}`) continue
    out = `${out.slice(0, at)} data-smith-loc="${escapeAttribute(JSON.stringify(map))}"${out.slice(at)}`
  }
  return out
}

/**
 * `offset → "line:col"` (1-based, UTF-16 columns, as src/scan.ts's lineColumn counts),
 * from one pass over the text: a page with hundreds of widgets is not rescanned for each.
 */
function lineIndex(text: string): (offset: number) => string {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return `${lo + 1}:${offset - starts[lo]! + 1}`
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
