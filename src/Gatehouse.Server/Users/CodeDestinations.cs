using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>Chooses where a sign-up or recovery code goes, from the pool's settings and the user's attributes.</summary>
internal static class CodeDestinations
{
    /// <summary>
    /// The sign-up confirmation destination: an attribute of the pool's <c>AutoVerifiedAttributes</c> that the user
    /// has, the phone number first when both are auto-verified (Cognito sends the SMS then); null when the pool
    /// verifies nothing automatically or the user lacks the attribute, and then no code is sent.
    /// </summary>
    public static CodeDestination? ForConfirmation(PoolSettings settings, IReadOnlyDictionary<string, string> attributes)
    {
        var auto = settings.Type.AutoVerifiedAttributes ?? [];
        if (auto.Contains(UserAttributeNames.PhoneNumber, StringComparer.Ordinal)
            && attributes.TryGetValue(UserAttributeNames.PhoneNumber, out var phone))
        {
            return CodeDestination.Phone(phone);
        }

        return auto.Contains(UserAttributeNames.Email, StringComparer.Ordinal)
            && attributes.TryGetValue(UserAttributeNames.Email, out var email)
                ? CodeDestination.Email(email)
                : null;
    }

    /// <summary>
    /// The password-recovery destination: the first mechanism of the pool's <c>AccountRecoverySetting</c> (by
    /// priority) for which the user has a verified attribute; without that setting, Cognito's legacy order
    /// (verified phone, then verified email). <c>admin_only</c> and no verified contact give null.
    /// </summary>
    public static CodeDestination? ForRecovery(PoolSettings settings, IReadOnlyDictionary<string, string> attributes)
    {
        var mechanisms = settings.Type.AccountRecoverySetting?.RecoveryMechanisms is { } configured
            ? configured.OrderBy(m => m.Priority).Select(m => m.Name).ToList()
            : ["verified_phone_number", "verified_email"];
        foreach (var mechanism in mechanisms)
        {
            if (string.Equals(mechanism, "verified_phone_number", StringComparison.Ordinal)
                && IsTrue(attributes, UserAttributeNames.PhoneNumberVerified)
                && attributes.TryGetValue(UserAttributeNames.PhoneNumber, out var phone))
            {
                return CodeDestination.Phone(phone);
            }

            if (string.Equals(mechanism, "verified_email", StringComparison.Ordinal)
                && IsTrue(attributes, UserAttributeNames.EmailVerified)
                && attributes.TryGetValue(UserAttributeNames.Email, out var email))
            {
                return CodeDestination.Email(email);
            }
        }

        return null;
    }

    /// <summary>
    /// The destination reported for a user who does not exist when the client prevents user-existence errors
    /// (Cognito: "a response indicating a code was sent to a simulated destination"). A username shaped like an
    /// email or phone number is reported as itself; otherwise an address derived from the pool and username, so
    /// that asking twice gives the same answer, as it would for a real user. Nothing is sent.
    /// </summary>
    public static CodeDestination Simulated(PoolSettings settings, string username, bool recovery)
    {
        if (username.Contains('@', StringComparison.Ordinal))
        {
            return CodeDestination.Email(username);
        }

        if (username.StartsWith('+') && username.Length > 5 && username[1..].All(char.IsAsciiDigit))
        {
            return CodeDestination.Phone(username);
        }

        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(settings.Pool.Id + "\n" + username));
        var firstRecovery = settings.Type.AccountRecoverySetting?.RecoveryMechanisms?.MinBy(m => m.Priority)?.Name;
        var phoneFirst = recovery
            ? string.Equals(firstRecovery, "verified_phone_number", StringComparison.Ordinal)
            : (settings.Type.AutoVerifiedAttributes ?? []).Contains(UserAttributeNames.PhoneNumber, StringComparer.Ordinal);
        if (phoneFirst)
        {
            var digits = string.Concat(seed.Take(10).Select(b => (char)('0' + (b % 10))));
            return CodeDestination.Phone("+1" + digits);
        }

        return CodeDestination.Email($"{(char)('a' + (seed[0] % 26))}x@{(char)('a' + (seed[1] % 26))}x.com");
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.Ordinal);
}
