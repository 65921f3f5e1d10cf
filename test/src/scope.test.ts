import { describe, expect, it } from 'vitest'
import { createScope } from '../../src/scope'
import { testApp } from '../support/app'

describe('createScope', () => {
  it('resolves a child scope’s own names first, then its parent’s, then globalThis', () => {
    const app = createScope()
    app.define('Api', { from: 'app' })
    app.define('Shared', 'app only')
    const module = createScope(app, { label: 'module "M"' })
    module.define('Api', { from: 'module' })
    expect(module.resolve('Api')).toEqual({ from: 'module' })
    expect(module.resolve('Shared')).toBe('app only')
    expect(module.resolve('JSON')).toBe(JSON)
    expect(app.resolve('Api')).toEqual({ from: 'app' })
    // The names object is what code sees: the parent's names show through it.
    expect('Shared' in module.names).toBe(true)
    expect(Object.hasOwn(module.names, 'Shared')).toBe(false)
  })

  it('sees names the parent defines after the child was created', () => {
    const app = createScope()
    const child = createScope(app)
    app.define('Table1', { later: true })
    expect(child.resolve('Table1')).toEqual({ later: true })
  })

  it('refuses a second entity with one name in one scope, naming a clash with a global', () => {
    const scope = createScope(null, { label: 'module "M"' })
    scope.provide('showAlert', () => undefined)
    scope.define('Q', 1)
    expect(() => scope.define('Q', 2)).toThrow('module "M": two entities are named "Q"')
    expect(() => scope.define('showAlert', 2)).toThrow(/two entities are named "showAlert" \(a global function has that name\)/)
    expect(() => scope.define('not valid', 2)).toThrow(/"not valid" is not a valid entity name/)
    expect(scope.resolve('Q')).toBe(1)
  })

  it('a name found nowhere is a ReferenceError, in the app and in a module', async () => {
    const app = await testApp({ modules: { M: { main: 'export default { f() { return surelyNotDefinedAnywhere } }' } } })
    expect(String(app.evaluate('{{ surelyNotDefinedAnywhere }}'))).toMatch(/ReferenceError: surelyNotDefinedAnywhere is not defined/)
    expect(String(app.evaluate('{{ M.f() }}'))).toMatch(/ReferenceError: surelyNotDefinedAnywhere is not defined/)
    app.dispose()
  })

  it('module-local names shadow app names of the same name inside the module only', async () => {
    const app = await testApp({
      jsObjects: { Helper: 'export default { who: "app" }' },
      modules: {
        M: {
          libraries: { Helper: { who: 'module library' } },
          main: 'export default { who() { return Helper.who } }',
        },
      },
    })
    expect(app.evaluate('{{ M.who() }}')).toBe('module library')
    expect(app.evaluate('{{ Helper.who }}')).toBe('app')
    app.dispose()
  })
})
