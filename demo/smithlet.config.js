// The demo app: a users table behind a login. Auth_Module talks to the demo backend,
// which demo/server.ts runs and the dev server proxies (/auth, /api) on one origin.
// With `npm start -- --oidc`, demo/server.ts starts an OpenID Connect issuer
// (oidc-provider on loopback) and says where through the environment: Auth_Module then
// signs in by redirect there, and the backend accepts that issuer's tokens.
const issuer = process.env.SMITHLET_DEMO_OIDC_ISSUER
const page = process.env.SMITHLET_DEMO_URL

// A session that ends in any tab (a logout elsewhere, a refused refresh) also drops
// the rows this tab fetched with it: data does not outlive its session.
const onLoggedOut = 'PageHooks.onLoggedOut'

export default {
  id: issuer ? 'users-demo-oidc' : 'users-demo',
  title: 'smithlet · users demo',
  modules: {
    Auth_Module: issuer
      ? {
          use: 'oidc',
          inputs: { issuer, clientId: 'smithlet-demo', scope: 'openid profile', redirectUri: page, postLogoutRedirectUri: page, onLoggedOut },
        }
      : {
          use: 'auth',
          inputs: { loginUrl: '/auth/login', refreshUrl: '/auth/token', onLoggedOut },
        },
  },
}
