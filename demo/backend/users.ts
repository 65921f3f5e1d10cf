/**
 * The user table: sign-up, credential checks, lookup by e-mail. In memory;
 * the demo backend starts empty apart from its seed users every time.
 */
import { hashPassword, verifyPassword, DEFAULT_SCRYPT_LOG_N } from './passwords'
import type { PublicUser, UserSeed } from './types'

/**
 * The user that exists when `startBackend` is given no `users`. Its password
 * is public on purpose: it is what the demo page and the tests log in with.
 */
export const DEMO_USER: Readonly<UserSeed> = Object.freeze({
  email: 'demo@smithlet.dev',
  password: 'demo-password',
  name: 'Demo User',
})

interface StoredUser extends PublicUser {
  passwordHash: string
}

/** Why a sign-up was refused. */
export type SignupFailure = 'email_taken'

// Every test starts its own server with the demo user; hashing its (public)
// password once per process keeps that from costing ~50 ms per server.
const demoHashes = new Map<number, Promise<string>>()

/** Emails compare case-insensitively, as users expect from sign-in forms. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** In-memory users keyed by normalised e-mail. */
export class UserStore {
  private readonly byEmail = new Map<string, StoredUser>()
  private nextId = 1
  // Compared against when the e-mail is unknown, so a miss costs as much as a wrong password.
  private dummyHash: Promise<string> | undefined

  constructor(
    private readonly now: () => number,
    private readonly logN = DEFAULT_SCRYPT_LOG_N,
  ) {}

  /** Create a user; `email_taken` when the e-mail exists. */
  async create(seed: UserSeed): Promise<PublicUser | SignupFailure> {
    const email = normalizeEmail(seed.email)
    if (this.byEmail.has(email)) return 'email_taken'
    const passwordHash = await this.hash(seed)
    // Re-check: another sign-up for the same e-mail may have finished while we hashed.
    if (this.byEmail.has(email)) return 'email_taken'
    const user: StoredUser = {
      id: this.nextId++,
      email,
      name: seed.name,
      createdAt: new Date(this.now()).toISOString(),
      passwordHash,
    }
    this.byEmail.set(email, user)
    return toPublic(user)
  }

  /** The user when e-mail and password match, else undefined. */
  async authenticate(email: string, password: string): Promise<PublicUser | undefined> {
    const user = this.byEmail.get(normalizeEmail(email))
    if (!user) {
      this.dummyHash ??= hashPassword('not-a-password', this.logN)
      await verifyPassword(password, await this.dummyHash)
      return undefined
    }
    return (await verifyPassword(password, user.passwordHash)) ? toPublic(user) : undefined
  }

  /** Look a user up by e-mail. */
  find(email: string): PublicUser | undefined {
    const user = this.byEmail.get(normalizeEmail(email))
    return user && toPublic(user)
  }

  private hash(seed: UserSeed): Promise<string> {
    const isDemo = normalizeEmail(seed.email) === DEMO_USER.email && seed.password === DEMO_USER.password
    if (!isDemo) return hashPassword(seed.password, this.logN)
    let cached = demoHashes.get(this.logN)
    if (!cached) {
      cached = hashPassword(seed.password, this.logN)
      demoHashes.set(this.logN, cached)
    }
    return cached
  }
}

function toPublic(user: StoredUser): PublicUser {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }
}
