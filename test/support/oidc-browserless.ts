/**
 * Signs in at oidc-provider's own login and consent pages over plain HTTP, as a browser
 * would (cookies, redirects, the two forms), for Node tests that need a real
 * authorization response. The Chromium e2e test fills the same pages in a real browser.
 */

/** Follows an authorization URL through login and consent; resolves with the URL the issuer redirects back to. */
export async function signInWithoutBrowser(authorizationUrl: string, redirectPrefix: string, login = 'ada', options: { abort?: boolean } = {}): Promise<string> {
  const jar = new Map<string, string>()
  let url = authorizationUrl
  let method = 'GET'
  let body: URLSearchParams | undefined
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectPrefix)) return url
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const at = pair!.indexOf('=')
      jar.set(pair!.slice(0, at), pair!.slice(at + 1))
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href
      method = 'GET'
      body = undefined
      continue
    }
    const html = await response.text()
    if (response.status !== 200) throw new Error(`sign-in: ${url} answered ${response.status}: ${html.slice(0, 300)}`)
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    if (!action) throw new Error(`sign-in: no form at ${url}`)
    if (options.abort) {
      url = new URL(`${action.replace(/&amp;/g, '&')}/abort`, url).href
      continue
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1]
    url = new URL(action.replace(/&amp;/g, '&'), url).href
    method = 'POST'
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: prompt ?? 'consent' })
  }
  throw new Error('sign-in: too many redirects')
}
