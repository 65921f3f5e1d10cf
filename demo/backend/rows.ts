/**
 * The data behind `/api/rows`: deterministic generated people, and the
 * paging / search / sort a table widget asks for. Names include non-ASCII
 * ("José", "Łukasz", "Nguyễn") and an apostrophe, so widgets and bindings get
 * exercised on real-world text.
 */
import type { Row } from './types'
import { HttpError } from './http'
import { mulberry32 } from './prng'

const FIRST_NAMES = [
  'José', 'Zoë', 'Björn', 'Łukasz', 'Søren', 'Chloé', 'Anaïs', 'Jürgen', 'Ólafur', 'François',
  'Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim',
  'Amara', 'Kenji', 'Priya', 'Mateo', 'Fatima', 'Wei', 'Olga', 'Diego', 'Aisha', 'Noah',
]
const LAST_NAMES = [
  'García', 'Müller', 'Nguyễn', 'Dvořák', "O'Brien", 'Núñez', 'Kowalski', 'Larsen', 'Rossi', 'Smith',
  'Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee',
  'Okafor', 'Tanaka', 'Patel', 'Silva', 'Haddad', 'Chen', 'Ivanova', 'Fernández', 'Mensah', 'Cohen',
]
const CITIES = [
  'São Paulo', 'Zürich', 'Kraków', 'Reykjavík', 'Montréal', 'Berlin', 'Lagos', 'Tokyo', 'Lima', 'Oslo',
  'Austin', 'Mumbai', 'Nairobi', 'Seoul', 'Dublin', 'Málaga', 'Hà Nội', 'Toronto', 'Cairo', 'Melbourne',
]

/** Columns `sortBy` accepts. */
export const SORTABLE_COLUMNS = ['id', 'name', 'email', 'city', 'age', 'createdAt'] as const
type SortColumn = (typeof SORTABLE_COLUMNS)[number]

/** Largest page served; bigger `pageSize` values are capped, not refused. */
export const MAX_PAGE_SIZE = 1000
const DEFAULT_PAGE_SIZE = 20
const MAX_SEARCH_LENGTH = 200
// createdAt values fall in the year before this instant; fixed so rows never depend on the clock.
const CREATED_BEFORE = Date.UTC(2025, 0, 1)
const YEAR_MS = 365 * 24 * 3600 * 1000

/** Fold a name into an e-mail local part: "Łukasz O'Brien" → "lukasz.obrien". */
function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/gi, 'l')
    .replace(/ø/gi, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** Generate `count` rows from `seed`. */
export function generateRows(count: number, seed = 1): Row[] {
  const random = mulberry32(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const rows: Row[] = []
  for (let id = 1; id <= count; id++) {
    const first = pick(FIRST_NAMES)
    const last = pick(LAST_NAMES)
    rows.push({
      id,
      name: `${first} ${last}`,
      email: `${asciiFold(first)}.${asciiFold(last)}${id}@example.com`,
      city: pick(CITIES),
      age: 18 + Math.floor(random() * 73),
      createdAt: new Date(CREATED_BEFORE - Math.floor(random() * YEAR_MS)).toISOString(),
    })
  }
  return rows
}

/** A validated `/api/rows` query. */
export interface RowQuery {
  page: number
  pageSize: number
  search: string
  sortBy: SortColumn
  sortOrder: 'asc' | 'desc'
}

function positiveInt(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  // Digits only: "1.5", "-1", "1e3", "0x10" and " 2" are all garbage, not numbers to coerce.
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new HttpError(400, 'invalid_request', `${name} must be a positive integer`)
  }
  return Number(raw)
}

/** Validate `page`, `pageSize`, `search`, `sortBy`, `sortOrder`; 400 on garbage. */
export function parseRowQuery(params: URLSearchParams): RowQuery {
  const page = positiveInt(params, 'page', 1)
  const pageSize = Math.min(positiveInt(params, 'pageSize', DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE)
  const search = (params.get('search') ?? '').trim()
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new HttpError(400, 'invalid_request', `search must be at most ${MAX_SEARCH_LENGTH} characters`)
  }
  const sortBy = params.get('sortBy') || 'id'
  if (!(SORTABLE_COLUMNS as readonly string[]).includes(sortBy)) {
    throw new HttpError(400, 'invalid_request', `sortBy must be one of ${SORTABLE_COLUMNS.join(', ')}`)
  }
  const sortOrder = (params.get('sortOrder') || 'asc').toLowerCase()
  if (sortOrder !== 'asc' && sortOrder !== 'desc') {
    throw new HttpError(400, 'invalid_request', 'sortOrder must be asc or desc')
  }
  return { page, pageSize, search, sortBy: sortBy as SortColumn, sortOrder }
}

/** Lower-case form for case-insensitive search; NFC so "José" typed either way matches. */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase()
}

/**
 * Rows with a query engine. Each column's ascending order is computed once,
 * on first use, so a request is a filter over a presorted list, not a sort.
 */
export class RowTable {
  private readonly haystacks = new Map<Row, string>()
  private readonly orders = new Map<SortColumn, Row[]>()
  // A fixed locale keeps the order the same on every machine.
  private readonly collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

  constructor(private readonly rows: readonly Row[]) {
    for (const row of rows) this.haystacks.set(row, fold(`${row.name}\n${row.email}\n${row.city}`))
  }

  /**
   * One page of rows matching `search` (case-insensitive substring of name,
   * e-mail or city), sorted by `sortBy` with ties broken by id; `count` is the
   * number of all matching rows. `desc` is the exact reverse of `asc`.
   */
  query(q: RowQuery): { results: Row[]; count: number } {
    const needle = fold(q.search)
    const matches = needle ? this.sorted(q.sortBy).filter((row) => this.haystacks.get(row)!.includes(needle)) : this.sorted(q.sortBy)
    const count = matches.length
    const start = (q.page - 1) * q.pageSize
    let results: Row[]
    if (q.sortOrder === 'asc') {
      results = matches.slice(start, start + q.pageSize)
    } else {
      results = matches.slice(Math.max(0, count - start - q.pageSize), Math.max(0, count - start)).reverse()
    }
    return { results, count }
  }

  private sorted(column: SortColumn): Row[] {
    let order = this.orders.get(column)
    if (!order) {
      const compare =
        column === 'id' || column === 'age'
          ? (a: Row, b: Row) => a[column] - b[column] || a.id - b.id
          : column === 'createdAt'
            ? // ISO 8601 in UTC: code-unit order is time order.
              (a: Row, b: Row) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id)
            : (a: Row, b: Row) => this.collator.compare(a[column], b[column]) || a.id - b.id
      order = [...this.rows].sort(compare)
      this.orders.set(column, order)
    }
    return order
  }
}
