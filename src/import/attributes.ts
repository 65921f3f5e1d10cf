/** Writing Appsmith property values as attributes of the emitted HTML. */

/** An attribute value escaped for a double-quoted attribute. */
export const escapeAttr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** `isDisabled` → `is-disabled`. */
export const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** Whether a value holds a `{{ }}` binding. */
export const hasBinding = (value: string): boolean => /\{\{[\s\S]*\}\}/.test(value)

/**
 * An attribute value for a property value, or null when it is best left out: strings as
 * they are (a binding stays one), booleans, numbers and static data as bindings of their
 * JSON so the widget gets their type (`{{true}}`, `{{5}}`, `{{[…]}}`).
 */
export function attributeValue(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value
  try {
    return `{{${JSON.stringify(value)}}}`
  } catch {
    return null
  }
}
