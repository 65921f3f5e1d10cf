// oidc.html's JS object: its page-load action records whether a token was there when it
// ran (after a sign-in redirect, the module exchanged the code before it).
export default {
  state: "loading",
  async onLoad() {
    try {
      await Auth_Module.getAccessToken();
      this.state = "token at page load";
    } catch (error) {
      this.state = `no token at page load (${error.code})`;
    }
  },
};
