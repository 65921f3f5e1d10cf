// The demo app: a users table behind a login. Auth_Module talks to the demo backend,
// which demo/server.ts runs and the dev server proxies (/auth, /api) on one origin.
export default {
  id: 'users-demo',
  title: 'smithlet · users demo',
  modules: {
    Auth_Module: {
      use: 'auth',
      inputs: {
        loginUrl: '/auth/login',
        refreshUrl: '/auth/token',
        // A session that ends in any tab (a logout elsewhere, a refused refresh) also drops
        // the rows this tab fetched with it: data does not outlive its session.
        onLoggedOut: 'PageHooks.onLoggedOut',
      },
    },
  },
}
