/**
 * Property declarations with the attribute names Appsmith's kebab-case attributes use
 * (`is-disabled` → `isDisabled`), kept apart from the control base so that widgets that
 * need only these pay for nothing else.
 */
import type { PropertyDeclaration } from 'lit'

/** A boolean property whose attribute is `attribute`; `attr="false"` is false (Appsmith exports write it). */
export function flag(attribute?: string): PropertyDeclaration {
  return {
    type: Boolean,
    ...(attribute ? { attribute } : {}),
    converter: { fromAttribute: (v: string | null) => v !== null && v.trim().toLowerCase() !== 'false', toAttribute: (v: unknown) => (v ? '' : null) },
  }
}

/** A number property whose attribute is `attribute`. */
export function num(attribute?: string): PropertyDeclaration {
  return { type: Number, ...(attribute ? { attribute } : {}) }
}

/** Any-typed property (lists, objects, bound values) with a kebab-case attribute. */
export function any(attribute?: string): PropertyDeclaration {
  return attribute ? { attribute } : {}
}

/** A string property with a kebab-case attribute. */
export function str(attribute?: string): PropertyDeclaration {
  return { type: String, ...(attribute ? { attribute } : {}) }
}
