// The demo's named REST query, as Appsmith's API editor holds it: plain data; every
// string field may hold bindings, evaluated each time the query runs (and compiled
// ahead of time by the build). The file name is the query's name.
//
// One page of rows, in the table's server-side mode: the table's meta state
// (page, page size, search text, sort) is the query's parameters.
export default {
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
}
