using System.Security.Cryptography;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Users;

/// <summary>
/// A pool's password policy: the check Cognito applies whenever a password is set, and the generator of
/// temporary passwords. The special characters are the set listed in the Cognito developer guide
/// ("Adding user pool password requirements"): <c>^ $ * . [ ] { } ( ) ? " ! @ # % &amp; / \ , &gt; &lt; ' : ; | _ ~ ` = + -</c>.
/// </summary>
internal static class PasswordRules
{
    public const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>Cognito's policy when a pool has none: 8 characters and every character class.</summary>
    public static PasswordPolicyType DefaultPolicy => UserPoolConfig.DefaultPasswordPolicy;

    /// <summary>The first rule the password breaks, as Cognito words it, or null when it conforms.</summary>
    public static string? Violation(PasswordPolicyType policy, string password)
    {
        if (password.Length < (policy.MinimumLength ?? 8))
        {
            return UserMessages.PasswordTooShort;
        }

        if (policy.RequireLowercase == true && !password.Any(char.IsAsciiLetterLower))
        {
            return UserMessages.PasswordNeedsLowercase;
        }

        if (policy.RequireUppercase == true && !password.Any(char.IsAsciiLetterUpper))
        {
            return UserMessages.PasswordNeedsUppercase;
        }

        if (policy.RequireNumbers == true && !password.Any(char.IsAsciiDigit))
        {
            return UserMessages.PasswordNeedsNumber;
        }

        if (policy.RequireSymbols == true && !password.Any(c => Symbols.Contains(c, StringComparison.Ordinal)))
        {
            return UserMessages.PasswordNeedsSymbol;
        }

        return null;
    }

    /// <summary>A random password that satisfies <paramref name="policy"/>, from <see cref="RandomNumberGenerator"/>.</summary>
    public static string Generate(PasswordPolicyType policy)
    {
        var length = Math.Max(policy.MinimumLength ?? 8, 12);
        var chars = new List<char>(length)
        {
            Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols),
        };
        const string all = Upper + Lower + Digits + Symbols;
        while (chars.Count < length)
        {
            chars.Add(Pick(all));
        }

        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
