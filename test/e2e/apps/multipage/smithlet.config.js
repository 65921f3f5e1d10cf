// A three-page app for the multi-page e2e test (test/e2e/pages.test.ts).
export default { id: 'e2e-multipage', title: 'Multi', pages: ['Home', 'Users', 'Timer'] }
