/**
 * Reads a page's HTML at build time with parse5 (a spec-compliant HTML parser, a
 * dependency of the package), so that the build, `smithlet check` and the dev server
 * see the attributes exactly as the browser will hand them to the runtime
 * (character references decoded) and know where each one sits in the file.
 *
 * parse5 rather than a DOM: it is small (no DOM emulation), fast, and reports the
 * source location of every attribute, which `smithlet check` needs for
 * `file:line:col` messages.
 */
import { parseFragment } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

/** One attribute of a `smith-*` element, with where its value starts in the file. */
export interface WidgetAttribute {
  readonly name: string
  /** The value as the browser decodes it. */
  readonly value: string
  /** Offset of the value's first character in the file (the attribute's start when unknown). */
  readonly offset: number
  /** Whether `value` is the raw text at `offset` (no character reference was decoded), so offsets inside it map 1:1. */
  readonly verbatim: boolean
}

/** A `smith-*` element of a page. */
export interface WidgetElement {
  /** Tag name, e.g. `smith-button`. */
  readonly tag: string
  /** Its `name` attribute (the entity name), if any. */
  readonly name: string | undefined
  /** Offset of `<tag` in the file. */
  readonly offset: number
  readonly attributes: readonly WidgetAttribute[]
}

/**
 * Every `smith-*` element of an HTML fragment (a page body), in document order,
 * including those inside `<template>` contents.
 */
export function widgetElements(html: string): WidgetElement[] {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true })
  const out: WidgetElement[] = []
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const el = node as Element
      if (el.tagName.startsWith('smith-')) out.push(describe(el, html))
      if (el.tagName === 'template') visit((el as DefaultTreeAdapterMap['template']).content)
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child)
  }
  visit(fragment)
  return out
}

function describe(el: Element, html: string): WidgetElement {
  const location = el.sourceCodeLocation
  const attributes: WidgetAttribute[] = el.attrs.map((attr) => {
    const at = location?.attrs?.[attr.name]
    if (!at) return { name: attr.name, value: attr.value, offset: location?.startOffset ?? 0, verbatim: false }
    // The raw attribute text is `name`, `name=value`, `name="value"` or `name='value'`.
    const raw = html.slice(at.startOffset, at.endOffset)
    const eq = raw.indexOf('=')
    if (eq < 0) return { name: attr.name, value: attr.value, offset: at.startOffset, verbatim: attr.value === '' }
    let start = eq + 1
    while (start < raw.length && /\s/.test(raw[start]!)) start++
    let end = raw.length
    if (raw[start] === '"' || raw[start] === "'") {
      start++
      end--
    }
    const rawValue = raw.slice(start, end)
    return { name: attr.name, value: attr.value, offset: at.startOffset + start, verbatim: rawValue === attr.value }
  })
  return {
    tag: el.tagName,
    name: el.attrs.find((a) => a.name === 'name')?.value,
    offset: location?.startOffset ?? 0,
    attributes,
  }
}
