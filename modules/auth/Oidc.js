// Auth_Module's OpenID Connect path, a JS object beside Main in the module's scope
// (only oidcModule includes it). It sees the module's queries (api_oidcDiscovery,
// api_oidcJwks, api_oidcToken), `inputs.oidc`, the `oidc` library
// (modules/auth/oidc-client.ts), Main, whose token storage it reuses, and Tokens.
//
// Store key authOidcRequest holds the one sign-in this browser started (state, nonce,
// PKCE verifier) across the redirect; the callback removes it before anything else, so
// a replayed state finds nothing. authUser holds the verified ID token's claims.
export default {
  // The discovery document's endpoints, fetched once per page.
  config: null,

  async discover() {
    if (this.config === null) this.config = oidc.checkDiscovery(await api_oidcDiscovery.run(), inputs.oidc.issuer);
    return this.config;
  },

  // Redirects to the issuer's sign-in: authorization code with PKCE (S256), state, nonce.
  async login() {
    const config = await this.discover();
    const request = await oidc.authorizationRequest(config, inputs.oidc);
    await storeValue("authOidcRequest", request.pending);
    await navigateTo(request.url, {}, "SAME_WINDOW");
    return null;
  },

  // On the page the issuer redirects back to: check the state, exchange the code, check
  // the ID token, store the tokens (unless signed out meanwhile). Whatever happens, the
  // request is used up and the URL loses code and state. Resolves with the user's claims,
  // or null when the URL is no sign-in answer.
  async handleRedirect() {
    const href = appsmith.URL.fullPath;
    if (!oidc.isCallback(href)) return null;
    const pending = appsmith.store.authOidcRequest;
    const used = removeValue("authOidcRequest");
    this.replaceUrl(oidc.cleanUrl(href));
    await used;
    const code = oidc.codeOf(href, pending);
    const config = await this.discover();
    const startedAt = Date.now();
    const epoch = Main.logoutCount();
    let body;
    try {
      body = await api_oidcToken.run({
        body: {
          grant_type: "authorization_code",
          code,
          redirect_uri: pending.redirectUri,
          client_id: inputs.oidc.clientId,
          code_verifier: pending.verifier,
        },
      });
    } catch (error) {
      throw Tokens.authError("login_failed", `The sign-in code was not accepted: ${Tokens.reason(error)}`);
    } finally {
      api_oidcToken.clear();
    }
    const tokens = Tokens.readTokens(body, inputs);
    const claims = await oidc.verifyIdToken(body.id_token, {
      jwks: await api_oidcJwks.run(),
      issuer: config.issuer,
      clientId: inputs.oidc.clientId,
      nonce: pending.nonce,
      now: Date.now(),
    });
    await Main.storeUnlessLoggedOut(tokens, startedAt, epoch);
    await storeValue("authUser", claims);
    return claims;
  },

  replaceUrl(clean) {
    if (typeof history !== "undefined" && history !== null && typeof history.replaceState === "function") {
      history.replaceState(history.state, "", clean);
    }
  },

  // After a local logout: RP-initiated logout at the issuer, when configured.
  async endSession() {
    const url = oidc.endSessionUrl(this.config, inputs.oidc);
    if (url !== null) await navigateTo(url, {}, "SAME_WINDOW");
    return url !== null;
  },
};
