// The demo page's JS object, written as in Appsmith. Page load follows the seed's
// pattern (a token first, then the rows); row loads go through Auth_Module.request,
// which refreshes the token and retries once when the backend answers 401.
export default {
  // Table1's columns (bound as columns="{{ PageHooks.columns }}"); keys are the
  // backend's field names, which its sortBy parameter accepts.
  columns: [
    { key: "id", label: "#", type: "number", width: 72 },
    { key: "name", label: "Name", width: "22%" },
    { key: "email", label: "E-mail" },
    { key: "city", label: "City", width: "15%" },
    { key: "age", label: "Age", type: "number", width: 72 },
    { key: "createdAt", label: "Created", type: "date", width: 215 },
  ],

  // A refused sign-in, said under the password field (bound to its validation and
  // errorMessage, so the field is aria-invalid), until the user types again.
  loginError: "",

  // Runs on page load. Logged out is not an error here: the login form is showing.
  onPageLoad() {
    return Auth_Module.getAccessToken().then(() => this.loadRows(), (error) => this.whenSignedOut(error));
  },

  // Loads the table's current page (page, search and sort come from Table1's meta).
  async loadRows() {
    try {
      return await Auth_Module.request(getusers_API);
    } catch (error) {
      return this.whenSignedOut(error);
    }
  },

  // Signs in with the form's e-mail and password, then loads the rows.
  async login() {
    // With OpenID Connect (npm start -- --oidc) the issuer's own page asks who you are.
    if (Auth_Module.signInByRedirect) return Auth_Module.login();
    if (!EmailInput.text || !EmailInput.isValid || !PasswordInput.text) {
      showAlert("Enter your e-mail address and password", "warning");
      return;
    }
    try {
      await Auth_Module.login(EmailInput.text, PasswordInput.text);
    } catch (error) {
      if (error.code === "invalid_credentials") this.loginError = "Wrong e-mail address or password";
      else showAlert(error.message, "error");
      return;
    }
    this.loginError = "";
    resetWidget("PasswordInput");
    showAlert("Signed in", "success");
    return this.loadRows();
  },

  // Ends the session in every tab of this app and forgets the rows on screen.
  async logout() {
    await Auth_Module.logout();
    getusers_API.clear();
    resetWidget("Table1");
    showAlert("Signed out", "info");
  },

  // Auth_Module's onLoggedOut input: the session ended (here or in another tab), so the
  // rows fetched with it go too. A logout in another tab is said here as well.
  onLoggedOut(event) {
    getusers_API.clear();
    if (event && event.reason === "other_tab") showAlert("Signed out in another tab", "info");
  },

  // The session is over: the login form shows (it follows Auth_Module.isLoggedOut).
  // Say so once when it ended under the user's feet; anything else is a real error.
  whenSignedOut(error) {
    if (error && error.code === "logged_out") return null;
    if (error && error.code === "session_ended") {
      showAlert("Your session has ended; sign in again", "warning");
      return null;
    }
    throw error;
  },
};
