/**
 * What a custom widget's frame may say to the app, checked: the frame runs someone's code,
 * so every message is validated before it touches the widget's state, and anything else
 * is dropped with a reason.
 */

/** A message the widget acts on. */
export type FrameMessage =
  | { type: 'ready' }
  | { type: 'update-model'; model: Record<string, unknown> }
  | { type: 'trigger-event'; name: string; context: Record<string, unknown> | null }
  | { type: 'error'; message: string }

/** The most a model update may weigh, as JSON characters. */
export const MAX_MODEL_CHARS = 1_000_000

const EVENT_NAME = /^[A-Za-z_$][\w$]{0,63}$/

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** The JSON length of a value, or -1 when it is not JSON (a BigInt, a cycle). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? -1
  } catch {
    return -1
  }
}

/** Validates one message from the frame: the message, or the reason it is refused. */
export function parseFrameMessage(data: unknown): FrameMessage | { refused: string } {
  if (!isRecord(data) || typeof data.type !== 'string') return { refused: 'not a message object' }
  switch (data.type) {
    case 'ready':
      return { type: 'ready' }
    case 'update-model': {
      if (!isRecord(data.model)) return { refused: 'updateModel needs an object' }
      const size = jsonLength(data.model)
      if (size < 0) return { refused: 'updateModel needs JSON data' }
      if (size > MAX_MODEL_CHARS) return { refused: `updateModel data is larger than ${MAX_MODEL_CHARS} characters` }
      return { type: 'update-model', model: data.model }
    }
    case 'trigger-event': {
      if (typeof data.name !== 'string' || !EVENT_NAME.test(data.name)) return { refused: 'triggerEvent needs an event name (letters, digits, _ or $)' }
      const context = data.context ?? null
      if (context !== null && !isRecord(context)) return { refused: 'triggerEvent context must be an object' }
      if (context !== null && (jsonLength(context) < 0 || jsonLength(context) > MAX_MODEL_CHARS)) return { refused: 'triggerEvent context must be JSON data' }
      return { type: 'trigger-event', name: data.name, context: context as Record<string, unknown> | null }
    }
    case 'error':
      return { type: 'error', message: typeof data.message === 'string' ? data.message.slice(0, 500) : 'unknown error' }
    default:
      return { refused: `unknown message type "${data.type.slice(0, 40)}"` }
  }
}

/** The widget's source as Appsmith stores it: `{ html, css, js }` (a string is the HTML). */
export interface SrcDoc {
  html: string
  css: string
  js: string
}

/** Normalises `srcDoc` (an object, its JSON text, or plain HTML). */
export function normaliseSrcDoc(value: unknown): SrcDoc {
  let v = value
  if (typeof v === 'string') {
    const text = v.trim()
    if (text.startsWith('{')) {
      try {
        v = JSON.parse(text)
      } catch {
        return { html: v as string, css: '', js: '' }
      }
    } else return { html: v as string, css: '', js: '' }
  }
  if (!isRecord(v)) return { html: '', css: '', js: '' }
  const str = (x: unknown): string => (typeof x === 'string' ? x : '')
  return { html: str(v.html), css: str(v.css), js: str(v.js) }
}
