// The app's configuration. The tools find pages, JS objects and queries by their folders;
// nothing here lists files. See the README of smithlet ("App folders").
export default {
  // Names the app's IndexedDB store: one id, one store.
  id: '__APP_ID__',
  title: '__APP_TITLE__',
  // Page order; the first is the start page (served at /, and at /Home).
  pages: ['Home', 'About'],
  modules: {
    // Auth_Module: sign-in, tokens in the store, refresh. It sends nothing until Session.signIn()
    // calls it. Point the endpoints at your backend; in development, proxy them to it:
    //   smithlet dev . --proxy /auth=http://127.0.0.1:9000
    Auth_Module: {
      use: 'auth',
      inputs: { loginUrl: '/auth/login', refreshUrl: '/auth/token' },
    },
  },
}
