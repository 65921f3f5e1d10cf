/** The demo backend's public surface. */
export { startBackend } from './server'
export { DEMO_USER } from './users'
export { TOKEN_FIELDS, REFRESH_BODY_FIELDS } from './shapes'
export { generateRows, MAX_PAGE_SIZE, SORTABLE_COLUMNS } from './rows'
export { contentTypeOf, serveStatic } from './static'
export type {
  Backend,
  BackendOptions,
  IssuedTokens,
  PublicUser,
  RequestFallback,
  RequestLogEntry,
  Row,
  TokenFields,
  TokenFormat,
  TokenShape,
  UserSeed,
} from './types'
