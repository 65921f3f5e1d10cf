/**
 * Installs the run-time compiler: importing this file lets the runtime compile text it
 * is given at run time — a hand-written host mounting plain HTML, `createApp` with JS
 * objects as source strings, `app.evaluate` / `app.run` with any text. The plain
 * `smithlet` entry (./index.ts) imports it; the entry `smithlet build` generates does not
 * when the esbuild plugin compiled everything ahead of time, so that build ships neither
 * the scanner nor `new Function` (see ./precompiled.ts). Listed in package.json's
 * `sideEffects`: the installation is the point of importing it. Text compiled at run time
 * may name any part of the runtime, so it installs them all too (./all-features.ts).
 */
import './all-features'
import { dataReferences } from './code-names'
import { compileTrigger } from './compile-expression'
import { compileJSObject } from './compile-js-object'
import { installCompiler, type RuntimeCompiler } from './precompiled'
import { parseTemplateCode } from './template-parse'

/** The run-time compiler this file installs. */
export const runtimeCompiler: RuntimeCompiler = {
  template: parseTemplateCode,
  trigger: compileTrigger,
  jsObject: compileJSObject,
  dataReferences,
}

installCompiler(runtimeCompiler)
