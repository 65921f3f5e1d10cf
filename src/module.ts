import { MISSING, type Resolver } from './compile'
import { createJSObject, type JSObjectDefinition } from './js-object'
import { createQuery, type QueryContext, type QueryDefinition } from './query'

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
}

/**
 * Instantiates a module under one name. Inside it, module-local names (its queries,
 * `inputs`, `Main`, its libraries) resolve first, then the app scope.
 */
export function instantiateModule(
  name: string,
  definition: ModuleDefinition,
  appScope: Record<string, unknown>,
  context: Omit<QueryContext, 'resolve'>,
  onRefresher?: (refresh: () => void) => void,
): Record<string, unknown> {
  const local = Object.create(appScope) as Record<string, unknown>
  const resolve: Resolver = (key) => (key in local ? local[key] : key in globalThis ? (globalThis as Record<string, unknown>)[key] : MISSING)
  for (const [key, library] of Object.entries(definition.libraries ?? {})) local[key] = library
  local.inputs = Object.freeze({ ...definition.inputs })
  for (const query of definition.queries ?? []) {
    if (Object.hasOwn(local, query.name)) {
      throw new Error(`module "${name}": two entities are named "${query.name}"`)
    }
    local[query.name] = createQuery(query, { ...context, resolve })
  }
  const main = createJSObject(`${name}.Main`, definition.main, resolve, onRefresher)
  local.Main = main
  return main
}
