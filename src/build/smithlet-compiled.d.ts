/**
 * The virtual module the esbuild plugin generates (./esbuild-plugin.ts): importing it
 * seeds the runtime's compile caches with the page's bindings, compiled ahead of time.
 */
declare module 'smithlet:compiled' {
  /** Binding expressions by code text. */
  export const expressions: Readonly<Record<string, import('../compile').CompiledFn>>
  /** Trigger snippets by their text. */
  export const triggers: Readonly<Record<string, import('../compile').TriggerFn>>
}
