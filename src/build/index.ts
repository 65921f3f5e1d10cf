/**
 * `smithlet/esbuild`: the build tools for Node — the esbuild plugin, the app folder
 * loader, the static build and the dev server.
 */
export { smithletPlugin, APP_ENTRY, APP_STYLESHEET } from './esbuild-plugin'
export type { SmithletPluginOptions } from './esbuild-plugin'
export { loadAppFolder, AppFolderError, formatAppFolderError, CONFIG_FILE } from './app-folder'
export type { AppConfig, AppFolder, EntityFile, ModuleConfig, PageSource, QueryFile } from './app-folder'
export { appBuildOptions, buildApp, pageDocuments } from './build-app'
export type { AppBuildConfig, BuildAppOptions, BuildAppResult } from './build-app'
export { startDevServer } from './dev-server'
export type { DevServer, DevServerOptions } from './dev-server'
export { STRICT_CSP } from './page-shell'
export { JS_OBJECT_SUFFIX, jsObjectModule } from './js-object-module'
