namespace Gatehouse.Server.Users;

/// <summary>
/// Error messages of the user operations, worded as Cognito answers them (observed responses quoted in public
/// issue threads, e.g. jagregory/cognito-local#274, rahulpsd18/cognito-backup-restore#25).
/// </summary>
internal static class UserMessages
{
    public const string UserDoesNotExist = "User does not exist.";
    public const string UserExists = "User account already exists";
    public const string PasswordTooShort = "Password does not conform to policy: Password not long enough";
    public const string PasswordNeedsLowercase = "Password does not conform to policy: Password must have lowercase characters";
    public const string PasswordNeedsUppercase = "Password does not conform to policy: Password must have uppercase characters";
    public const string PasswordNeedsNumber = "Password does not conform to policy: Password must have numeric characters";
    public const string PasswordNeedsSymbol = "Password does not conform to policy: Password must have symbol characters";
    public const string NoEmailForDelivery = "No email provided but desired delivery medium was Email";
    public const string NoPhoneForDelivery = "No phone_number provided but desired delivery medium was Sms";
    public const string UsernameShouldBeEmail = "Username should be an email.";
    public const string UsernameShouldBePhone = "Username should be a phone number.";
    public const string UsernameShouldBeEmailOrPhone = "Username should be either an email or a phone number.";
    public const string InvalidEmail = "Invalid email address format.";
    public const string InvalidPhone = "Invalid phone number format.";
    public const string EmailAliasExists = "An account with the given email already exists.";
    public const string PhoneAliasExists = "An account with the given phone_number already exists.";
    public const string PreferredUsernameExists = "An account with the given preferred_username already exists.";
    public const string AliasTaken = "An account with the given alias already exists.";
    public const string InvalidPaginationToken = "Invalid pagination token.";
    public const string NoVerifiedContact =
        "Cannot reset password for the user as there is no registered/verified email or phone_number";

    public const string EmailRequiredToVerify = "Email is required to verify/un-verify an email";
    public const string PhoneRequiredToVerify = "Phone number is required to verify/un-verify a phone number";
    public const string CannotResetInState = "User password cannot be reset in the current state.";

    public static string ResendNotPossible(string username) =>
        $"Resend not possible. {username} status is not FORCE_CHANGE_PASSWORD";

    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";

    public static string CannotConfirm(string status) => $"User cannot be confirmed. Current status is {status}";

    public static string SchemaViolation(string detail) => $"Attributes did not conform to the schema: {detail}";

    public static string UnknownAttribute(string name) =>
        SchemaViolation($"Type for attribute {{{name}}} could not be determined");

    public static string RequiredAttribute(string name) => SchemaViolation($"{name}: The attribute is required");

    public static string AttributeTooLong(string name) =>
        SchemaViolation($"{name}: String must be no longer than 2048 bytes");

    public static string StringLength(string name, string min, string max) =>
        SchemaViolation($"{name}: String must be between {min} and {max} characters long");

    public static string NotANumber(string name) => SchemaViolation($"{name}: Number must be a valid number");

    public static string NumberRange(string name) =>
        SchemaViolation($"{name}: Number is outside the allowed range");

    public static string NotABoolean(string name) => SchemaViolation($"{name}: Value must be true or false");

    public static string CannotModify(string name) => $"Invalid user attributes: user.{name}: Attribute cannot be updated.";

    public static string CannotDeleteRequired(string name) =>
        $"Invalid user attributes: user.{name}: Required attribute cannot be deleted.";

    public static string BadFilter(string filter) => $"Error while parsing filter: {filter}";

    public static string UnsearchableAttribute(string name) => $"Invalid search attribute: {name}";

    public const string NoVerifiedContactForReset =
        "Cannot reset password for the user as there is no registered/verified email or phone_number";
}
