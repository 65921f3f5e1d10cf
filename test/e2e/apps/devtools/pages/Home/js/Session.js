export default {
  // A token-shaped secret in the store, as Auth_Module keeps one: the panel must mask it.
  start: () => storeValue('authAccessToken', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZ0b29scyJ9.ZGV2dG9vbHMtc2VjcmV0LXNpZ25hdHVyZQ'),
}
