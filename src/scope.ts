/**
 * The scope: the one object that maps names to entities (widgets, queries, JS
 * objects, module instances, `appsmith`, the global functions). Bindings, query
 * fields and JS object code resolve their free names through it.
 *
 * Scopes nest: a module's scope is a child of the app's, so its local names
 * (`api_authToken`, `inputs`) shadow the app's and everything else falls through
 * to the parent, then to `globalThis`. The names live on a prototype chain of
 * null-prototype objects, so `name in names` is the whole lookup.
 */
import { MISSING, type Resolver } from './compiled-code'

const ENTITY_NAME = /^[A-Za-z_$][\w$]*$/

/** What {@link createScope} may be told. */
export interface ScopeOptions {
  /** Prefixes this scope's errors (`module "Auth_Module"`). */
  readonly label?: string
}

/** A scope: its names, and how code resolves a free name in it. */
export interface Scope {
  /** The names as code sees them: own names first, then the parent's (prototype chain). */
  readonly names: Record<string, unknown>
  readonly parent: Scope | null
  /**
   * Adds an entity. Throws on an invalid name or one this scope already holds; a name
   * from the parent may be shadowed (a module's own queries win inside the module).
   */
  define(name: string, entity: unknown): void
  /** Removes an entity this scope holds (a page's, when the page is left). */
  undefine(name: string): void
  /** Adds a global (a function every binding sees, `appsmith`, an injected `Date`): no name checks, and `define` names it in its error. */
  provide(name: string, value: unknown): void
  /** The scope's names first, then `globalThis`, else `MISSING`; what compiled code calls as `$r`. */
  readonly resolve: Resolver
}

/** Creates a scope, the child of `parent` when given. */
export function createScope(parent: Scope | null = null, options: ScopeOptions = {}): Scope {
  const names = Object.create(parent?.names ?? null) as Record<string, unknown>
  // Names given by `provide`: a clash with one says "a global function has that name".
  const globals = new Set<string>()
  const prefix = options.label === undefined ? '' : `${options.label}: `
  // A name found nowhere is MISSING, which compiled code turns into Appsmith's ReferenceError.
  const resolve: Resolver = (name) => (name in names ? names[name] : name in globalThis ? (globalThis as Record<string, unknown>)[name] : MISSING)
  return {
    names,
    parent,
    resolve,
    define(name, entity) {
      if (typeof name !== 'string' || !ENTITY_NAME.test(name)) throw new TypeError(`${prefix}"${name}" is not a valid entity name`)
      if (Object.hasOwn(names, name)) {
        throw new Error(`${prefix}two entities are named "${name}"${globals.has(name) ? ' (a global function has that name)' : ''}`)
      }
      names[name] = entity
    },
    undefine(name) {
      if (!globals.has(name)) delete names[name]
    },
    provide(name, value) {
      globals.add(name)
      names[name] = value
    },
  }
}
