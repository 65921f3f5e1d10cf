// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import '../../widgets/define'
import { WIDGET_MAP } from '../../src/import/index'
import { bindableProperties } from '../../src/widget-contract'

describe('the widget table', () => {
  it('maps every listed Appsmith property onto a bindable property of a defined smith widget', () => {
    for (const [type, mapping] of Object.entries(WIDGET_MAP)) {
      const bindable = bindableProperties(document.createElement(mapping.tag))
      expect(bindable, `${type} → <${mapping.tag}> is not defined`).not.toBeNull()
      for (const prop of mapping.props) {
        const target = mapping.rename?.[prop] ?? prop
        expect(bindable!.has(target), `${type}.${prop} → <${mapping.tag}>.${target}`).toBe(true)
      }
    }
  })
})
