/**
 * `appsmith.geolocation`, as Appsmith has it: `getCurrentPosition(onSuccess?,
 * onError?, options?)` (also resolving with the position), `watchPosition`,
 * `clearWatch`, `canBeRequested` and the reactive `currentPosition`. The
 * browser's Geolocation comes through the app's options so tests can give one.
 */
import { signal } from './reactive'

/** A position as Appsmith stores it in `currentPosition`: plain data, not the browser's live object. */
export interface GeoPosition {
  readonly coords: Readonly<Record<string, number | null>>
  readonly timestamp: number
}

type Callback = ((value: unknown) => unknown) | undefined

function plain(position: GeolocationPosition): GeoPosition {
  const c = position.coords
  return Object.freeze({
    coords: Object.freeze({ latitude: c.latitude, longitude: c.longitude, accuracy: c.accuracy, altitude: c.altitude,
      altitudeAccuracy: c.altitudeAccuracy, heading: c.heading, speed: c.speed }),
    timestamp: position.timestamp,
  })
}

/** Creates the `appsmith.geolocation` object over `geolocation` (none: every request fails with a clear error). */
export function createGeolocation(geolocation: Geolocation | null | undefined): Record<string, unknown> {
  const current = signal<GeoPosition | Record<string, never>>({})
  const unavailable = (): Error => new Error('appsmith.geolocation: this browser gives no location')
  const api = {
    get canBeRequested() {
      return geolocation != null
    },
    get currentPosition() {
      return current.value
    },
    getCurrentPosition(onSuccess?: Callback, onError?: Callback, options?: PositionOptions): Promise<GeoPosition> {
      return new Promise((resolve, reject) => {
        if (geolocation == null) {
          onError?.(unavailable())
          return reject(unavailable())
        }
        geolocation.getCurrentPosition(
          (position) => {
            const value = plain(position)
            current.value = value
            onSuccess?.(value)
            resolve(value)
          },
          (error) => {
            onError?.(error)
            reject(new Error(`appsmith.geolocation: ${error.message || 'the location could not be read'}`))
          },
          options,
        )
      })
    },
    watchPosition(onSuccess?: Callback, onError?: Callback, options?: PositionOptions): Promise<number> {
      if (geolocation == null) return Promise.reject(unavailable())
      const id = geolocation.watchPosition(
        (position) => {
          const value = plain(position)
          current.value = value
          onSuccess?.(value)
        },
        (error) => onError?.(error),
        options,
      )
      watches.add(id)
      return Promise.resolve(id)
    },
    clearWatch(id?: number): Promise<void> {
      for (const watch of id === undefined ? [...watches] : [id]) {
        geolocation?.clearWatch(watch)
        watches.delete(watch)
      }
      return Promise.resolve()
    },
  }
  const watches = new Set<number>()
  return api
}
