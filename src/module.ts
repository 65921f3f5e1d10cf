import { timerGlobals } from './globals'
import { createJSObject, type JSObjectDefinition } from './js-object'
import { createQuery, type QueryContext, type QueryDefinition } from './query'
import type { EffectScope } from './reactive'
import { createScope, type Scope } from './scope'

/**
 * A JS module, as an Appsmith package holds it: its own queries and a `Main` JS
 * object, configured by `inputs`, with libraries of its own.
 */
export interface ModuleDefinition {
  /** The `Main` JS object (source or compiled); its members are the instance's API. */
  readonly main: JSObjectDefinition
  readonly queries?: readonly QueryDefinition[]
  /** Values the host gives; Main reads them as `inputs.name`. */
  readonly inputs?: Readonly<Record<string, unknown>>
  /** Names in the module's scope only, like Appsmith's installed JS libraries. */
  readonly libraries?: Readonly<Record<string, unknown>>
  /** Further JS objects in the module's scope only (Main and they see each other by name). */
  readonly jsObjects?: Readonly<Record<string, JSObjectDefinition>>
  /**
   * Main's functions to run on page load before any of the app's own page-load actions
   * (an OpenID Connect callback must exchange its code before anything asks for a token).
   */
  readonly pageLoad?: readonly string[]
}

/** What a module instance gets from its app. */
export interface ModuleContext {
  /** The app's scope: the parent of the module's. */
  readonly scope: Scope
  /** The app's effect scope: the parent of the module's. */
  readonly effects: EffectScope
  readonly query: Omit<QueryContext, 'resolve'>
  /** Receives the function that re-resolves Main's free names (after new entities are defined). */
  readonly onRefresher?: (refresh: () => void) => void
  /** What the module's code sees as `console.warn`: the app's warnings. Default: console.warn. */
  readonly warn?: (message: string) => void
  /** What the module's code sees as `Math.random`: the app's randomness. Default: Math.random. */
  readonly random?: () => number
}

/**
 * Instantiates a module under one name. Inside it, module-local names (its queries,
 * `inputs`, `Main`, its JS objects and libraries; `setTimeout`, `console` and `Math`, the
 * app's injected ones) resolve first, then the app scope. The module owns an effect
 * scope, a child of the app's: it ends with the app.
 */
export function instantiateModule(name: string, definition: ModuleDefinition, context: ModuleContext): Record<string, unknown> {
  const scope = createScope(context.scope, { label: `module "${name}"` })
  const effects = context.effects.scope()
  // The module's code reaches the app's injected parts by the names it would use anyway,
  // as it reaches the clock (the app scope's `Date`): setTimeout is the app's timers
  // (through the module's effect scope), console.warn the app's warn, Math.random its randomness.
  for (const [key, value] of Object.entries(timerGlobals(effects))) scope.provide(key, value)
  const warn = context.warn ?? ((message: string) => console.warn(message))
  scope.provide('console', Object.create(console, { warn: { value: (...parts: unknown[]) => warn(parts.map(String).join(' ')) } }))
  scope.provide('Math', Object.create(Math, { random: { value: context.random ?? Math.random } }))
  for (const [key, library] of Object.entries(definition.libraries ?? {})) scope.define(key, library)
  scope.define('inputs', Object.freeze({ ...definition.inputs }))
  for (const query of definition.queries ?? []) {
    scope.define(query.name, createQuery(query, { ...context.query, resolve: scope.resolve }))
  }
  for (const [objectName, source] of Object.entries(definition.jsObjects ?? {})) {
    if (objectName === 'Main') throw new Error(`module "${name}": two entities are named "Main"`)
    scope.define(objectName, createJSObject(`${name}.${objectName}`, source, scope.resolve, context.onRefresher))
  }
  const main = createJSObject(`${name}.Main`, definition.main, scope.resolve, context.onRefresher)
  scope.define('Main', main)
  return main
}

/**
 * Runs the modules' own page-load functions, in order, before any of the app's (an OpenID
 * Connect callback stores its tokens before any app action asks for one). `report` is told
 * how each ended, as page-load actions are (`Auth_Module.handleCallback`).
 */
export async function runModulesPageLoad(
  modules: Readonly<Record<string, ModuleDefinition>>,
  names: Readonly<Record<string, unknown>>,
  report: (id: string, failed: boolean, error?: unknown) => void,
): Promise<void> {
  for (const [name, module] of Object.entries(modules)) {
    for (const fnName of module.pageLoad ?? []) {
      const fn = (names[name] as Record<string, unknown>)[fnName]
      try {
        if (typeof fn !== 'function') throw new Error(`module "${name}" has no function "${fnName}"`)
        await (fn as () => unknown)()
        report(`${name}.${fnName}`, false)
      } catch (error) {
        report(`${name}.${fnName}`, true, error)
      }
    }
  }
}
