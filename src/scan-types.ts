/** The scanner's vocabulary: the tokens it reports, its options and its results (see ./scan.ts). */

/** A kind of significant token reported to a {@link TokenVisitor}. */
export type TokenKind = 'name' | 'private' | 'number' | 'string' | 'template' | 'regex' | 'punct'

/**
 * Receives each significant token (comments and whitespace are skipped) in
 * source order. `depth` is the bracket depth after the token (an opener counts
 * itself, a closer does not); `afterDot` is true for a name that follows `.` or
 * `?.`, i.e. a property name rather than a reference.
 */
export type TokenVisitor = (
  kind: TokenKind,
  start: number,
  end: number,
  depth: number,
  afterDot: boolean,
  /** True when the innermost open bracket is an object literal's `{`. */
  inObject: boolean,
) => void

/** Options for {@link scan}. */
export interface ScanOptions {
  /** Stop at the first occurrence of this text at bracket depth 0 in code (not in a string, comment…). */
  readonly closer?: string
  /** Stop right after the first bracket group opened at depth 0 closes. */
  readonly group?: boolean
  /** Called for every significant token. */
  readonly onToken?: TokenVisitor
}

/** Why a scan failed. */
export type ScanErrorReason =
  | 'unterminated-string'
  | 'unterminated-template'
  | 'unterminated-comment'
  | 'unterminated-regex'
  | 'unexpected-closer'
  | 'mismatched-closer'
  | 'unclosed-bracket'
  | 'missing-closer'

/** A failed scan: `position` is a 0-based offset into the scanned text; `message` includes its line:column. */
export interface ScanFailure {
  readonly ok: false
  readonly reason: ScanErrorReason
  readonly message: string
  readonly position: number
}

/**
 * A successful scan. `end` is the offset of the closer when one was asked for,
 * the offset just past the group when `group` was set, else the text's length.
 */
export interface ScanSuccess {
  readonly ok: true
  readonly end: number
}

/** The result of {@link scan}. */
export type ScanResult = ScanSuccess | ScanFailure
