/** A JS object file imported with `?jsobject`, compiled ahead of time by the build plugins. */
declare module '*?jsobject' {
  const object: import('./js-object').CompiledJSObject & { readonly name: string }
  export default object
}
