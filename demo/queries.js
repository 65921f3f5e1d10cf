// The demo's named REST queries, as Appsmith's API editor holds them. Plain data:
// every string field may hold bindings, evaluated each time the query runs. The
// esbuild plugin compiles the bindings in these strings ahead of time.

/** @type {import('../src/query').QueryDefinition[]} */
export default [
  {
    // One page of rows, in the table's server-side mode: the table's meta state
    // (page, page size, search text, sort) is the query's parameters.
    name: 'getusers_API',
    method: 'GET',
    url: '/api/rows',
    headers: { Authorization: 'Bearer {{Auth_Module.getAccessToken.data}}' },
    params: {
      page: '{{Table1.pageNo}}',
      pageSize: '{{Table1.pageSize}}',
      search: '{{Table1.searchText}}',
      sortBy: '{{Table1.sortOrder.column}}',
      sortOrder: '{{Table1.sortOrder.order}}',
    },
  },
]
