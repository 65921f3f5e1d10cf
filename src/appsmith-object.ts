/**
 * The `appsmith` object code and bindings see: the store's view, the reactive URL, the
 * user (Auth_Module's when signed in), the theme, geolocation and the mode. The URL,
 * the theme and geolocation are optional parts (./features.ts).
 */
import type { AppDefinition, AppOptions } from './app'
import { features, notInBuild } from './features'
import type { Store } from './store'

/** `appsmith` as code sees it: the store, the URL (reactive), the user, the theme, geolocation. */
export function appsmithObject(
  options: AppOptions,
  definition: AppDefinition,
  /** `theme` and `geolocation` are undefined when the bundle left them out (./features.ts): reading one says so. */
  parts: { store: Store; theme: unknown; geolocation: unknown; names: Readonly<Record<string, unknown>> },
): Readonly<Record<string, unknown>> {
  // Only apps whose code may read it have the part (./app-url.ts).
  const url = features.url?.(options.url)
  const configuredUser = Object.freeze({ ...definition.user })
  return Object.freeze({
    store: parts.store.view,
    get URL() {
      return (url ?? missing('appsmith.URL')).value
    },
    mode: options.mode ?? 'PUBLISHED',
    // Auth_Module's user when it has one (Appsmith's own user is the signed-in person).
    get user() {
      const fromAuth = (parts.names.Auth_Module as { user?: unknown } | undefined)?.user
      return fromAuth !== null && typeof fromAuth === 'object' ? fromAuth : configuredUser
    },
    get theme() {
      return parts.theme ?? missing('appsmith.theme')
    },
    get geolocation() {
      return parts.geolocation ?? missing('appsmith.geolocation')
    },
  })
}

function missing(part: string): never {
  throw notInBuild(part)
}
