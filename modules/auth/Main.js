// Auth_Module's Main JS object: the seed's getAccessToken / refreshAccessToken /
// verifyAccessTokenExpired, with their names and store keys, made correct (see
// shared/token-lifecycle.md). It is an ordinary Appsmith JS object: it sees its
// queries (api_authToken, api_refreshAuthToken), `inputs`, its libraries and the
// app's globals by name, and runs through the same compiler as user code.
//
// Store keys: authAccessToken, authRefreshToken and authAccessTokenExp (ms, on this
// device's clock; null when the expiry cannot be read) as in the seed, plus
// authAccessTokenLifetime (ms, caps the refresh margin), authLoggedOut (set when a
// session ends or the user logs out, so no tab logs in again by itself) and
// authLogouts (counts logouts in any tab: a login or refresh that started before the
// count changed is discarded when its answer arrives, so sign-out always wins).
//
// Beside it in the module's scope: the JS object Refresh (the single-flight, cross-tab
// refresh, revocation and background renewal) and the library Tokens (token shapes,
// expiry, typed errors: modules/auth/tokens.ts).
export default {
  // True while there is no session; bindings read Auth_Module.isLoggedOut.
  isLoggedOut: true,
  // Seconds until the token needs refreshing (null: unknown expiry or no token).
  secondsLeft: null,
  // The access token whose shape was last checked, so the hot path checks once.
  checkedToken: null,
  ticking: false,
  // The logout count this tab knows of: a higher one in the store is another tab's logout.
  seenLogouts: 0,

  // Returns a valid access token: the stored one while it is fresh (no I/O), else
  // one refresh shared by every caller, or a login on an empty store.
  async getAccessToken() {
    if (!this.ticking) this.startTicker();
    const token = appsmith.store.authAccessToken;
    if (token !== undefined && token !== null && token === this.checkedToken) {
      if (!this.verifyAccessTokenExpired()) return token;
      return this.refreshAccessToken({ ifTokenIs: token, onlyIfExpired: true });
    }
    if (Tokens.isUsableToken(token)) {
      this.checkedToken = token;
      return this.getAccessToken();
    }
    if (token !== undefined && token !== null) {
      // Corrupt store contents count as logged out, never as a throw.
      this.clearTokens();
    }
    if (appsmith.store.authLoggedOut === true || !this.hasCredentials()) {
      this.tick();
      throw Tokens.authError("logged_out", "Not logged in");
    }
    return this.generateAccessToken();
  },

  // Logs in with the configured credentials (the seed's flow on an empty store).
  async generateAccessToken() {
    if (!this.hasCredentials()) throw Tokens.authError("logged_out", "No credentials are configured; call login(username, password)");
    return this.login(inputs.credentials.username, inputs.credentials.password);
  },

  // Logs in; concurrent callers share one request. With OpenID Connect (oidcModule) it
  // redirects to the issuer's sign-in page instead.
  async login(username, password) {
    if (inputs.oidc !== null) return Oidc.login();
    return Refresh.single(() => this.loginNow(username, password));
  },

  // OpenID Connect: on page load, before the app's own actions, turns a sign-in answer
  // in the URL into tokens (see Oidc.js); null when there is none (or no OIDC).
  async handleRedirectCallback() {
    if (inputs.oidc === null) return null;
    return Oidc.handleRedirect();
  },

  // True when login() redirects to an OpenID Connect issuer (no username or password here).
  get signInByRedirect() {
    return inputs.oidc !== null;
  },

  // The signed-in user's ID-token claims (OpenID Connect), reactive; null otherwise.
  get user() {
    const user = appsmith.store.authUser;
    return user !== null && typeof user === "object" && !this.isLoggedOut ? user : null;
  },

  async loginNow(username, password) {
    if (typeof api_authToken === "undefined" || api_authToken === null) {
      throw Tokens.authError("invalid_request", "No loginUrl is configured; this app logs in another way");
    }
    const startedAt = Date.now();
    const epoch = this.logoutCount();
    let body;
    try {
      body = await api_authToken.run({ body: Tokens.tokenBody({ [inputs.usernameField]: username, [inputs.passwordField]: password }, inputs.loginParams) });
    } catch (error) {
      if (Tokens.isTransient(error)) throw Tokens.authError("login_failed", `Login failed: ${Tokens.reason(error)}`);
      throw Tokens.authError("invalid_credentials", `Login was refused (status ${error.statusCode})`);
    } finally {
      api_authToken.clear();
    }
    const tokens = Tokens.readTokens(body, inputs);
    await this.storeUnlessLoggedOut(tokens, startedAt, epoch);
    return tokens.accessToken;
  },

  // Stores tokens a request obtained, unless a logout (in any tab) happened since the
  // request started: then they are discarded (and revoked, when that is configured).
  async storeUnlessLoggedOut(tokens, startedAt, epoch) {
    await reloadStore(["authLogouts"]);
    if (this.logoutCount() !== epoch) {
      if (typeof tokens.refreshToken === "string") Refresh.revoke(tokens.refreshToken).catch(() => undefined);
      throw Tokens.authError("logged_out", "Signed out while the request was in flight");
    }
    await this.storeTokens(tokens, startedAt);
  },

  logoutCount() {
    const count = appsmith.store.authLogouts;
    return typeof count === "number" && Number.isFinite(count) ? count : 0;
  },

  // Ends the session in every tab of this app; no tab logs in again by itself. It wins
  // over any login or refresh in flight here or in another tab (their answers are
  // discarded), leaves no token in any function's .data or variable, then revokes the
  // refresh token at the server when an endpoint is configured. A failed revocation
  // still signs out here; it resolves with { revoked } saying how it went.
  async logout() {
    const refreshToken = appsmith.store.authRefreshToken;
    const count = this.logoutCount() + 1;
    this.seenLogouts = count;
    const writes = this.clearTokens();
    writes.push(storeValue("authLogouts", count), storeValue("authLoggedOut", true));
    Refresh.flight = null;
    this.forgetResults();
    this.setLoggedOut("logout");
    await Promise.all(writes).catch(() => undefined);
    // A call that had already resolved before the logout sets its .data a microtask later.
    this.forgetResults();
    let revoked = false;
    if (typeof refreshToken === "string" && refreshToken !== "") {
      revoked = await Refresh.revoke(refreshToken).catch(() => false);
    }
    const endedSession = inputs.oidc !== null ? await Oidc.endSession().catch(() => false) : false;
    return { revoked, endedSession };
  },

  // No function's .data (Main's, or Refresh's) and no query's data may hold a token after logout.
  forgetResults() {
    for (const object of [this, Refresh]) {
      for (const key of Object.keys(object)) {
        const member = object[key];
        if (typeof member === "function" && member.data !== undefined) member.data = undefined;
      }
    }
    for (const query of [typeof api_authToken === "undefined" ? null : api_authToken, api_refreshAuthToken]) {
      if (query !== null && typeof query === "object") query.clear();
    }
  },

  // The seed's storeToken, kept for code that calls it: stores a token pair and its expiry.
  storeToken(accessToken, refreshToken, expiresIn) {
    return this.storeTokens({ accessToken, refreshToken, expiresIn }, undefined);
  },

  // Stores a token pair in one write (one IndexedDB transaction): the new access
  // token and, when the response has one, the new refresh token; the old refresh
  // token stays otherwise. Resolves once durable, so another tab that takes the lock
  // next reads the new pair from IndexedDB.
  async storeTokens(tokens, startedAt) {
    const expiry = Tokens.tokenExpiry(tokens.accessToken, startedAt, tokens.expiresIn, Date.now(), inputs.ttlSeconds);
    const writes = [
      storeValue("authAccessToken", tokens.accessToken),
      storeValue("authAccessTokenExp", expiry.exp),
      storeValue("authAccessTokenLifetime", expiry.lifetime),
    ];
    if (typeof tokens.refreshToken === "string" && tokens.refreshToken !== "") {
      writes.push(storeValue("authRefreshToken", tokens.refreshToken));
    }
    if (appsmith.store.authLoggedOut !== undefined) writes.push(removeValue("authLoggedOut"));
    this.checkedToken = tokens.accessToken;
    this.isLoggedOut = false;
    this.tick();
    // A disk that fails was reported by the store; the tokens still work in this tab.
    await Promise.all(writes).catch(() => undefined);
  },

  // The seed's getTokenExpiry: when the token expires (ms, this device's clock) and its lifetime.
  getTokenExpiry(token, startedAt, expiresIn) {
    return Tokens.tokenExpiry(token, startedAt, expiresIn, Date.now(), inputs.ttlSeconds);
  },

  // True when the stored token needs refreshing: less than the margin remains. The
  // margin is capped at half the token's lifetime, so a short-lived token is not born
  // expired. An unknown expiry never refreshes proactively (only after a 401).
  // `leadMs`: how much earlier than the margin counts (background renewal).
  verifyAccessTokenExpired(leadMs) {
    const exp = appsmith.store.authAccessTokenExp;
    if (typeof exp !== "number" || !Number.isFinite(exp)) return false;
    return Date.now() > exp - this.marginMs() - (typeof leadMs === "number" ? leadMs : 0);
  },

  // Refreshes the access token. Concurrent callers share one refresh; a failure is
  // not cached. `ifTokenIs`: refresh only if that token is still the current one
  // (a late 401 for an old token just uses the new one).
  async refreshAccessToken(options) {
    const opts = options || {};
    const seen = opts.ifTokenIs !== undefined ? opts.ifTokenIs : appsmith.store.authAccessToken;
    return Refresh.single(() => Refresh.refreshExclusive(seen, opts.onlyIfExpired === true, 0));
  },

  // Runs a query that sends the token; after a 401, refreshes (only if the token it
  // used is still current) and retries exactly once. 403 is not an auth failure, and
  // the login and refresh queries themselves are never intercepted.
  async request(query, params) {
    if (query === null || typeof query !== "object" || typeof query.run !== "function") {
      throw Tokens.authError("invalid_request", "request(query, params) needs a query, for example Auth_Module.request(getusers_API)");
    }
    if ((typeof api_authToken !== "undefined" && query === api_authToken) || query === api_refreshAuthToken) return query.run(params);
    const used = await this.getAccessToken();
    try {
      return await query.run(params);
    } catch (error) {
      if (!error || error.statusCode !== 401) throw error;
    }
    if (appsmith.store.authAccessToken === used) await this.refreshAccessToken({ ifTokenIs: used });
    await this.getAccessToken();
    try {
      return await query.run(params);
    } catch (error) {
      if (error && error.statusCode === 401) {
        throw Tokens.authError("unauthorized", `${query.name} was refused again after a token refresh (401)`, 401);
      }
      throw error;
    }
  },

  // A JWT's claims, or null.
  readClaims(token) {
    return Tokens.readClaims(token);
  },

  clearTokens() {
    this.checkedToken = null;
    const writes = appsmith.store.authUser === undefined ? [] : [removeValue("authUser")];
    return [
      ...writes,
      removeValue("authAccessToken"),
      removeValue("authRefreshToken"),
      removeValue("authAccessTokenExp"),
      removeValue("authAccessTokenLifetime"),
    ];
  },

  // Emits the logged-out signal once per session end, with why: "logout" (here),
  // "other_tab" (a logout in another tab) or "session_ended" (a refused refresh).
  setLoggedOut(reason) {
    if (this.isLoggedOut) return;
    this.isLoggedOut = true;
    this.secondsLeft = null;
    if (typeof inputs.onLoggedOut === "function") inputs.onLoggedOut({ reason });
  },

  // Updates the reactive session state bindings read, and renews the token in the
  // background when due; runs every second on the app's interval.
  tick() {
    const token = appsmith.store.authAccessToken;
    const exp = appsmith.store.authAccessTokenExp;
    const hasToken = typeof token === "string" && token !== "";
    const logouts = this.logoutCount();
    if (!hasToken && !this.isLoggedOut) {
      this.checkedToken = null;
      this.forgetResults();
      this.setLoggedOut(logouts !== this.seenLogouts ? "other_tab" : "session_ended");
    } else if (hasToken && this.isLoggedOut) this.isLoggedOut = false;
    this.seenLogouts = logouts;
    this.secondsLeft = hasToken && typeof exp === "number" && Number.isFinite(exp)
      ? Math.max(0, Math.ceil((exp - this.marginMs() - Date.now()) / 1000))
      : null;
    if (hasToken && this.secondsLeft !== null) Refresh.renewIfDue(token);
  },

  startTicker() {
    this.ticking = true;
    this.seenLogouts = this.logoutCount();
    this.tick();
    setInterval(() => this.tick(), 1000, "Auth_Module.tick");
  },

  marginMs() {
    const margin = Number(inputs.refreshMarginSeconds) * 1000;
    const lifetime = appsmith.store.authAccessTokenLifetime;
    return typeof lifetime === "number" && lifetime > 0 ? Math.min(margin, lifetime / 2) : margin;
  },

  hasCredentials() {
    const c = inputs.credentials;
    return inputs.loginUrl !== null && c !== null && typeof c === "object" && typeof c.username === "string" && typeof c.password === "string";
  },

};
