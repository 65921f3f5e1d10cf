/**
 * The moment.js format tokens Appsmith's date picker uses (`dateFormat`, e.g.
 * `YYYY-MM-DD HH:mm`, `DD/MM/YYYY`, `MMMM D, YYYY`), in local time, without moment
 * itself (which costs ~70 KB; apps that want all of it load the library).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const TOKENS = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|Z|X|x/g

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${s}`
}

function offset(d: Date): string {
  const m = -d.getTimezoneOffset()
  return `${m >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`
}

/** `date` formatted with moment's tokens; text in `[brackets]` is kept as is. */
export function formatDate(date: Date, format: string): string {
  return format.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal
    const h = date.getHours()
    switch (token) {
      case 'YYYY': return String(date.getFullYear())
      case 'YY': return pad(date.getFullYear() % 100)
      case 'MMMM': return MONTHS[date.getMonth()]
      case 'MMM': return MONTHS[date.getMonth()].slice(0, 3)
      case 'MM': return pad(date.getMonth() + 1)
      case 'M': return String(date.getMonth() + 1)
      case 'Do': return ordinal(date.getDate())
      case 'DD': return pad(date.getDate())
      case 'D': return String(date.getDate())
      case 'dddd': return DAYS[date.getDay()]
      case 'ddd': return DAYS[date.getDay()].slice(0, 3)
      case 'HH': return pad(h)
      case 'H': return String(h)
      case 'hh': return pad(h % 12 || 12)
      case 'h': return String(h % 12 || 12)
      case 'mm': return pad(date.getMinutes())
      case 'm': return String(date.getMinutes())
      case 'ss': return pad(date.getSeconds())
      case 's': return String(date.getSeconds())
      case 'SSS': return pad(date.getMilliseconds(), 3)
      case 'A': return h < 12 ? 'AM' : 'PM'
      case 'a': return h < 12 ? 'am' : 'pm'
      case 'Z': return offset(date)
      case 'X': return String(Math.floor(date.getTime() / 1000))
      case 'x': return String(date.getTime())
      default: return token
    }
  })
}

/**
 * A date from what bindings give: a Date, a timestamp, an ISO string, or a plain
 * `YYYY-MM-DD` (read as local midnight, as a date input means it); invalid → undefined.
 */
export function parseDate(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined
  if (typeof value !== 'string') return undefined
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim())
  let d: Date
  if (local) {
    d = new Date(2000, Number(local[2]) - 1, Number(local[3]), Number(local[4] ?? 0), Number(local[5] ?? 0), Number(local[6] ?? 0))
    // setFullYear, not the constructor: it reads years 0–99 as 1900–1999, and a date
    // field mid-typing ("0002") must not turn into 1902 under the user's fingers.
    d.setFullYear(Number(local[1]))
  } else {
    d = new Date(value)
  }
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** The value of a native `<input type="date">` (or `datetime-local` with `withTime`) for a date, in local time. */
export function inputValue(date: Date | undefined, withTime: boolean): string {
  if (!date) return ''
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return withTime ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day
}

const NUMERIC: Readonly<Record<string, string>> = { YYYY: '(\\d{4})', YY: '(\\d{2})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})', HH: '(\\d{2})', H: '(\\d{1,2})', mm: '(\\d{2})', m: '(\\d{1,2})', ss: '(\\d{2})', s: '(\\d{1,2})' }

/**
 * A date read with a moment format of numeric tokens (`DD/MM/YYYY`, `YYYY-MM-DD HH:mm`),
 * in local time, as Appsmith reads a source value with a field's `dateFormat`; a format
 * with other tokens, or a value that does not match, is undefined.
 */
export function parseDateAs(value: string, format: string): Date | undefined {
  const order: string[] = []
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  let ok = true
  let pattern = ''
  let last = 0
  for (const m of format.matchAll(TOKENS)) {
    pattern += escape(format.slice(last, m.index))
    last = m.index + m[0].length
    if (m[1] !== undefined) {
      pattern += escape(m[1])
      continue
    }
    const re = NUMERIC[m[0]]
    if (re === undefined) ok = false
    order.push(m[0])
    pattern += re ?? ''
  }
  pattern += escape(format.slice(last))
  const match = ok ? new RegExp(`^${pattern}$`).exec(value.trim()) : null
  if (!match) return undefined
  const part: Record<string, number> = {}
  order.forEach((token, i) => (part[token[0]!] = Number(match[i + 1])))
  const year = order.includes('YY') && !order.includes('YYYY') ? 2000 + (part.Y ?? 0) : part.Y ?? 1970
  const d = new Date(2000, (part.M ?? 1) - 1, part.D ?? 1, part.H ?? 0, part.m ?? 0, part.s ?? 0)
  d.setFullYear(year)
  return d.getMonth() === (part.M ?? 1) - 1 && d.getDate() === (part.D ?? 1) ? d : undefined
}
