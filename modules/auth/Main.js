// Auth_Module's Main JS object: the seed's getAccessToken / refreshAccessToken /
// verifyAccessTokenExpired, with their names and store keys, made correct (see
// shared/token-lifecycle.md). It is an ordinary Appsmith JS object: it sees its
// queries (api_authToken, api_refreshAuthToken), `inputs`, the `jose` library and the
// app's globals by name, and runs through the same compiler as user code.
//
// Store keys: authAccessToken, authRefreshToken and authAccessTokenExp (ms, on this
// device's clock; null when the expiry cannot be read) as in the seed, plus
// authAccessTokenLifetime (ms, caps the refresh margin), authLoggedOut (set when a
// session ends or the user logs out, so no tab logs in again by itself) and
// authLogouts (counts logouts in any tab: a login or refresh that started before the
// count changed is discarded when its answer arrives, so sign-out always wins).
//
// Longer than 300 lines for a reason: an Appsmith JS object is one object literal, and
// its members are the module's API and the seed's function names.
export default {
  // True while there is no session; bindings read Auth_Module.isLoggedOut.
  isLoggedOut: true,
  // Seconds until the token needs refreshing (null: unknown expiry or no token).
  secondsLeft: null,
  // The refresh or login in flight in this tab, shared by every caller.
  flight: null,
  // The access token whose shape was last checked, so the hot path checks once.
  checkedToken: null,
  ticking: false,
  warnedNoLocks: false,
  // The logout count this tab knows of: a higher one in the store is another tab's logout.
  seenLogouts: 0,
  // No background renewal before this time (ms) after one failed.
  renewPausedUntil: 0,

  // Returns a valid access token: the stored one while it is fresh (no I/O), else
  // one refresh shared by every caller, or a login on an empty store.
  async getAccessToken() {
    if (!this.ticking) this.startTicker();
    const token = appsmith.store.authAccessToken;
    if (token !== undefined && token !== null && token === this.checkedToken) {
      if (!this.verifyAccessTokenExpired()) return token;
      return this.refreshAccessToken({ ifTokenIs: token, onlyIfExpired: true });
    }
    if (this.isUsableToken(token)) {
      this.checkedToken = token;
      return this.getAccessToken();
    }
    if (token !== undefined && token !== null) {
      // Corrupt store contents count as logged out, never as a throw.
      this.clearTokens();
    }
    if (appsmith.store.authLoggedOut === true || !this.hasCredentials()) {
      this.tick();
      throw this.authError("logged_out", "Not logged in");
    }
    return this.generateAccessToken();
  },

  // Logs in with the configured credentials (the seed's flow on an empty store).
  async generateAccessToken() {
    if (!this.hasCredentials()) throw this.authError("logged_out", "No credentials are configured; call login(username, password)");
    return this.login(inputs.credentials.username, inputs.credentials.password);
  },

  // Logs in; concurrent callers share one request. With OpenID Connect (oidcModule) it
  // redirects to the issuer's sign-in page instead.
  async login(username, password) {
    if (inputs.oidc !== null) return Oidc.login();
    return this.single(() => this.loginNow(username, password));
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
      throw this.authError("invalid_request", "No loginUrl is configured; this app logs in another way");
    }
    const startedAt = Date.now();
    const epoch = this.logoutCount();
    let body;
    try {
      body = await api_authToken.run({ body: this.tokenBody({ [inputs.usernameField]: username, [inputs.passwordField]: password }, inputs.loginParams) });
    } catch (error) {
      if (this.isTransient(error)) throw this.authError("login_failed", `Login failed: ${this.reason(error)}`);
      throw this.authError("invalid_credentials", `Login was refused (status ${error.statusCode})`);
    } finally {
      api_authToken.clear();
    }
    const tokens = this.readTokens(body);
    await this.storeUnlessLoggedOut(tokens, startedAt, epoch);
    return tokens.accessToken;
  },

  // Stores tokens a request obtained, unless a logout (in any tab) happened since the
  // request started: then they are discarded (and revoked, when that is configured).
  async storeUnlessLoggedOut(tokens, startedAt, epoch) {
    await reloadStore(["authLogouts"]);
    if (this.logoutCount() !== epoch) {
      if (typeof tokens.refreshToken === "string") this.revoke(tokens.refreshToken).catch(() => undefined);
      throw this.authError("logged_out", "Signed out while the request was in flight");
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
    this.flight = null;
    this.forgetResults();
    this.setLoggedOut("logout");
    await Promise.all(writes).catch(() => undefined);
    // A call that had already resolved before the logout sets its .data a microtask later.
    this.forgetResults();
    let revoked = false;
    if (typeof refreshToken === "string" && refreshToken !== "") {
      revoked = await this.revoke(refreshToken).catch(() => false);
    }
    const endedSession = inputs.oidc !== null ? await Oidc.endSession().catch(() => false) : false;
    return { revoked, endedSession };
  },

  // Revokes a refresh token at logoutUrl (RFC 7009 or the backend's logout); resolves
  // false when none is configured.
  async revoke(token) {
    if (typeof api_revokeToken === "undefined" || api_revokeToken === null) return false;
    if (inputs.oidc !== null && (await Oidc.discover()).revocation_endpoint === null) return false;
    // RFC 7009 names the form field `token`; the JSON (backend) form reuses the refresh field.
    const field = inputs.logoutBodyType === "form" ? "token" : inputs.refreshTokenField;
    await api_revokeToken.run({ body: this.tokenBody({ [field]: token }, inputs.logoutParams) });
    return true;
  },

  // A token-endpoint body: the module's own fields, then the input's params verbatim.
  tokenBody(own, params) {
    return Object.assign(own, params);
  },

  // No function's .data and no query's data may hold a token after logout.
  forgetResults() {
    for (const key of Object.keys(this)) {
      const member = this[key];
      if (typeof member === "function" && member.data !== undefined) member.data = undefined;
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
    const expiry = this.getTokenExpiry(tokens.accessToken, startedAt, tokens.expiresIn);
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

  // When the token expires, in ms on this device's clock, and its lifetime: the
  // earlier of `expires_in` (counted from when the request started) and the JWT's
  // `exp` (skew-corrected by `iat` for a token just obtained), else the TTL input,
  // else unknown (null). A non-numeric or absurd `exp` is unknown, never NaN.
  getTokenExpiry(token, startedAt, expiresIn) {
    const fresh = typeof startedAt === "number";
    const from = fresh ? startedAt : Date.now();
    const candidates = [];
    let lifetime = null;
    const seconds = Number(expiresIn);
    if (expiresIn !== undefined && expiresIn !== null && expiresIn !== "" && Number.isFinite(seconds) && seconds > 0) {
      candidates.push(from + seconds * 1000);
      lifetime = seconds * 1000;
    }
    const claims = this.readClaims(token);
    if (claims !== null && this.isEpochSeconds(claims.exp)) {
      const iat = this.isEpochSeconds(claims.iat) && claims.iat <= claims.exp ? claims.iat : null;
      if (!(this.isEpochSeconds(claims.iat) && iat === null)) {
        // A token just issued was issued about when our request started: exp - iat
        // after that is the expiry on our clock, whatever the server's clock says.
        candidates.push(fresh && iat !== null ? startedAt + (claims.exp - iat) * 1000 : claims.exp * 1000);
        const claimed = iat !== null ? (claims.exp - iat) * 1000 : null;
        if (claimed !== null && (lifetime === null || claimed < lifetime)) lifetime = claimed;
      }
    }
    if (candidates.length === 0 && Number(inputs.ttlSeconds) > 0) {
      candidates.push(from + Number(inputs.ttlSeconds) * 1000);
      lifetime = Number(inputs.ttlSeconds) * 1000;
    }
    if (candidates.length === 0) return { exp: null, lifetime: null };
    return { exp: Math.min(...candidates), lifetime };
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
    return this.single(() => this.refreshExclusive(seen, opts.onlyIfExpired === true, 0));
  },

  // Runs `task` unless a refresh or login is in flight, in which case callers share
  // that one. Two requests with the same refresh token are never in flight at once.
  single(task) {
    if (this.flight !== null) return this.flight;
    const flight = Promise.resolve()
      .then(task)
      .finally(() => {
        if (this.flight === flight) this.flight = null;
      });
    this.flight = flight;
    return flight;
  },

  // Takes the cross-tab lock (Web Locks) around the refresh. Without Web Locks the
  // refresh is single-flight within this tab only, said once.
  async refreshExclusive(seen, onlyIfExpired, leadMs) {
    const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
    if (!locks || typeof locks.request !== "function") {
      if (!this.warnedNoLocks) {
        this.warnedNoLocks = true;
        console.warn("Auth_Module: Web Locks are not available; refreshing is single-flight within this tab only");
      }
      return this.refreshLocked(seen, onlyIfExpired, leadMs);
    }
    const timeout = AbortSignal.timeout(Number(inputs.lockTimeoutMs) || 10000);
    let acquired = false;
    try {
      return await locks.request(inputs.lockName, { signal: timeout }, () => {
        acquired = true;
        return this.refreshLocked(seen, onlyIfExpired, leadMs);
      });
    } catch (error) {
      if (!acquired) throw this.authError("lock_timeout", "Another tab held the token refresh lock too long; try again");
      throw error;
    }
  },

  // Under the lock: read the store again (another tab may have refreshed already),
  // then refresh with the refresh token, retrying transient failures twice.
  async refreshLocked(seen, onlyIfExpired, leadMs) {
    await reloadStore(["authAccessToken", "authRefreshToken", "authAccessTokenExp", "authAccessTokenLifetime", "authLoggedOut", "authLogouts"]);
    const current = appsmith.store.authAccessToken;
    if (this.isUsableToken(current) && !this.verifyAccessTokenExpired(leadMs) && (current !== seen || onlyIfExpired)) {
      this.checkedToken = current;
      this.isLoggedOut = false;
      return current;
    }
    if (appsmith.store.authLoggedOut === true) throw this.authError("logged_out", "Not logged in");
    const refreshToken = appsmith.store.authRefreshToken;
    if (typeof refreshToken !== "string" || refreshToken === "") {
      return this.endSession();
    }
    if (inputs.oidc !== null) await Oidc.discover();
    const startedAt = Date.now();
    const epoch = this.logoutCount();
    let body;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && this.logoutCount() !== epoch) throw this.authError("logged_out", "Signed out while the refresh was retried");
      try {
        body = await api_refreshAuthToken.run({ body: this.tokenBody({ [inputs.refreshTokenField]: refreshToken }, inputs.refreshParams) });
        api_refreshAuthToken.clear();
        break;
      } catch (error) {
        api_refreshAuthToken.clear();
        if (this.logoutCount() !== epoch) throw this.authError("logged_out", "Signed out while the refresh was in flight");
        // Any 4xx answer (invalid_grant, 401, …) but 429 ends the session; network
        // errors, timeouts, 429 and 5xx are retried; anything else keeps the tokens.
        const status = error && error.kind === "http" ? error.statusCode : 0;
        if (status >= 400 && status < 500 && status !== 429) return this.endSession();
        if (!this.isTransient(error) || attempt >= 2) {
          throw this.authError("refresh_failed", `Token refresh failed after ${attempt + 1} attempt(s): ${this.reason(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt + Math.random() * 100));
      }
    }
    const tokens = this.readTokens(body);
    await this.storeUnlessLoggedOut(tokens, startedAt, epoch);
    return tokens.accessToken;
  },

  // The refresh token was refused (invalid_grant or any 4xx): the session is over.
  // Clear the tokens, say so once, and try one login if credentials are configured.
  async endSession() {
    this.clearTokens();
    this.setLoggedOut("session_ended");
    if (this.hasCredentials()) {
      try {
        return await this.loginNow(inputs.credentials.username, inputs.credentials.password);
      } catch (error) {
        // Falls through: the session stays ended.
      }
    }
    storeValue("authLoggedOut", true);
    throw this.authError("session_ended", "The session has ended; log in again");
  },

  // Runs a query that sends the token; after a 401, refreshes (only if the token it
  // used is still current) and retries exactly once. 403 is not an auth failure, and
  // the login and refresh queries themselves are never intercepted.
  async request(query, params) {
    if (query === null || typeof query !== "object" || typeof query.run !== "function") {
      throw this.authError("invalid_request", "request(query, params) needs a query, for example Auth_Module.request(getusers_API)");
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
        throw this.authError("unauthorized", `${query.name} was refused again after a token refresh (401)`, 401);
      }
      throw error;
    }
  },

  // Claims of a JWS-compact JWT, read with jose (strict base64url + UTF-8); null for
  // an encrypted (five-part) or opaque token, or a payload that is not an object.
  readClaims(token) {
    if (typeof token !== "string" || token.split(".").length !== 3) return null;
    try {
      const claims = jose.decodeJwt(token);
      return claims !== null && typeof claims === "object" && !Array.isArray(claims) ? claims : null;
    } catch (error) {
      return null;
    }
  },

  // A token is usable when it is a non-empty string of token characters that, if
  // it is a three-part JWT, decodes. Truncated or foreign store contents are not.
  isUsableToken(token) {
    if (typeof token !== "string" || token.length < 8 || !/^[A-Za-z0-9._~+/=-]+$/.test(token)) return false;
    const parts = token.split(".").length;
    if (parts === 3) return this.readClaims(token) !== null;
    return parts === 1 || parts === 5;
  },

  // The response's tokens under any of the configured field names.
  readTokens(body) {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw this.authError("invalid_response", "The auth server's answer holds no token object");
    }
    const pick = (names) => {
      for (const name of names) if (typeof body[name] === "string" && body[name] !== "") return body[name];
      return undefined;
    };
    const accessToken = pick(inputs.accessTokenFields);
    if (accessToken === undefined || !this.isUsableToken(accessToken)) {
      throw this.authError("invalid_response", `The auth server's answer has no usable access token (looked for ${inputs.accessTokenFields.join(", ")})`);
    }
    return { accessToken, refreshToken: pick(inputs.refreshTokenFields), expiresIn: body[inputs.expiresInField] };
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
    if (hasToken && this.secondsLeft !== null) this.renewIfDue(token);
  },

  // Background renewal: while the page is visible and the expiry is known, refresh
  // shortly before the margin, so an idle page never holds a dead token. A hidden page
  // (or no page, in Node) renews nothing; the check on every call still holds.
  renewIfDue(token) {
    if (inputs.autoRefresh !== true || this.flight !== null || Date.now() < this.renewPausedUntil) return;
    if (typeof document === "undefined" || document === null || document.visibilityState !== "visible") return;
    const leadMs = Math.min(10000, this.marginMs() / 2);
    if (!this.verifyAccessTokenExpired(leadMs)) return;
    this.single(() => this.refreshExclusive(token, true, leadMs)).catch(() => {
      // A refused refresh has signalled logged out; a transient one waits, then retries.
      this.renewPausedUntil = Date.now() + 30000;
    });
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

  // Network errors, timeouts, 429 and 5xx are worth retrying; anything else is an answer.
  isTransient(error) {
    if (!error) return false;
    if (error.kind === "network" || error.kind === "timeout") return true;
    return error.statusCode === 429 || error.statusCode >= 500;
  },

  // A token-free description of a failed request.
  reason(error) {
    if (error && error.kind === "timeout") return "no answer in time";
    if (error && error.kind === "network") return "network error";
    return error && error.statusCode ? `status ${error.statusCode}` : "unknown error";
  },

  isEpochSeconds(value) {
    // Seconds since 1970 before the year 5138; larger numbers are milliseconds (absurd).
    return typeof value === "number" && Number.isFinite(value) && value > 0 && value < 1e11;
  },

  // A typed error: name AuthError, a stable `code`, and no token in the message.
  authError(code, message, statusCode) {
    const error = new Error(message);
    error.name = "AuthError";
    error.code = code;
    if (statusCode !== undefined) error.statusCode = statusCode;
    return error;
  },
};
