// Sign-in through Auth_Module. Nothing is sent before the user clicks "Sign in".
export default {
  async signIn() {
    if (!EmailInput.text || !PasswordInput.text) {
      showAlert("Enter your e-mail address and password", "warning");
      return;
    }
    try {
      await Auth_Module.login(EmailInput.text, PasswordInput.text);
      showAlert("Signed in", "success");
    } catch (error) {
      showAlert(error.code === "invalid_credentials" ? "Wrong e-mail address or password" : "Sign-in failed: " + error.message, "error");
    }
  },
};
