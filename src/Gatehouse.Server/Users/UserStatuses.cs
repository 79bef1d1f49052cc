namespace Gatehouse.Server.Users;

/// <summary>The values of the model's <c>UserStatusType</c>.</summary>
internal static class UserStatuses
{
    public const string Unconfirmed = "UNCONFIRMED";
    public const string Confirmed = "CONFIRMED";
    public const string Archived = "ARCHIVED";
    public const string Compromised = "COMPROMISED";
    public const string Unknown = "UNKNOWN";
    public const string ResetRequired = "RESET_REQUIRED";
    public const string ForceChangePassword = "FORCE_CHANGE_PASSWORD";
    public const string ExternalProvider = "EXTERNAL_PROVIDER";

    public static IReadOnlyList<string> All { get; } =
        [Unconfirmed, Confirmed, Archived, Compromised, Unknown, ResetRequired, ForceChangePassword, ExternalProvider];
}
