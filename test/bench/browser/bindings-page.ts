/**
 * The bindings page: 10,000 text widgets bound to 1,000 store keys (each key shown by 10),
 * mounted and updated by smithlet and by its peers in one Chromium page, so every side
 * gets the same data, the same DOM and the same clock:
 *
 * - `smith`: `<smith-text text="{{ appsmith.store.kN }}">`, `app.mount`, until every
 *   widget has rendered (each one's `updateComplete` awaited; a text renders at once);
 * - `petite-vue`: `<span v-text="store.kN">`, `createApp({ store }).mount()`;
 * - `alpine`: `<span x-text="$store.s.kN">` under one `x-data` root, `Alpine.initTree`;
 * - `signals`: the floor — raw @preact/signals-core, one `effect` per `<span>` setting
 *   `textContent`, no expression evaluation at all.
 *
 * Each side's mount is timed from the HTML string (innerHTML) to every value in the DOM;
 * a change is one write to one key, timed until its 10 elements show it (each library's
 * own "rendered" point: petite-vue's nextTick, Alpine's flush microtask, the widget's
 * updateComplete), averaged over a block of changes. The DOM is checked after timing.
 */
import { effect, signal, type Signal } from '@preact/signals-core'
import Alpine from 'alpinejs'
import { createApp as createPetite, nextTick, reactive } from 'petite-vue'
import { createApp, memoryStorage, type App } from '../../../src/index'
import '../../../widgets/define'

export type BindingSide = 'smith' | 'petite-vue' | 'alpine' | 'signals'

const WIDGETS = 10_000
const KEYS = 1_000
const value = (k: number, round: number): string => `v${k}-${round}`

interface Side {
  /** Builds the side's data (untimed): 1,000 keys. */
  prepare(): Promise<void>
  /** Mounts into `root` from `html`; resolves when every value is in the DOM. */
  mount(root: HTMLElement, html: string): Promise<void>
  /** Writes key `k`; resolves when the 10 elements that show it do. */
  change(k: number, text: string): Promise<void>
  /** The text element `i` shows. */
  shown(i: number): string
  dispose(): void
}

function texts(): Record<string, string> {
  const data: Record<string, string> = {}
  for (let k = 0; k < KEYS; k++) data[`k${k}`] = value(k, 0)
  return data
}

function html(side: BindingSide): string {
  let out = side === 'alpine' ? '<div x-data>' : ''
  for (let i = 0; i < WIDGETS; i++) {
    const k = i % KEYS
    if (side === 'smith') out += `<smith-text text="{{ appsmith.store.k${k} }}"></smith-text>`
    else if (side === 'petite-vue') out += `<span v-text="store.k${k}"></span>`
    else if (side === 'alpine') out += `<span x-text="$store.s.k${k}"></span>`
    else out += `<span data-k="${k}"></span>`
  }
  return side === 'alpine' ? `${out}</div>` : out
}

let appSeq = 0

function smithSide(): Side {
  let app: App | undefined
  let elements: Array<HTMLElement & { updateComplete: Promise<boolean> }> = []
  let storeValue: (key: string, value: unknown) => Promise<void>
  return {
    async prepare() {
      const data = new Map<string, unknown>(Object.entries(texts()))
      app = await createApp({ id: `bench-bindings-${++appSeq}` }, { storage: memoryStorage(data), channel: null, warn: () => undefined })
      storeValue = app.scope.storeValue as typeof storeValue
    },
    async mount(root, text) {
      root.innerHTML = text
      await app!.mount(root)
      elements = [...root.children] as typeof elements
      for (const el of elements) await el.updateComplete
    },
    async change(k, text) {
      void storeValue(`k${k}`, text)
      for (let i = k; i < WIDGETS; i += KEYS) await elements[i]!.updateComplete
    },
    shown: (i) => elements[i]!.textContent!.trim(),
    dispose() {
      app?.dispose()
    },
  }
}

function petiteSide(): Side {
  let store: Record<string, string>
  let root: HTMLElement
  let instance: { unmount(): void } | undefined
  return {
    async prepare() {
      store = reactive(texts()) as Record<string, string>
    },
    async mount(r, text) {
      root = r
      r.innerHTML = text
      instance = createPetite({ store }).mount(r) as unknown as { unmount(): void }
      await nextTick()
    },
    async change(k, text) {
      store[`k${k}`] = text
      await nextTick()
    },
    shown: (i) => root.children[i]!.textContent!,
    dispose() {
      instance?.unmount()
    },
  }
}

function alpineSide(): Side {
  let store: Record<string, string>
  let root: HTMLElement
  // Alpine's reactive effects flush in a microtask queued by the write; one queued after it runs after the flush.
  const flushed = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve))
  return {
    async prepare() {
      // A fresh store per round, under the one name every template reads.
      Alpine.store('s', texts())
      store = Alpine.store('s') as Record<string, string>
    },
    async mount(r, text) {
      root = r
      r.innerHTML = text
      Alpine.initTree(r.firstElementChild as HTMLElement)
      await flushed()
    },
    async change(k, text) {
      store[`k${k}`] = text
      await flushed()
    },
    shown: (i) => root.firstElementChild!.children[i]!.textContent!,
    dispose() {
      Alpine.destroyTree(root.firstElementChild as HTMLElement)
    },
  }
}

function signalsSide(): Side {
  let signals: Array<Signal<string>> = []
  let stops: Array<() => void> = []
  let root: HTMLElement
  return {
    async prepare() {
      signals = Array.from({ length: KEYS }, (_, k) => signal(value(k, 0)))
    },
    async mount(r, text) {
      root = r
      r.innerHTML = text
      const spans = r.children
      stops = new Array(spans.length)
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i]!
        const s = signals[Number(span.getAttribute('data-k'))]!
        stops[i] = effect(() => {
          span.textContent = s.value
        })
      }
      await Promise.resolve()
    },
    async change(k, text) {
      signals[k]!.value = text
      await Promise.resolve()
    },
    shown: (i) => root.children[i]!.textContent!,
    dispose() {
      for (const stop of stops) stop()
    },
  }
}

const makers: Record<BindingSide, () => Side> = { smith: smithSide, 'petite-vue': petiteSide, alpine: alpineSide, signals: signalsSide }

let round = 0

/** One round of one side: mount, then `changes` changes; returns ms for the mount and per change. */
async function bindingsRound(kind: BindingSide, changes: number): Promise<{ mountMs: number; changeMs: number }> {
  round++
  const side = makers[kind]()
  await side.prepare()
  const root = document.createElement('div')
  document.body.append(root)
  const text = html(kind)
  try {
    const start = performance.now()
    await side.mount(root, text)
    const mountMs = performance.now() - start
    for (const i of [0, 1, KEYS - 1, WIDGETS - 1]) {
      const want = value(i % KEYS, 0)
      if (side.shown(i) !== want) throw new Error(`${kind}: widget ${i} shows ${JSON.stringify(side.shown(i))} after mount, expected ${want}`)
    }
    // The key changed each time walks the keys; each change is awaited until shown.
    const keys = Array.from({ length: changes }, (_, c) => (c * 37 + round) % KEYS)
    const t0 = performance.now()
    for (let c = 0; c < changes; c++) await side.change(keys[c]!, value(keys[c]!, round * 1000 + c + 1))
    const changeMs = (performance.now() - t0) / changes
    for (let c = changes - 5; c < changes; c++) {
      const k = keys[c]!
      for (let i = k; i < WIDGETS; i += KEYS) {
        if (side.shown(i) !== value(k, round * 1000 + c + 1) && keys.lastIndexOf(k) === c) throw new Error(`${kind}: widget ${i} did not show change ${c}`)
      }
    }
    return { mountMs, changeMs }
  } finally {
    side.dispose()
    root.remove()
  }
}

/** Registers the page's entry points for the driver (run.ts). */
export function installBindings(target: Record<string, unknown>): void {
  target.bindingsRound = bindingsRound
}
