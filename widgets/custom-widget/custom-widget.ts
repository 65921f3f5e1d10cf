/**
 * `<smith-custom-widget>`: Appsmith's CUSTOM_WIDGET — the app's own HTML, CSS and JS
 * (`srcDoc`) in a sandboxed iframe, sharing a `model` with the page.
 *
 * ```html
 * <smith-custom-widget name="Counter1" default-model="{{ { count: appsmith.store.count ?? 0 } }}"
 *     src-doc="{{ CounterSrc }}" on-increment="{{ storeValue('count', Counter1.model.count) }}">
 * </smith-custom-widget>
 * ```
 *
 * Inside the frame the code sees Appsmith's `appsmith` object: `model`, `ui`, `theme`,
 * `mode`, `updateModel(changes)`, `triggerEvent(name, context?)`, `onReady(fn)`,
 * `onModelChange(fn)`, `onUiChange(fn)`, `onThemeChange(fn)`.
 *
 * Isolation: the frame is `sandbox="allow-scripts"` without `allow-same-origin`, so its
 * origin is opaque — `parent.document`, the app's IndexedDB (the store, the tokens),
 * cookies and storage are out of its reach. It speaks only through a MessageChannel
 * handed to it at load; each message is validated (channel.ts) before it changes the
 * model or runs an event, and nothing else the frame posts is listened to.
 * Its document is a file of its own (frame-document.ts), because the app's strict CSP
 * would refuse the widget's inline code in a `srcdoc` frame.
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import { SmithElement, baseStyles } from '../smith-element'
import { normaliseSrcDoc, parseFrameMessage } from './channel'
import { CUSTOM_WIDGET_FRAME_FILE, INIT_MESSAGE } from './frame-document'

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** `defaultModel` as an object (Appsmith also accepts its JSON text). */
function modelOf(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return structuredCloneSafe(value)
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (isRecord(parsed)) return parsed
    } catch {
      /* not JSON: an empty model */
    }
  }
  return {}
}

/** A copy that shares nothing with the binding's value; JSON for what cannot be cloned. */
function structuredCloneSafe(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(value)
  } catch {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>
  }
}

/**
 * A custom widget.
 *
 * Properties: `srcDoc` (`{ html, css, js }`), `defaultModel`, `events` (optional: the
 * event names the code may trigger).
 * Meta: `model`.
 * Events: the names the code passes to `appsmith.triggerEvent` (`on-increment` runs for
 * `triggerEvent('onIncrement')` and for `triggerEvent('increment')`).
 */
export class SmithCustomWidget extends SmithElement {
  /**
   * Where the frame document is served: by default next to the bundle. The server must
   * send it with `CUSTOM_WIDGET_FRAME_CSP` (see frame-document.ts).
   */
  static frameUrl: string = new URL(CUSTOM_WIDGET_FRAME_FILE, import.meta.url).href

  static override properties: PropertyDeclarations = {
    srcDoc: { attribute: 'src-doc' },
    defaultModel: { attribute: 'default-model' },
    events: { attribute: false },
  }

  static override metaDefaults: Record<string, unknown> = { model: {} }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        height: 300px;
      }
      iframe {
        display: block;
        width: 100%;
        height: 100%;
        border: 0;
        border-radius: var(--smith-radius, 0.375rem);
        background: transparent;
      }
      .error {
        margin-top: 0.25rem;
      }
    `,
  ]

  /** The widget's source: `{ html, css, js }`. */
  declare srcDoc: unknown
  /** The model the widget starts from, and returns to on reset. */
  declare defaultModel: unknown
  /** When set, only these event names may be triggered. */
  declare events: string[] | undefined

  #port: MessagePort | null = null
  /** The model last sent to the frame, so an update is sent once. */
  #sentModel: unknown = undefined
  /** Bumped whenever the frame must be rebuilt from scratch (new source). */
  #generation = 0
  #codeError = ''
  #resize: ResizeObserver | null = null

  constructor() {
    super()
    this.srcDoc = { html: '', css: '', js: '' }
    this.defaultModel = {}
    this.events = undefined
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(() => this.#post({ type: 'ui', ui: this.#ui() }))
      this.#resize.observe(this)
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#resize?.disconnect()
    this.#resize = null
    this.#closePort()
  }

  override resetMeta(): void {
    super.resetMeta()
    this.setMeta('model', modelOf(this.defaultModel))
  }

  /** The frame element, once rendered. */
  get frame(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe')
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // As in Appsmith, a new defaultModel replaces the model.
    if (changed.has('defaultModel')) this.setMeta('model', modelOf(this.defaultModel))
    if (changed.has('srcDoc')) {
      this.#generation++
      this.#codeError = ''
      this.#closePort()
    }
  }

  protected override updated(): void {
    const model = this.getMeta('model')
    if (this.#port && model !== this.#sentModel) {
      this.#sentModel = model
      this.#post({ type: 'model', model })
    }
  }

  #ui(): { width: number; height: number } {
    return { width: this.clientWidth, height: this.clientHeight }
  }

  #theme(): Record<string, string> {
    const style = getComputedStyle(this)
    const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
    return {
      primaryColor: v('--smith-primary', '#553de9'),
      backgroundColor: v('--smith-surface', '#ffffff'),
      borderRadius: v('--smith-radius', '0.375rem'),
      boxShadow: v('--smith-shadow', 'none'),
      fontFamily: v('--smith-font', 'system-ui, sans-serif'),
    }
  }

  #post(message: Record<string, unknown>): void {
    if (!this.#port) return
    try {
      this.#port.postMessage(message)
    } catch (e) {
      this.#showCodeError(`The model cannot be sent to the custom widget: ${(e as Error).message}`)
    }
  }

  #closePort(): void {
    this.#port?.close()
    this.#port = null
    this.#sentModel = undefined
  }

  // Each load of the frame document gets a fresh channel; only the frame that loaded
  // receives its end, and the old one (a reload) stops being heard.
  #onLoad = (event: Event): void => {
    const frame = event.currentTarget as HTMLIFrameElement
    const target = frame.contentWindow
    if (!target) return
    this.#closePort()
    const channel = new MessageChannel()
    this.#port = channel.port1
    channel.port1.onmessage = (m: MessageEvent) => this.#onFrameMessage(m.data)
    const model = this.getMeta('model')
    this.#sentModel = model
    const init = { type: INIT_MESSAGE, srcDoc: normaliseSrcDoc(this.srcDoc), model, ui: this.#ui(), theme: this.#theme() }
    try {
      // The frame's origin is opaque, so no origin can be named; what is sent is the
      // widget's own source and model, which the frame's code is meant to have.
      target.postMessage(init, '*', [channel.port2])
    } catch (e) {
      this.#showCodeError(`The custom widget could not be started: ${(e as Error).message}`)
    }
  }

  #onFrameMessage(data: unknown): void {
    const message = parseFrameMessage(data)
    if ('refused' in message) {
      this.#showCodeError(`The custom widget sent a message that was refused: ${message.refused}.`)
      return
    }
    switch (message.type) {
      case 'update-model':
        this.setMeta('model', { ...this.getMeta<Record<string, unknown>>('model'), ...message.model })
        return
      case 'trigger-event': {
        const name = message.name
        if (Array.isArray(this.events) && !this.events.includes(name)) {
          this.#showCodeError(`The custom widget triggered "${name}", which is not one of its events.`)
          return
        }
        this.trigger(/^on[A-Z]/.test(name) ? name : `on${name[0].toUpperCase()}${name.slice(1)}`)
        return
      }
      case 'error':
        this.#showCodeError(`The custom widget's code failed: ${message.message}`)
        return
      case 'ready':
        return
    }
  }

  #showCodeError(message: string): void {
    this.#codeError = message
    this.requestUpdate()
  }

  protected override render(): TemplateResult {
    const title = this.name ? `${this.name} (custom widget)` : 'Custom widget'
    return html`${keyed(
        this.#generation,
        html`<iframe
          part="frame"
          title=${title}
          sandbox="allow-scripts"
          referrerpolicy="no-referrer"
          src=${SmithCustomWidget.frameUrl}
          @load=${this.#onLoad}
        ></iframe>`,
      )}${this.renderErrors()}${this.#codeError ? this.renderError(this.#codeError) : null}`
  }
}
