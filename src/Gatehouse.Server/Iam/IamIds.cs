using System.Security.Cryptography;

namespace Gatehouse.Server.Iam;

/// <summary>
/// IAM's unique ids (IAM User Guide, reference_identifiers.html "Unique identifiers"): a four-letter prefix naming
/// the kind (<c>AROA</c> a role, <c>ANPA</c> a managed policy) and 17 upper-case base32 characters, 21 in all.
/// </summary>
internal static class IamIds
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string NewRoleId() => "AROA" + RandomNumberGenerator.GetString(Base32, 17);

    public static string NewPolicyId() => "ANPA" + RandomNumberGenerator.GetString(Base32, 17);

    /// <summary>The unique key of a name: IAM names are unique regardless of case.</summary>
    public static string NameKey(string name) => name.ToLowerInvariant();
}
