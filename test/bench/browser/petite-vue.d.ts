/**
 * The part of petite-vue the bench uses. Its bundled types sit outside its package
 * `exports` and import @vue/reactivity, which it inlines rather than depends on.
 */
declare module 'petite-vue' {
  export function createApp(scope?: Record<string, unknown>): { mount(el?: string | Element): { unmount(): void } }
  export function nextTick(fn?: () => void): Promise<void>
  export function reactive<T extends object>(target: T): T
}
