namespace Gatehouse.Server.Users;

/// <summary>
/// The names of Cognito's standard (OpenID Connect) user attributes; every pool's schema has them, and any other
/// attribute is a custom one (Cognito developer guide, "Working with user attributes").
/// </summary>
internal static class StandardAttributes
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
        "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale",
        "phone_number", "phone_number_verified", "address", "updated_at", "identities",
    };
}
