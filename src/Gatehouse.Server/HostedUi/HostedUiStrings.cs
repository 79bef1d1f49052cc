namespace Gatehouse.Server.HostedUi;

/// <summary>
/// Every text the hosted UI shows, in one place (English). Error texts never tell whether a user exists.
/// </summary>
internal static class HostedUiStrings
{
    public const string Lang = "en";
    public const string SignInTitle = "Sign in";
    public const string SignInHeading = "Sign in with your username and password";
    public const string Username = "Username";
    public const string Password = "Password";
    public const string SignInButton = "Sign in";
    public const string ForgotPasswordLink = "Forgot your password?";
    public const string NeedAccount = "Need an account?";
    public const string SignUpLink = "Sign up";
    public const string IncorrectCredentials = "Incorrect username or password.";
    public const string UserDisabled = "User is disabled.";

    public const string PasskeyTitle = "Sign in with a passkey";

    public const string PasskeyHeading = "Sign in with a passkey";

    public const string PasskeyPrompt = "Press the button, then confirm with your device's passkey.";

    public const string PasskeyNeedsScript = "Signing in with a passkey needs JavaScript. Sign in with your password instead.";

    public const string PasskeyButton = "Use my passkey";

    public const string PasskeyLink = "Sign in with a passkey";

    public const string PasskeyFailed = "The passkey was not accepted. Try again or sign in with your password.";

    public const string PasskeyUnavailable = "Passkeys are not available here. Sign in with your password.";

    public const string PasswordInsteadLink = "Sign in with a password instead";

    public const string ContinueButton = "Continue";

    public const string UsernameRequired = "Enter your username.";

    public const string FederationFailed = "Sign-in through the identity provider failed. Try again.";
    public const string FederationUnavailable = "This identity provider is not available.";
    public const string FederationStateInvalid = "This sign-in has expired or was completed already. Start again.";
    public const string ProviderButtonPrefix = "Sign in with ";
    public const string ProvidersHeading = "Sign in with your corporate or social account";
    public const string CorporateEmail = "Email";
    public const string CorporateEmailHeading = "Sign in with your corporate email";
    public const string CorporateEmailUnknown = "No identity provider signs in this email address.";
    public const string PasswordSignInNotAllowed = "Signing in with a username and password is not available here.";
    public const string SamlResponseRefused = "The response of the SAML identity provider was not accepted.";
    public const string PasswordResetRequired = "Password reset required for the user.";
    public const string TemporaryPasswordExpired = "Temporary password has expired and must be reset by an administrator.";
    public const string TooManyAttempts = "Password attempts exceeded. Try again later.";
    public const string MfaTitle = "Multi-factor authentication";
    public const string TotpHeading = "Enter the code from your authenticator app";
    public const string TotpCode = "Authenticator code";
    public const string SmsHeading = "Enter the code we sent you by text message";
    public const string EmailHeading = "Enter the code we sent you by email";
    public const string MfaCode = "Code";
    public const string MfaSubmitButton = "Sign in";
    public const string WrongCode = "The code is not correct. Try again.";
    public const string CodeUsedOnce = "This code was used already. Wait for the next code and try again.";
    public const string CodeExpired = "The code has expired. Please sign in again.";
    public const string RecoveryCodeSummary = "Use a recovery code";
    public const string RecoveryCodeLabel = "Recovery code";
    public const string RecoveryCodeNote = "Each recovery code works once. Leave the code above empty.";
    public const string SelectHeading = "Choose how to verify your sign-in";
    public const string SelectFactorSms = "Text message (SMS)";
    public const string SelectFactorEmail = "Email";
    public const string SelectFactorTotp = "Authenticator app";
    public const string SetupTitle = "Set up an authenticator app";
    public const string SetupHeading = "Set up multi-factor authentication";
    public const string SetupText = "Scan this QR code with an authenticator app, then enter the code it shows.";
    public const string SetupQrAlt = "QR code for your authenticator app";
    public const string SetupSecretText = "Or enter this key in the app:";
    public const string SetupDeviceName = "Name of the device (optional)";
    public const string SetupButton = "Verify and sign in";
    public const string SetupNotAvailable =
        "This account must set up multi-factor authentication, which this sign-in page cannot do for the methods the pool allows. Contact your administrator.";
    public const string FormExpired = "This form has expired or was not sent from this page. Please try again.";
    public const string ErrorTitle = "Error";
    public const string ErrorHeading = "Something went wrong";
    public const string NewPasswordTitle = "Change password";
    public const string NewPasswordHeading = "Please enter a new password";
    public const string NewPassword = "New password";
    public const string ConfirmNewPassword = "Enter new password again";
    public const string PasswordsDiffer = "The passwords do not match.";
    public const string ChangePasswordButton = "Send";
    public const string SessionExpired = "Your session has expired. Please sign in again.";
    public const string PasswordPolicyHeading = "Password requirements";
    public const string MinimumLength = "At least {0} characters";
    public const string NeedsLowercase = "A lower-case letter";
    public const string NeedsUppercase = "An upper-case letter";
    public const string NeedsNumber = "A number";
    public const string NeedsSymbol = "A special character";
    public const string MissingClientId = "The request has no client_id.";
    public const string UnknownClient = "The client does not exist.";
    public const string RedirectMismatch = "redirect_mismatch: the redirect_uri is not registered for this client.";
    public const string LogoutMismatch = "The logout_uri is not registered for this client.";
    public const string RequiredField = "This field is required.";
    public const string SignUpTitle = "Sign up";
    public const string SignUpHeading = "Sign up with a new account";
    public const string SignUpButton = "Sign up";
    public const string HaveAccount = "Already have an account?";
    public const string SignInLink = "Sign in";
    public const string ConfirmTitle = "Confirm account";
    public const string ConfirmHeading = "Confirm your account";
    public const string ConfirmText = "Enter the verification code we sent you.";
    public const string CodeSentTo = "We sent a code to {0}.";
    public const string VerificationCode = "Verification code";
    public const string ConfirmButton = "Confirm account";
    public const string ResendCodeButton = "Send a new code";
    public const string CodeResent = "A new code has been sent.";
    public const string AccountConfirmed = "Your account is confirmed. Sign in to continue.";
    public const string ForgotTitle = "Forgot password";
    public const string ForgotHeading = "Forgot your password?";
    public const string ForgotText = "Enter your username and we will send you a code to reset your password.";
    public const string ResetButton = "Reset my password";
    public const string ConfirmForgotTitle = "Reset password";
    public const string ConfirmForgotHeading = "Reset your password";
    public const string ConfirmForgotText = "If the account exists, we sent it a code. Enter it with a new password.";
    public const string ResetPasswordButton = "Change password";
}
