/**
 * `<smith-file-picker>`: Appsmith's File picker (FILE_PICKER_WIDGET_V2) on a native
 * `<input type="file">`. Each picked file becomes `{ id, name, type, size, data,
 * dataFormat }` in meta `files` (and `selectedFiles`), `data` read per `fileDataType`:
 * `Base64` (a data URL), `Text`, `Binary` (a binary string) or `Array` (a CSV file's rows
 * as objects, a JSON file parsed). A file's content is never logged nor put in a message.
 *
 * ```html
 * <smith-file-picker name="FilePicker1" label="Upload CSV" allowed-file-types='[".csv"]'
 *                    file-data-type="Text" on-files-selected="{{Upload.run()}}"></smith-file-picker>
 * ```
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { asList } from './checkbox-group'
import { SmithControl, any, controlStyles, num, str } from './control'
import { parseCsv } from './csv-parse'
import { flag } from './props'

/** One picked file as Appsmith gives it. */
export interface PickedFile {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly size: number
  /** A string, or for `Array` the parsed records. */
  readonly data: unknown
  readonly dataFormat: string
}

const DATA_TYPES: ReadonlySet<string> = new Set(['Base64', 'Text', 'Binary', 'Array'])

/** Whether a file matches one `accept`-style rule: `*`, `.ext`, `type/*` or `type/subtype`. */
export function matchesFileType(file: { name: string; type: string }, rule: string): boolean {
  const r = rule.trim().toLowerCase()
  if (r === '' || r === '*' || r === '*/*') return true
  if (r.startsWith('.')) return file.name.toLowerCase().endsWith(r)
  if (r.endsWith('/*')) return file.type.toLowerCase().startsWith(r.slice(0, -1))
  return file.type.toLowerCase() === r
}

function binaryString(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

/** Why a file cannot be read as `Array`: only CSV and JSON files are understood. */
export class UnreadableFileError extends Error {}

/** A file's content in Appsmith's `fileDataType` form. */
export async function readFile(file: File | Blob, dataType: string, dynamicTyping = true): Promise<unknown> {
  if (dataType === 'Array') {
    const name = 'name' in file ? file.name.toLowerCase() : ''
    const type = file.type.toLowerCase()
    if (name.endsWith('.json') || type.includes('json')) {
      try {
        return JSON.parse(await file.text())
      } catch {
        throw new UnreadableFileError('is not valid JSON')
      }
    }
    if (name.endsWith('.csv') || name.endsWith('.tsv') || type.includes('csv')) return parseCsv(await file.text(), dynamicTyping)
    throw new UnreadableFileError('cannot be read as rows: only CSV and JSON files can (choose Base64, Text or Binary)')
  }
  if (dataType === 'Text') return file.text()
  const bytes = binaryString(new Uint8Array(await file.arrayBuffer()))
  return dataType === 'Binary' ? bytes : `data:${file.type || 'application/octet-stream'};base64,${btoa(bytes)}`
}

let nextId = 0

/**
 * Properties: `label` (default `Select Files`), `allowedFileTypes`, `maxNumFiles` (1),
 * `maxFileSize` (MB, 5), `fileDataType`, `isRequired`, `isDisabled`. Meta: `files`,
 * `selectedFiles` (the same list), `isDirty`, `isValid`. Event: `onFilesSelected`, after
 * every file is read. Methods: `setDisabled`, `setRequired`.
 */
export class SmithFilePicker extends SmithControl {
  static override properties: PropertyDeclarations = {
    allowedFileTypes: any('allowed-file-types'),
    maxNumFiles: num('max-num-files'),
    maxFileSize: num('max-file-size'),
    fileDataType: str('file-data-type'),
    dynamicTyping: flag('dynamic-typing'),
  }

  static override styles = [
    controlStyles,
    css`
      input[type='file'] {
        max-width: 100%;
        font: inherit;
      }
      input[type='file']::file-selector-button {
        margin-right: 0.75em;
        padding: 0.4em 1em;
        border: 1px solid var(--smith-primary, #553de9);
        border-radius: var(--smith-radius, 4px);
        background: var(--smith-primary, #553de9);
        color: #fff;
        font: inherit;
        cursor: pointer;
      }
      ul {
        margin: 0.25em 0 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5em;
        overflow-wrap: anywhere;
        font-size: 0.875em;
      }
      li button {
        border: 0;
        background: none;
        cursor: pointer;
        font: inherit;
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = { files: [], selectedFiles: [], isDirty: false, isValid: true }

  static override exposedMethods: readonly string[] = ['setDisabled', 'setRequired']

  /** Accepted types: `[".csv", "image/*", "*"]`; empty accepts all. */
  declare allowedFileTypes: unknown
  declare maxNumFiles: number
  /** The largest accepted file, in MB. */
  declare maxFileSize: number
  /** `Base64`, `Text`, `Binary` or `Array`. */
  declare fileDataType: string
  /** For `Array` from CSV: numbers and booleans typed (Appsmith's default), else every field text. */
  declare dynamicTyping: boolean

  #reading = false
  #problem = ''

  constructor() {
    super()
    this.label = 'Select Files'
    this.allowedFileTypes = []
    this.maxNumFiles = 1
    this.maxFileSize = 5
    this.fileDataType = 'Base64'
    this.dynamicTyping = true
  }

  get #rules(): string[] {
    return asList(this.allowedFileTypes).map(String)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('isRequired') || changed.has('required')) this.#setFiles(this.getMeta<PickedFile[]>('files'))
  }

  #setFiles(files: readonly PickedFile[]): void {
    batch(() => {
      this.setMeta('files', files)
      this.setMeta('selectedFiles', files)
      this.setMeta('isValid', !this.mandatory || files.length > 0)
    })
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#problem = ''
    this.#setFiles([])
    const input = this.renderRoot.querySelector('input')
    if (input) input.value = ''
  }

  /** Reads the chosen files; those of the wrong type or size are left out and named. */
  async #pick(list: readonly File[]): Promise<void> {
    const rules = this.#rules
    const maxBytes = Number(this.maxFileSize) > 0 ? Number(this.maxFileSize) * 1024 * 1024 : Infinity
    const maxCount = Math.max(1, Math.floor(Number(this.maxNumFiles) || 1))
    const dataType = DATA_TYPES.has(this.fileDataType) ? this.fileDataType : 'Base64'
    const problems: string[] = []
    const accepted: File[] = []
    for (const file of list) {
      if (rules.length > 0 && !rules.some((r) => matchesFileType(file, r))) problems.push(`${file.name}: this type of file is not allowed`)
      else if (file.size > maxBytes) problems.push(`${file.name}: larger than ${this.maxFileSize} MB`)
      else if (accepted.length >= maxCount) problems.push(`${file.name}: at most ${maxCount} file${maxCount === 1 ? '' : 's'}`)
      else accepted.push(file)
    }
    this.#reading = true
    this.#problem = problems.join('; ')
    this.requestUpdate()
    const read: PickedFile[] = []
    for (const file of accepted) {
      try {
        read.push({ id: `file-${++nextId}`, name: file.name, type: file.type, size: file.size, data: await readFile(file, dataType, this.dynamicTyping), dataFormat: dataType })
      } catch (e) {
        // The message names the file and the reason, never its content.
        problems.push(`${file.name}: ${e instanceof UnreadableFileError ? e.message : 'could not be read'}`)
      }
    }
    this.#reading = false
    this.#problem = problems.join('; ')
    const kept = maxCount > 1 ? [...this.getMeta<PickedFile[]>('files'), ...read].slice(0, maxCount) : read
    batch(() => {
      this.#setFiles(kept)
      this.setMeta('isDirty', true)
    })
    if (read.length > 0) this.trigger('onFilesSelected')
  }

  #onChange = (e: Event): void => {
    const input = e.target as HTMLInputElement
    void this.#pick([...(input.files ?? [])])
    input.value = '' // picking the same file again is a new selection
  }

  #remove(id: string): void {
    this.#setFiles(this.getMeta<PickedFile[]>('files').filter((f) => f.id !== id))
    this.setMeta('isDirty', true)
  }

  protected override render(): TemplateResult {
    const files = this.getMeta<PickedFile[]>('files')
    const rules = this.#rules.filter((r) => r !== '*')
    const invalid = !this.getMeta<boolean>('isValid') && this.getMeta<boolean>('isDirty')
    return html`
      <label class="label ${this.mandatory ? 'required' : ''}" for="field" part="label">${this.label || this.fallbackName}</label>
      <input id="field" type="file" part="input" accept=${rules.length ? rules.join(',') : nothing}
        ?multiple=${Number(this.maxNumFiles) > 1} ?disabled=${this.off} ?required=${this.mandatory}
        aria-invalid=${invalid ? 'true' : 'false'} aria-busy=${this.#reading || this.loading ? 'true' : 'false'} @change=${this.#onChange} />
      ${files.length
        ? html`<ul part="files" aria-label="Selected files">${files.map(
            (f) => html`<li><span>${f.name} (${Math.ceil(f.size / 1024)} KB)</span>
              <button type="button" aria-label="Remove ${f.name}" ?disabled=${this.off} @click=${() => this.#remove(f.id)}>×</button></li>`,
          )}</ul>`
        : null}
      ${this.#problem ? html`<p class="hint" role="alert">${this.#problem}</p>` : null}
      ${invalid ? html`<p class="hint">Select a file</p>` : null}
      ${this.renderErrors()}
    `
  }
}
