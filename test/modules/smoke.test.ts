import { expect, it } from 'vitest'
import { createApp } from '../../src/index'
import { authModule } from '../../modules/auth/index'
import { startBackend, DEMO_USER } from '../../demo/backend/index'

it('smoke', async () => {
  const backend = await startBackend({ scryptLogN: 10 })
  const app = await createApp({ id: 'smoke', modules: { Auth_Module: authModule({ loginUrl: '/auth/login', refreshUrl: '/auth/token', credentials: { username: DEMO_USER.email, password: DEMO_USER.password } }) } }, { storage: null, baseUrl: backend.url })
  const token = await app.run('{{ Auth_Module.getAccessToken() }}')
  expect(typeof token).toBe('string')
  expect(backend.counters['POST /auth/login']).toBe(1)
  const again = await app.run('{{ Auth_Module.getAccessToken() }}')
  expect(again).toBe(token)
  await app.run('{{ Auth_Module.refreshAccessToken() }}')
  expect(backend.counters['POST /auth/token']).toBe(1)
  app.dispose()
  await backend.close()
})
