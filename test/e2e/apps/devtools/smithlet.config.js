// The app of the devtools e2e test (test/e2e/devtools.test.ts): a live value, a planted
// binding error at a known line and column, a query, and a token in the store.
export default { id: 'e2e-devtools', title: 'Devtools' }
