/**
 * `<smith-text>`: shows a value as text.
 *
 * ```html
 * <smith-text name="Status" text="Token valid for {{Auth_Module.secondsLeft}} s"></smith-text>
 * ```
 *
 * The light path: a page may hold thousands of texts, so a text widget costs as little
 * as a Lit element with a shadow root can (measured with the CPU profiler in
 * `npm run bench`'s bindings page):
 * - it writes its one `<p>` itself instead of going through lit-html (template
 *   instances were a fifth of a 10,000-text mount), cloning a prepared paragraph;
 * - its styles are one constructable stylesheet adopted once by the document (or the
 *   shadow root the text sits in), styling the paragraph through its `part`, instead of
 *   a stylesheet list set on every text's own shadow root (the second largest cost of
 *   that mount). The rules sit in a cascade layer, so any rule of the app's own wins, as
 *   it did over the shadow root's. (Strict CSP allows constructed sheets, not `<style>`.)
 * It is still a Lit element: reactive properties, the update cycle, `updateComplete`.
 */
import { ReactiveElement, css } from 'lit'
import type { PropertyDeclarations, PropertyValues } from 'lit'
import { SmithElement, errorBlockDeclarations } from './smith-element'

/** The rules {@link SmithText.styles} holds, written from outside the shadow root. */
const rootRules = css`
  @layer smith-text {
    smith-text {
      display: block;
      box-sizing: border-box;
    }
    smith-text[hidden] {
      display: none;
    }
    smith-text::part(text) {
      box-sizing: inherit;
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    smith-text::part(error) {
      box-sizing: inherit;
      ${errorBlockDeclarations}
    }
  }
`

/** The sheet of each document (a constructed sheet is adopted only in its own document). */
const sheets = new WeakMap<Document, CSSStyleSheet>()
/** The roots (documents, shadow roots) that adopted their document's sheet. */
const adopted = new WeakSet<Document | ShadowRoot>()

/** Adopts the shared sheet into the root (document or shadow root) `el` sits in, once. */
function adoptRootSheet(el: Element): void {
  const root = el.getRootNode() as Document | ShadowRoot
  if (adopted.has(root) || !('adoptedStyleSheets' in root)) return
  const doc = el.ownerDocument
  let sheet = sheets.get(doc)
  if (sheet === undefined) {
    sheet = new doc.defaultView!.CSSStyleSheet()
    sheet.replaceSync(rootRules.cssText)
    sheets.set(doc, sheet)
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  adopted.add(root)
}

/** The paragraph every text starts from, cloned (one node copy, not four DOM calls). */
let paragraphTemplate: HTMLParagraphElement | undefined

function newParagraph(doc: Document): HTMLParagraphElement {
  if (paragraphTemplate === undefined || paragraphTemplate.ownerDocument !== doc) {
    paragraphTemplate = doc.createElement('p')
    paragraphTemplate.className = 'text'
    paragraphTemplate.setAttribute('part', 'text')
    paragraphTemplate.setAttribute('aria-busy', 'false')
  }
  return paragraphTemplate.cloneNode(false) as HTMLParagraphElement
}

/**
 * The text a value shows as: strings as they are, `null`/`undefined` as nothing, objects
 * and arrays as indented JSON, anything else through `String`.
 */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value, null, 2) ?? ''
    } catch {
      return String(value) // cyclic or otherwise unserialisable
    }
  }
  return String(value)
}

/** A text widget. Properties: `text`. No meta, no events. */
export class SmithText extends SmithElement {
  static override properties: PropertyDeclarations = {
    // Its own accessor (below), which writes a rendered paragraph at once.
    text: { noAccessor: true },
  }

  static override metaDefaults: Record<string, unknown> = {}

  #text: unknown = ''

  /** The paragraph shown: the text, or the binding error in its place. */
  #paragraph: HTMLParagraphElement | undefined
  /** What the paragraph shows now: the text, or the error message when `#failed`. */
  #shown: string | undefined
  #failed = false
  /** The paragraph's `aria-busy` now; null while it shows an error (which has none). */
  #busy: 'true' | 'false' | null = 'false'

  /** The value shown; any type (see {@link displayText}). Rendered as text, never HTML. */
  get text(): unknown {
    return this.#text
  }

  /**
   * A new value for a paragraph already showing text, with no update pending, is written
   * into it now: no update cycle (two promises and a change map per write) for the one
   * text node a binding changes. Anything else goes through Lit's update as usual, so
   * `updateComplete` holds either way.
   */
  set text(value: unknown) {
    const old = this.#text
    this.#text = value
    const p = this.#paragraph
    if (p !== undefined && !this.#failed && !this.isUpdatePending) {
      const shown = displayText(value)
      if (shown !== this.#shown) {
        p.textContent = shown
        this.#shown = shown
      }
      return
    }
    this.requestUpdate('text', old)
  }

  /** A bare shadow root: the styles are the root's shared sheet (see the file's header). */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return this.shadowRoot ?? this.attachShadow({ mode: 'open' })
  }

  override connectedCallback(): void {
    // Every connection: a text moved into another shadow root needs the sheet there too.
    adoptRootSheet(this)
    super.connectedCallback()
  }

  /**
   * ReactiveElement's update (attribute reflection, the update lifecycle) and then the one
   * paragraph, skipping LitElement's lit-html render: the same DOM as
   * `<p class="text" part="text" aria-busy=…>${text}</p>`, or the base class's error block.
   */
  protected override update(changed: PropertyValues): void {
    // `update` is protected; called on ReactiveElement's prototype to skip LitElement's.
    ;(ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed)
    const error = this.errorFor('text')
    const failed = error !== undefined
    const shown = failed ? error : displayText(this.text)
    let p = this.#paragraph
    if (p === undefined) {
      p = this.#paragraph = newParagraph(this.ownerDocument)
      this.renderRoot.appendChild(p)
      // The prepared paragraph is the text's, not busy; only a change needs writing.
      this.#shown = ''
    }
    if (failed !== this.#failed) {
      p.className = failed ? 'error' : 'text'
      p.setAttribute('part', failed ? 'error' : 'text')
      if (failed) {
        p.setAttribute('role', 'alert')
        p.removeAttribute('aria-busy')
        this.#busy = null
      } else p.removeAttribute('role')
      this.#failed = failed
    }
    const busy = failed ? null : this.loading ? 'true' : 'false'
    if (busy !== null && busy !== this.#busy) {
      p.setAttribute('aria-busy', busy)
      this.#busy = busy
    }
    if (shown !== this.#shown) {
      p.textContent = shown
      this.#shown = shown
    }
  }
}
