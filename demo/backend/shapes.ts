/**
 * Token response shapes. The same tokens, named the way each product in the
 * seeds names them, so the auth module can be tested against all three.
 */
import type { TokenFields, TokenShape } from './types'

/**
 * Field names per shape. The lifetime field follows each shape's casing;
 * Xano and Bravo do not send one by default (`includeExpiresIn`).
 */
export const TOKEN_FIELDS: Readonly<Record<TokenShape, Readonly<TokenFields>>> = Object.freeze({
  appsmith: Object.freeze({ access: 'access_token', refresh: 'refresh_token', expiresIn: 'expires_in' }),
  xano: Object.freeze({ access: 'authToken', refresh: 'refresh_token', expiresIn: 'expires_in' }),
  bravo: Object.freeze({ access: 'accessToken', refresh: 'refreshToken', expiresIn: 'expiresIn' }),
})

/** Names a refresh request body may use, whatever the shape: clients of any product can talk to any shape. */
export const REFRESH_BODY_FIELDS = ['refresh_token', 'refreshToken'] as const

/** What goes into a token response; `refreshToken` absent when rotation is off on a refresh. */
export interface TokenResponseParts {
  accessToken: string
  refreshToken?: string
  expiresIn: number
}

/** Build the response body of login, signup or refresh in `shape`. */
export function shapeTokenResponse(shape: TokenShape, parts: TokenResponseParts, includeExpiresIn: boolean): Record<string, unknown> {
  const fields = TOKEN_FIELDS[shape]
  const body: Record<string, unknown> = { [fields.access]: parts.accessToken }
  if (parts.refreshToken !== undefined) body[fields.refresh] = parts.refreshToken
  if (includeExpiresIn) body[fields.expiresIn] = parts.expiresIn
  // token_type is part of the OAuth response (RFC 6749 §5.1); Xano and Bravo do not send it.
  if (shape === 'appsmith') body.token_type = 'Bearer'
  return body
}
