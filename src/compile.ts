/**
 * The compiler: binding expressions and JS object sources become functions of
 * a resolver. One compiler, two places it runs — `compileExpression` and
 * `compileJSObject` call `new Function` at run time, and the esbuild plugin
 * emits the very same body text (from `expressionSource` / `jsObjectSource`)
 * into an ES module, so a built app needs no `'unsafe-eval'`.
 *
 * Generated bodies look like
 *
 * ```js
 * "use strict"; let Table1 = $r("Table1"), Math = $r("Math"); return (Math.max(Table1.pageNo, 1)
 * );
 * ```
 *
 * The parameter `$r` resolves a name (the app's scope first, then
 * `globalThis`); `this` is whatever the caller binds (queries bind
 * `{ params }`). Every identifier that might be a free reference gets a `let`;
 * over-including is harmless (an arrow parameter shadows its `let`, an object
 * key is not a reference), so there is no scope analysis and no `with` — the
 * code is valid strict-mode and module code. The text depends only on the
 * input, so ahead-of-time output equals run-time output. A binding that names
 * `$r` gets the resolver itself. Name checks read `$$M` and `$$v`, which the body does
 * not declare: they are made once where the functions are (PRELUDE, ./checked-code.ts),
 * at the top of the build's module or in the closure `new Function` builds at run time.
 *
 * Triggers (event handlers, `app.run`) compile like Appsmith's: statements
 * after `const $$result =` in an async function (see `triggerSource`). A JS
 * object's names are resolved when its factory runs and again whenever the
 * runtime calls its `RESOLVE_NAMES` refresher, which the generated code
 * attaches with `Object.defineProperty` and `Symbol.for` (so an entity named
 * `Object` or `Symbol` would shadow them — a name no app should take).
 *
 * The compiler is in parts: the scanner (./scan.ts), what one pass of it learns about
 * code (./code-analysis.ts), the declarations and name checks the generated code carries
 * (./checked-code.ts), expressions and triggers (./compile-expression.ts), JS objects
 * (./compile-js-object.ts) and the names code reads (./code-names.ts). The shapes of
 * compiled code are in ./compiled-code.ts; how the runtime finds it, ahead of time or
 * from the compiler an entry installed, in ./precompiled.ts. This file is the compiler's
 * one public face.
 */
export type { CompiledFn, DataReference, JSObjectFactory, Resolver, TriggerFn } from './compiled-code'
export { CompileError, MISSING, RESOLVE_NAMES } from './compiled-code'
export { compileExpression, compileTrigger, expressionSource, triggerSource } from './compile-expression'
export { compileJSObject, jsObjectSource } from './compile-js-object'
export { functionText, PRELUDE } from './checked-code'
export { dataReferences, freeReads, referencedNames } from './code-names'
export { seedCompiled } from './precompiled'
export type { SeededFunctions } from './precompiled'
