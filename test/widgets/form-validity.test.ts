// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithSelect } from '../../widgets/select'
import { appMounter, settle } from './app'
import { cleanup, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()

test("a form's submit button is disabled while a required control inside is invalid", async () => {
  const { app, el } = await open(`
    <smith-form name="Form1">
      <smith-select name="Status" is-required options='["open","closed"]'></smith-select>
      <smith-checkbox name="Agree" label="I agree" is-required></smith-checkbox>
      <smith-date-picker name="Due" time-precision="None" default-date="2025-01-31"></smith-date-picker>
      <smith-button name="Submit" text="Submit" disabled-when-invalid></smith-button>
    </smith-form>`)
  const submit = (): HTMLButtonElement => shadow(el('Submit')).querySelector('button')!
  await settle()
  expect(submit().disabled).toBe(true)
  el<SmithSelect>('Status').setSelectedOption('open')
  await settle()
  expect(submit().disabled).toBe(true)
  shadow(el('Agree')).querySelector('input')!.click()
  await settle()
  expect(submit().disabled).toBe(false)
  expect(app.evaluate('{{Form1.data.Status}}')).toBe('open')
  expect(app.evaluate('{{Form1.data.Agree}}')).toBe(true)
})
