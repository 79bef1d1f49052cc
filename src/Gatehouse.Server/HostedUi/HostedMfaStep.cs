namespace Gatehouse.Server.HostedUi;

/// <summary>
/// Where a hosted-UI sign-in stands after the password or an MFA page: <see cref="Done"/> (sign the user in), a page
/// to show (<see cref="Challenge"/>: SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, SELECT_MFA_TYPE or MFA_SETUP, with its
/// sealed <see cref="State"/> and an <see cref="Error"/> text after a wrong answer), or <see cref="Fatal"/>: a text
/// for the error page (the sign-in must start again).
/// </summary>
internal sealed record HostedMfaStep(
    Storage.User? User,
    string? Challenge = null,
    string? State = null,
    string? Destination = null,
    IReadOnlyList<string>? Factors = null,
    string? SecretCode = null,
    string? Error = null,
    string? Fatal = null)
{
    public bool Done => User is not null && Challenge is null && Fatal is null;

    public static HostedMfaStep Signed(Storage.User user) => new(user);

    public static HostedMfaStep Refused(string text) => new(null, Fatal: text);
}
