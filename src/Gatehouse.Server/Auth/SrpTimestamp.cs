using System.Globalization;

namespace Gatehouse.Server.Auth;

/// <summary>
/// The PASSWORD_VERIFIER <c>TIMESTAMP</c>: <c>ddd MMM d HH:mm:ss UTC yyyy</c> in English, day not zero-padded
/// (amazon-cognito-identity-js DateHelper, Amplify getNowString), a padded day accepted too (protocol-notes §11).
/// It must lie within <see cref="Window"/> of the SECRET_BLOCK's issue time.
/// </summary>
internal static class SrpTimestamp
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static DateTimeOffset? Parse(string text) =>
        DateTime.TryParseExact(text, "ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : null;

    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    public static bool WithinWindow(DateTimeOffset timestamp, DateTimeOffset issuedAt) =>
        (timestamp - issuedAt).Duration() <= Window;
}
