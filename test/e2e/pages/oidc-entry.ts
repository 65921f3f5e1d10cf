/**
 * oidc.html's app: Auth_Module from `oidcModule` (its own entry, so this page alone
 * loads the OpenID Connect code), with every binding compiled ahead of time.
 */
import 'smithlet:compiled'
import { oidcModule } from '../../../modules/auth/oidc'
import { createApp } from '../../../src/index'
import '../../../widgets/define'
import OidcPage from './OidcPage.js?jsobject'

const issuer = document.querySelector<HTMLMetaElement>('meta[name="oidc-issuer"]')!.content
const page = `${location.origin}${location.pathname}`
const app = await createApp({
  id: 'e2e-oidc',
  jsObjects: { OidcPage },
  modules: {
    Auth_Module: oidcModule({ issuer, clientId: 'smithlet-demo', scope: 'openid profile', redirectUri: page, postLogoutRedirectUri: page }),
  },
  pageLoad: ['OidcPage.onLoad'],
})
await app.mount(document.body)
