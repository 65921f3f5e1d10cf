/**
 * `<smith-currency-input>`: Appsmith's Currency input — the currency's symbol (or a
 * native `<select>` of currencies when `allowCurrencyChange`) and a decimal field.
 * Symbols come from the browser's `Intl`, so no table is shipped.
 *
 * ```html
 * <smith-currency-input name="Amount" label="Amount" default-currency-code="EUR" decimals="2"></smith-currency-input>
 * ```
 */
import { html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { flag, num, str } from './props'
import { SmithTextField } from './text-field'

const COMMON = ['USD', 'EUR', 'GBP', 'INR', 'JPY', 'CNY', 'AUD', 'CAD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD', 'NZD', 'AED', 'SAR', 'NGN', 'KES', 'TRY', 'KRW', 'IDR', 'THB', 'PHP', 'MYR', 'PKR', 'BDT', 'VND', 'ILS', 'EGP', 'CZK', 'HUF', 'RON', 'ARS', 'CLP', 'COP']

/** The symbol of a currency in this browser's locale (`USD` → `$`), or the code itself. */
export function currencySymbol(code: string): string {
  try {
    const part = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency')
    return part?.value ?? code
  } catch {
    return code
  }
}

/** The number in a currency text (`1,234.5` → 1234.5), or undefined when there is none. */
export function parseAmount(text: string): number | undefined {
  const clean = text.replace(/[,\s]/g, '')
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(clean)) return undefined
  return Number(clean)
}

/**
 * Properties: `label`, `defaultText`, `defaultCurrencyCode` (`USD`), `allowCurrencyChange`,
 * `decimals` (0–2, digits kept after the point), `placeholderText`, `isRequired`,
 * `isDisabled`, `regex`, `validation`, `errorMessage`. Meta: `text`, `value` (a number,
 * or undefined), `currencyCode`, `isDirty`, `isValid`. Events: `onTextChanged`,
 * `onSubmit`. Methods: `setValue`, `setDisabled`, `setRequired`.
 */
export class SmithCurrencyInput extends SmithTextField {
  static override properties: PropertyDeclarations = {
    defaultCurrencyCode: str('default-currency-code'),
    allowCurrencyChange: flag('allow-currency-change'),
    decimals: num(),
  }

  static override metaDefaults: Record<string, unknown> = { text: '', value: undefined, currencyCode: 'USD', isDirty: false, isValid: true }

  declare defaultCurrencyCode: string
  declare allowCurrencyChange: boolean
  declare decimals: number

  #pickedCode = false

  constructor() {
    super()
    this.defaultCurrencyCode = 'USD'
    this.allowCurrencyChange = false
    this.decimals = 0
  }

  protected get keyboardMode(): string {
    return 'decimal'
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultCurrencyCode') && !this.#pickedCode) this.setMeta('currencyCode', String(this.defaultCurrencyCode || 'USD').toUpperCase())
    super.willUpdate(changed)
  }

  get #decimals(): number {
    const d = Math.floor(Number(this.decimals))
    return Number.isFinite(d) ? Math.min(Math.max(d, 0), 6) : 0
  }

  protected derive(raw: string): void {
    const n = parseAmount(raw)
    this.setMeta('value', n === undefined ? undefined : Number(n.toFixed(this.#decimals)))
  }

  protected override textOk(raw: string): boolean {
    const n = parseAmount(raw)
    if (n === undefined) return false
    const fraction = raw.split('.')[1]
    return fraction === undefined || fraction.length <= this.#decimals
  }

  /** On blur, a valid amount is written with grouping and its decimals (`1234.5` → `1,234.50`). */
  protected override onBlur(): void {
    const n = parseAmount(this.raw)
    if (n === undefined || !this.textOk(this.raw)) return
    const d = this.#decimals
    this.raw = n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
    this.sync()
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#pickedCode = false
    this.setMeta('currencyCode', String(this.defaultCurrencyCode || 'USD').toUpperCase())
  }

  #onCode = (e: Event): void => {
    this.#pickedCode = true
    this.setMeta('currencyCode', (e.target as HTMLSelectElement).value)
    this.trigger('onCurrencyChange')
  }

  protected renderPrefix(): TemplateResult | typeof nothing {
    const code = this.getMeta<string>('currencyCode')
    if (!this.allowCurrencyChange) return html`<span class="symbol" part="currency" aria-label=${code}>${currencySymbol(code)}</span>`
    const codes = COMMON.includes(code) ? COMMON : [code, ...COMMON]
    return html`<select class="field prefix" part="currency" aria-label="Currency" ?disabled=${this.off} @change=${this.#onCode}>
      ${codes.map((c) => html`<option value=${c} ?selected=${c === code}>${c} ${currencySymbol(c)}</option>`)}
    </select>`
  }
}
