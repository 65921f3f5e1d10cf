// Auth_Module's refresh, a JS object beside Main in the module's scope: one flight per
// tab (every caller shares the refresh or login in flight), one per browser (the Web
// Locks lock around it), the store read again under the lock, transient failures retried
// with backoff, and the end of a session whose refresh token is refused. Main's state
// (checkedToken, isLoggedOut) is written through Main; token shapes are the Tokens library's.
//
// console.warn, setTimeout and Math.random are the module scope's: the app's injected
// warn, timers and randomness (src/module.ts), as Date is the app's clock.
export default {
  // The refresh or login in flight in this tab, shared by every caller.
  flight: null,
  warnedNoLocks: false,
  // No background renewal before this time (ms) after one failed.
  renewPausedUntil: 0,

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
      if (!acquired) throw Tokens.authError("lock_timeout", "Another tab held the token refresh lock too long; try again");
      throw error;
    }
  },

  // Under the lock: read the store again (another tab may have refreshed already),
  // then refresh with the refresh token, retrying transient failures twice.
  async refreshLocked(seen, onlyIfExpired, leadMs) {
    await reloadStore(["authAccessToken", "authRefreshToken", "authAccessTokenExp", "authAccessTokenLifetime", "authLoggedOut", "authLogouts"]);
    const current = appsmith.store.authAccessToken;
    if (Tokens.isUsableToken(current) && !Main.verifyAccessTokenExpired(leadMs) && (current !== seen || onlyIfExpired)) {
      Main.checkedToken = current;
      Main.isLoggedOut = false;
      return current;
    }
    if (appsmith.store.authLoggedOut === true) throw Tokens.authError("logged_out", "Not logged in");
    const refreshToken = appsmith.store.authRefreshToken;
    if (typeof refreshToken !== "string" || refreshToken === "") {
      return this.endSession();
    }
    if (inputs.oidc !== null) await Oidc.discover();
    const startedAt = Date.now();
    const epoch = Main.logoutCount();
    let body;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && Main.logoutCount() !== epoch) throw Tokens.authError("logged_out", "Signed out while the refresh was retried");
      try {
        body = await api_refreshAuthToken.run({ body: Tokens.tokenBody({ [inputs.refreshTokenField]: refreshToken }, inputs.refreshParams) });
        api_refreshAuthToken.clear();
        break;
      } catch (error) {
        api_refreshAuthToken.clear();
        if (Main.logoutCount() !== epoch) throw Tokens.authError("logged_out", "Signed out while the refresh was in flight");
        // Any 4xx answer (invalid_grant, 401, …) but 429 ends the session; network
        // errors, timeouts, 429 and 5xx are retried; anything else keeps the tokens.
        const status = error && error.kind === "http" ? error.statusCode : 0;
        if (status >= 400 && status < 500 && status !== 429) return this.endSession();
        if (!Tokens.isTransient(error) || attempt >= 2) {
          throw Tokens.authError("refresh_failed", `Token refresh failed after ${attempt + 1} attempt(s): ${Tokens.reason(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt + Math.random() * 100));
      }
    }
    const tokens = Tokens.readTokens(body, inputs);
    await Main.storeUnlessLoggedOut(tokens, startedAt, epoch);
    return tokens.accessToken;
  },

  // The refresh token was refused (invalid_grant or any 4xx): the session is over.
  // Clear the tokens, say so once, and try one login if credentials are configured.
  async endSession() {
    Main.clearTokens();
    Main.setLoggedOut("session_ended");
    if (Main.hasCredentials()) {
      try {
        return await Main.loginNow(inputs.credentials.username, inputs.credentials.password);
      } catch (error) {
        // Falls through: the session stays ended.
      }
    }
    storeValue("authLoggedOut", true);
    throw Tokens.authError("session_ended", "The session has ended; log in again");
  },

  // Background renewal: while the page is visible and the expiry is known, refresh
  // shortly before the margin, so an idle page never holds a dead token. A hidden page
  // (or no page, in Node) renews nothing; the check on every call still holds.
  renewIfDue(token) {
    if (inputs.autoRefresh !== true || this.flight !== null || Date.now() < this.renewPausedUntil) return;
    if (typeof document === "undefined" || document === null || document.visibilityState !== "visible") return;
    const leadMs = Math.min(10000, Main.marginMs() / 2);
    if (!Main.verifyAccessTokenExpired(leadMs)) return;
    this.single(() => this.refreshExclusive(token, true, leadMs)).catch(() => {
      // A refused refresh has signalled logged out; a transient one waits, then retries.
      this.renewPausedUntil = Date.now() + 30000;
    });
  },

  // Revokes a refresh token at logoutUrl (RFC 7009 or the backend's logout); resolves
  // false when none is configured.
  async revoke(token) {
    if (typeof api_revokeToken === "undefined" || api_revokeToken === null) return false;
    if (inputs.oidc !== null && (await Oidc.discover()).revocation_endpoint === null) return false;
    // RFC 7009 names the form field `token`; the JSON (backend) form reuses the refresh field.
    const field = inputs.logoutBodyType === "form" ? "token" : inputs.refreshTokenField;
    await api_revokeToken.run({ body: Tokens.tokenBody({ [field]: token }, inputs.logoutParams) });
    return true;
  },
};
