// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { fieldError, fieldsFromSourceData, formFields, initialFormData, isFormValid, labelFor, setAt } from '../../widgets/json-form/schema'
import { isBoundAttribute } from '../../src/widget-contract'
import type { SmithJsonForm } from '../../widgets/index'
import { cleanup, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)

// Appsmith's own export (shared/appsmith-apps/modalWidgetTestApp.json, JSONForm1), trimmed.
const APPSMITH_SCHEMA = {
  __root_schema__: {
    fieldType: 'Object',
    accessor: '__root_schema__',
    children: {
      name: { fieldType: 'Text Input', accessor: 'name', label: 'Name', position: 0, isRequired: false, isVisible: true,
        defaultValue: '{{((sourceData, formData, fieldState) => (sourceData.name))(JSONForm1.sourceData, JSONForm1.formData, JSONForm1.fieldState)}}' },
      date_of_birth: { fieldType: 'Datepicker', accessor: 'date_of_birth', label: 'Date Of Birth', position: 1, isVisible: true,
        defaultValue: '{{((sourceData) => (sourceData.date_of_birth))(JSONForm1.sourceData)}}' },
      employee_id: { fieldType: 'Number Input', accessor: 'employee_id', label: 'Employee Id', position: 2, isRequired: true, isVisible: true },
      role: { fieldType: 'Select', accessor: 'role', label: 'Role', position: 3, options: [{ label: 'Dev', value: 'dev' }, { label: 'Ops', value: 'ops' }], defaultValue: 'ops' },
      phone: { fieldType: 'Phone Number Input', accessor: 'phone', position: 4, isVisible: false },
    },
  },
}

describe('schema model', () => {
  test('generated from sourceData: types inferred as Appsmith does', () => {
    const fields = fieldsFromSourceData({ name: 'Ada', email: 'ada@example.com', age: 36, active: true, born: '1815-12-10', tags: ['x'], address: { city: 'London' }, jobs: [{ title: 'Analyst' }] })
    expect(fields.map((f) => [f.key, f.fieldType, f.label])).toEqual([
      ['name', 'Text Input', 'Name'],
      ['email', 'Email Input', 'Email'],
      ['age', 'Number Input', 'Age'],
      ['active', 'Switch', 'Active'],
      ['born', 'Datepicker', 'Born'],
      ['tags', 'Array', 'Tags'],
      ['address', 'Object', 'Address'],
      ['jobs', 'Array', 'Jobs'],
    ])
    expect(fields[6].children.map((c) => c.key)).toEqual(['city'])
    expect(fields[7].item?.fieldType).toBe('Object')
    expect(labelFor('date_of_birth')).toBe('Date Of Birth')
    expect(labelFor('firstName')).toBe('First Name')
  })

  test('from Appsmith\'s schema: order, labels, options, relatives; binding defaults read sourceData', () => {
    const fields = formFields(APPSMITH_SCHEMA, {}, isBoundAttribute)
    expect(fields.map((f) => [f.key, f.fieldType, f.isRequired, f.isVisible])).toEqual([
      ['name', 'Text Input', false, true],
      ['date_of_birth', 'Datepicker', false, true],
      ['employee_id', 'Number Input', true, true],
      ['role', 'Select', false, true],
      ['phone', 'Text Input', false, false],
    ])
    expect(fields[0].defaultValue).toBeUndefined()
    const data = initialFormData(fields, { name: 'John', date_of_birth: '1990-02-20', employee_id: '1001' })
    expect(data).toEqual({ name: 'John', date_of_birth: '1990-02-20', employee_id: 1001, role: 'ops', phone: '' })
  })

  test('validation and updates by path', () => {
    const fields = fieldsFromSourceData({ email: 'a@b.co', n: 1, items: [{ v: 'x' }] })
    fields[0].isRequired = true
    expect(fieldError(fields[0], '')).toBe('This field is required.')
    expect(fieldError(fields[0], 'nope')).toBe('Enter a valid e-mail address.')
    expect(fieldError(fields[1], Number.NaN)).toBe('Enter a number.')
    const data = initialFormData(fields, { email: 'a@b.co', n: 1, items: [{ v: 'x' }] })
    expect(isFormValid(fields, data)).toBe(true)
    const next = setAt(data, ['items', 0, 'v'], 'y') as Record<string, unknown>
    expect(next.items).toEqual([{ v: 'y' }])
    expect(data.items).toEqual([{ v: 'x' }]) // copied along the path
    expect(isFormValid(fields, setAt(data, ['email'], ''))).toBe(false)
  })
})

const inputs = (el: Element) => shadow(el).querySelectorAll<HTMLInputElement>('input, select, textarea')

describe('<smith-json-form>', () => {
  test('renders labelled fields of every type with formData from sourceData', async () => {
    const el = await mount<'smith-json-form'>('<smith-json-form title="Person"></smith-json-form>', {
      sourceData: { name: 'Ada', age: 36, active: true, born: '1815-12-10T00:00:00.000Z', address: { city: 'London' }, tags: ['a', 'b'] },
    })
    expect(shadow(el).querySelector('h2')!.textContent).toBe('Person')
    const labels = [...shadow(el).querySelectorAll('label')].map((l) => l.textContent)
    expect(labels).toEqual(['Name', 'Age', 'Active', 'Born', 'City', 'Value', 'Value'])
    expect(shadow(el).querySelector<HTMLInputElement>('#f-born')!.value).toBe('1815-12-10')
    expect(shadow(el).querySelector('#f-active')!.getAttribute('role')).toBe('switch')
    expect([...shadow(el).querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Address', 'Tags', 'Tags 1', 'Tags 2'])
    expect(el.getMeta('formData')).toEqual({ name: 'Ada', age: 36, active: true, born: '1815-12-10T00:00:00.000Z', address: { city: 'London' }, tags: ['a', 'b'] })
    expect(inputs(el).length).toBe(7)
  })

  test('editing updates formData and isValid; submit fires onSubmit with the data; reset restores it', async () => {
    const el = (await mount<'smith-json-form'>('<smith-json-form></smith-json-form>', { schema: APPSMITH_SCHEMA, sourceData: { name: 'John', employee_id: 7 } })) as SmithJsonForm
    const log = recordTriggers(el)
    const id = shadow(el).querySelector<HTMLInputElement>('#f-employee_id')!
    id.value = ''
    id.dispatchEvent(new Event('input'))
    await el.updateComplete
    expect(el.getMeta('isValid')).toBe(false)
    expect(shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true)
    id.dispatchEvent(new Event('blur'))
    await el.updateComplete
    expect(shadow(el).querySelector('.field-error')!.textContent).toBe('This field is required.')
    id.value = '42'
    id.dispatchEvent(new Event('input'))
    const role = shadow(el).querySelector<HTMLSelectElement>('#f-role')!
    role.value = '0'
    role.dispatchEvent(new Event('change'))
    await el.updateComplete
    el.submit()
    expect(log).toEqual([expect.objectContaining({ event: 'onSubmit', meta: { formData: { name: 'John', date_of_birth: '', employee_id: 42, role: 'dev', phone: '' }, isValid: true } })])
    shadow(el).querySelector<HTMLButtonElement>('button[part="reset"]')!.click()
    await el.updateComplete
    expect(el.getMeta('formData')).toMatchObject({ employee_id: 7, role: 'ops' })
  })

  test('array fields add and remove items', async () => {
    const el = (await mount<'smith-json-form'>('<smith-json-form></smith-json-form>', { sourceData: { jobs: [{ title: 'A' }] } })) as SmithJsonForm
    const button = (text: string) => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === text)!
    button('Add Jobs').click()
    await el.updateComplete
    expect(el.getMeta('formData')).toEqual({ jobs: [{ title: 'A' }, { title: '' }] })
    button('Remove Jobs 1').click()
    await el.updateComplete
    expect(el.getMeta('formData')).toEqual({ jobs: [{ title: '' }] })
  })

  test('labels and values are text, never HTML', async () => {
    const el = await mount<'smith-json-form'>('<smith-json-form></smith-json-form>', { sourceData: { '<img src=x onerror=alert(1)>': '<b>x</b>' } })
    expect(shadow(el).querySelector('img, b')).toBeNull()
    expect(shadow(el).querySelector<HTMLInputElement>('input')!.value).toBe('<b>x</b>')
  })
})
