/**
 * `<smith-text>`: shows a value as text.
 *
 * ```html
 * <smith-text name="Status" text="Token valid for {{Auth_Module.secondsLeft}} s"></smith-text>
 * ```
 *
 * The light element: a page may hold thousands of texts, so a text costs little more than
 * the custom element itself (measured with the CPU profiler on `npm run bench`'s bindings
 * page, where creating 10,000 Lit texts with a shadow root each cost about as much as
 * petite-vue's whole mount):
 * - it renders into light DOM, as Appsmith's text is plain text in the page (find in page,
 *   selection and copy see it): its one text node, or the binding error in its place;
 * - it is not a Lit element: every write (`text`, `errors`, `loading`) renders at once,
 *   so there is no update cycle per element (a promise, a change map and a microtask each)
 *   and `updateComplete` is always resolved;
 * - its styles are one constructable stylesheet adopted once by the document (or the
 *   shadow root the text sits in), in a cascade layer, so any rule of the app's own wins.
 *   (Strict CSP allows constructed sheets, not `<style>`.)
 * It keeps the widget contract of widgets/smith-base-element.ts: declared `static properties`
 * (`text`), bound attribute values left to the runtime, the runtime's `name`, `errors`,
 * `loading` and `notice`, `hidden` for visibility; it has no meta and fires no events.
 */
import { isBoundAttribute } from '../src/widget-contract'
import { ERROR_BLOCK_DECLARATIONS } from './error-block'

/** The rules every text needs, written from outside (the text has no shadow root); compact, as it ships. */
const rootRules =
  '@layer smith-text{' +
  'smith-text{display:block;box-sizing:border-box;white-space:pre-wrap;overflow-wrap:anywhere}' +
  'smith-text[hidden]{display:none}' +
  `smith-text>.smith-text-error{box-sizing:inherit;${ERROR_BLOCK_DECLARATIONS}}}`

/** The sheet of each document (a constructed sheet is adopted only in its own document). */
const sheets = new WeakMap<Document, CSSStyleSheet>()
/** The roots (documents, shadow roots) that adopted their document's sheet. */
const adopted = new WeakSet<Document | ShadowRoot>()
/**
 * The root adopted last: texts come in runs under one root, which need no set lookup.
 * Held weakly, so a shadow root (or a frame's document) that went away is not kept alive.
 */
let lastRoot: WeakRef<Document | ShadowRoot> | undefined

/** Adopts the shared sheet into the root (document or shadow root) `el` sits in, once. */
function adoptRootSheet(el: Element): void {
  const root = el.getRootNode() as Document | ShadowRoot
  if (lastRoot !== undefined && lastRoot.deref() === root) return
  if (!adopted.has(root) && 'adoptedStyleSheets' in root) {
    const doc = el.ownerDocument
    let sheet = sheets.get(doc)
    if (sheet === undefined) {
      sheet = new doc.defaultView!.CSSStyleSheet()
      sheet.replaceSync(rootRules)
      sheets.set(doc, sheet)
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    adopted.add(root)
  }
  lastRoot = new WeakRef(root)
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

/** Shared by every text: no errors, always rendered. */
const NO_ERRORS: Readonly<Record<string, string>> = Object.freeze({})
const RENDERED: Promise<boolean> = Promise.resolve(true)

/** Node imports the widgets to bundle them, without a DOM: the class must still load. */
const Base: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement)

/**
 * A text widget. Properties: `text`. No meta, no events, no exposed methods. `name`,
 * `errors`, `loading` and `notice` are the runtime's, as on every widget.
 */
export class SmithText extends Base {
  /** The declared (bindable) properties, as the runtime reads them (src/widget-contract.ts). */
  static properties: Readonly<Record<string, object>> = { text: {} }

  static observedAttributes = ['text', 'name', 'loading']

  /** The widget's name in the app (`Text1`); the runtime reads the `name` attribute. */
  name = ''
  /** Set by the runtime (a failed query this text reads); a text shows its binding's error instead. */
  notice = ''
  #text: unknown = ''
  #errors: Readonly<Record<string, string>> = NO_ERRORS
  #loading = false
  /** The text node shown, once there is text to show; the error block while one shows. */
  #node: Text | null | undefined
  #block: HTMLParagraphElement | undefined
  /** True while the error block shows. */
  #failed = false
  /** True while `aria-busy` is set. */
  #busy = false

  /** The value shown; any type (see {@link displayText}). Rendered as text, never HTML. */
  get text(): unknown {
    return this.#text
  }

  set text(value: unknown) {
    this.#text = value
    this.#render()
  }

  /** Binding errors set by the runtime: property name → message; `text`'s shows in its place. */
  get errors(): Record<string, string> {
    return this.#errors
  }

  set errors(value: Record<string, string>) {
    this.#errors = value ?? NO_ERRORS
    this.#render()
  }

  /** Set by the runtime while a query the text's binding reads runs: `aria-busy`. */
  get loading(): boolean {
    return this.#loading
  }

  set loading(value: boolean) {
    this.#loading = Boolean(value)
    this.#render()
  }

  /** Always resolved: every write renders at once (kept for callers that await it). */
  get updateComplete(): Promise<boolean> {
    return RENDERED
  }

  /** Renders again (the runtime asks when an object it set was changed in place). */
  requestUpdate(): void {
    this.#render()
  }

  /** Plain attribute values only: the runtime binds the others and sets the property itself. */
  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (isBoundAttribute(value)) return
    if (name === 'text') this.text = value
    else if (name === 'name') this.name = value ?? ''
    else if (name === 'loading') this.loading = value !== null
  }

  connectedCallback(): void {
    // Every connection: a text moved into another shadow root needs the sheet there too.
    adoptRootSheet(this)
  }

  /**
   * Shows the text, or the binding error in its place. The first text replaces whatever
   * the element held; later ones only change the text node's data.
   */
  #render(): void {
    const errors = this.#errors
    const error = errors !== NO_ERRORS && Object.hasOwn(errors, 'text') ? errors.text : undefined
    if (error !== undefined) {
      let block = this.#block
      if (block === undefined) {
        block = this.#block = this.ownerDocument.createElement('p')
        block.className = 'smith-text-error'
        block.setAttribute('role', 'alert')
      }
      if (block.textContent !== error) block.textContent = error
      if (!this.#failed || block.parentNode !== this) this.replaceChildren(block)
      this.#failed = true
      this.#setBusy(false)
      return
    }
    const shown = displayText(this.#text)
    const node = this.#node
    if (node != null && !this.#failed && node.parentNode === this) {
      if (node.data !== shown) node.data = shown
    } else if (node != null || shown !== '' || this.firstChild !== null) {
      // The first text (or the first after an error) replaces what was there: one text
      // node, none for ''. (One native call: cheaper than making a node and inserting it.)
      this.textContent = shown
      this.#node = this.firstChild as Text | null
      this.#failed = false
    }
    this.#setBusy(this.#loading)
  }

  /** `aria-busy="true"` while loading; no attribute otherwise (its default is false). */
  #setBusy(busy: boolean): void {
    if (busy === this.#busy) return
    if (busy) this.setAttribute('aria-busy', 'true')
    else this.removeAttribute('aria-busy')
    this.#busy = busy
  }
}
