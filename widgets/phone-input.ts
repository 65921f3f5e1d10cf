/**
 * `<smith-phone-input>`: Appsmith's Phone input — a native `<select>` of dial codes
 * (when `allowDialCodeChange`) and a `tel` text field.
 *
 * ```html
 * <smith-phone-input name="Phone" label="Phone" default-dial-code="+44" allow-dial-code-change></smith-phone-input>
 * ```
 */
import { html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { flag, str } from './props'
import { SmithTextField } from './text-field'

/** ISO country code and dial code of the countries offered (most used first is not needed: sorted by name). */
const COUNTRIES: ReadonlyArray<readonly [string, string, string]> = (
  'AR+54Argentina,AU+61Australia,AT+43Austria,BD+880Bangladesh,BE+32Belgium,BR+55Brazil,CA+1Canada,CL+56Chile,CN+86China,' +
  'CO+57Colombia,CZ+420Czechia,DK+45Denmark,EG+20Egypt,FI+358Finland,FR+33France,DE+49Germany,GH+233Ghana,GR+30Greece,' +
  'HK+852Hong Kong,HU+36Hungary,IN+91India,ID+62Indonesia,IE+353Ireland,IL+972Israel,IT+39Italy,JP+81Japan,KE+254Kenya,' +
  'MY+60Malaysia,MX+52Mexico,MA+212Morocco,NL+31Netherlands,NZ+64New Zealand,NG+234Nigeria,NO+47Norway,PK+92Pakistan,' +
  'PE+51Peru,PH+63Philippines,PL+48Poland,PT+351Portugal,RO+40Romania,SA+966Saudi Arabia,SG+65Singapore,ZA+27South Africa,' +
  'KR+82South Korea,ES+34Spain,LK+94Sri Lanka,SE+46Sweden,CH+41Switzerland,TW+886Taiwan,TH+66Thailand,TR+90Türkiye,' +
  'UA+380Ukraine,AE+971United Arab Emirates,GB+44United Kingdom,US+1United States,VN+84Vietnam'
)
  .split(',')
  .map((s) => {
    const m = /^([A-Z]{2})(\+\d+)(.+)$/.exec(s)!
    return [m[1], m[2], m[3]] as const
  })

/** The ISO country code of a dial code (`+1` → `US`), or `''` when not in the list. */
export function countryOfDialCode(dialCode: string): string {
  if (dialCode === '+1') return 'US'
  return COUNTRIES.find((c) => c[1] === dialCode)?.[0] ?? ''
}

/** A dial code as `+NN` (`44`, `+44` and `0044` all give `+44`), or `''`. */
export function normaliseDialCode(value: unknown): string {
  const digits = String(value ?? '').replace(/^\s*(\+|00)/, '').replace(/\D/g, '')
  return digits ? `+${digits}` : ''
}

/**
 * Properties: `label`, `defaultText`, `defaultDialCode` (`+1`), `allowDialCodeChange`,
 * `placeholderText`, `isRequired`, `isDisabled`, `regex`, `validation`, `errorMessage`.
 * Meta: `text`, `value` (the digits), `dialCode`, `countryCode`, `isDirty`, `isValid`.
 * Events: `onTextChanged`, `onSubmit`, `onISDCodeChange`. Methods: `setValue`,
 * `setDisabled`, `setRequired`.
 */
export class SmithPhoneInput extends SmithTextField {
  static override properties: PropertyDeclarations = {
    defaultDialCode: str('default-dial-code'),
    allowDialCodeChange: flag('allow-dial-code-change'),
  }

  static override metaDefaults: Record<string, unknown> = { text: '', value: '', dialCode: '+1', countryCode: 'US', isDirty: false, isValid: true }

  declare defaultDialCode: string
  declare allowDialCodeChange: boolean

  #pickedCode = false

  constructor() {
    super()
    this.defaultDialCode = '+1'
    this.allowDialCodeChange = false
  }

  protected get keyboardMode(): string {
    return 'tel'
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultDialCode') && !this.#pickedCode) this.#setCode(this.defaultDialCode)
    super.willUpdate(changed)
  }

  #setCode(code: unknown): void {
    const dial = normaliseDialCode(code) || '+1'
    batch(() => {
      this.setMeta('dialCode', dial)
      this.setMeta('countryCode', countryOfDialCode(dial))
    })
  }

  protected derive(raw: string): void {
    this.setMeta('value', raw.replace(/\D/g, ''))
  }

  protected override textOk(raw: string): boolean {
    return /^[\d\s()+.-]+$/.test(raw) && /\d/.test(raw)
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#pickedCode = false
    this.#setCode(this.defaultDialCode)
  }

  #onCode = (e: Event): void => {
    this.#pickedCode = true
    this.#setCode((e.target as HTMLSelectElement).value)
    this.trigger('onISDCodeChange')
  }

  protected renderPrefix(): TemplateResult | typeof nothing {
    const dial = this.getMeta<string>('dialCode')
    if (!this.allowDialCodeChange) return html`<span class="symbol" part="dial-code">${dial}</span>`
    const country = this.getMeta<string>('countryCode')
    const known = COUNTRIES.some((c) => c[0] === country)
    return html`<select class="field prefix" part="dial-code" aria-label="Country code" ?disabled=${this.off} @change=${this.#onCode}>
      ${known ? null : html`<option value=${dial} selected>${dial}</option>`}
      ${COUNTRIES.map((c) => html`<option value=${c[1]} ?selected=${c[0] === country}>${c[2]} ${c[1]}</option>`)}
    </select>`
  }
}
