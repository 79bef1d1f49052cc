namespace Gatehouse.Server.Users;

/// <summary>Names of Cognito's standard attributes that the user operations treat specially.</summary>
internal static class UserAttributeNames
{
    public const string Sub = "sub";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string PhoneNumber = "phone_number";
    public const string PhoneNumberVerified = "phone_number_verified";
    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string PreferredUsername = "preferred_username";
    public const string Identities = "identities";
    public const string CustomPrefix = "custom:";
    public const string DevPrefix = "dev:";
}
