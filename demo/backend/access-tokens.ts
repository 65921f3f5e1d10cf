/**
 * Access tokens: JWT signed with HS256, or JWT encrypted as a five-part JWE
 * (`dir` + `A256GCM`, as Xano issues — the client cannot read `exp`). Both
 * carry `sub`, `email`, `name`, `iat`, `exp`, `jti` and `sid` (the session,
 * so ending a session can reject its access tokens). Issued and verified
 * against the injected clock so tests can move time without waiting.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { EncryptJWT, SignJWT, errors, jwtDecrypt, jwtVerify } from 'jose'
import type { JWTPayload } from 'jose'
import type { PublicUser, TokenFormat } from './types'

/** Claims of a verified access token. */
export interface AccessClaims {
  sub: string
  email: string
  name: string
  sid: string
  iat: number
  exp: number
  jti: string
}

/** Why a token was refused: maps to `401 {error}`. */
export type AccessFailure = 'invalid_token' | 'token_expired'

/** Issues and verifies access tokens with a per-process random key. */
export class AccessTokens {
  // A fresh key per backend: tokens from another run (or another test) never verify.
  private readonly key = new Uint8Array(randomBytes(32))

  constructor(
    readonly format: TokenFormat,
    private readonly now: () => number,
    /** Lifetime of tokens issued from now on, in seconds. */
    public ttlSeconds: number,
  ) {}

  /** Mint an access token for `user` in session `sid`. */
  async issue(user: PublicUser, sid: string): Promise<string> {
    const iat = Math.floor(this.now() / 1000)
    const claims = { email: user.email, name: user.name, sid }
    const jwt = this.format === 'jwe' ? new EncryptJWT(claims) : new SignJWT(claims)
    jwt.setSubject(String(user.id)).setIssuedAt(iat).setExpirationTime(iat + this.ttlSeconds).setJti(randomUUID())
    return jwt instanceof EncryptJWT
      ? jwt.setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: 'JWT' }).encrypt(this.key)
      : jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(this.key)
  }

  /** Verify a token; its claims, or why it was refused. Never throws. */
  async verify(token: string): Promise<AccessClaims | AccessFailure> {
    const currentDate = new Date(this.now())
    let payload: JWTPayload
    try {
      payload =
        this.format === 'jwe'
          ? (
              await jwtDecrypt(token, this.key, {
                currentDate,
                keyManagementAlgorithms: ['dir'],
                contentEncryptionAlgorithms: ['A256GCM'],
                requiredClaims: ['exp', 'iat', 'sub'],
              })
            ).payload
          : (await jwtVerify(token, this.key, { currentDate, algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] })).payload
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'token_expired' : 'invalid_token'
    }
    const { sub, email, name, sid, iat, exp, jti } = payload
    if (typeof sub !== 'string' || typeof email !== 'string' || typeof name !== 'string' || typeof sid !== 'string') {
      return 'invalid_token'
    }
    return { sub, email, name, sid, iat: iat as number, exp: exp as number, jti: String(jti) }
  }
}
