/**
 * `smithlet/widgets/define`: importing this module defines every `smith-*` element
 * (once — a tag that is already defined, e.g. by a second copy of the bundle, is left
 * alone). The package's only module with a side effect.
 */
import { defineWidgets } from './index'

export * from './index'

defineWidgets()
