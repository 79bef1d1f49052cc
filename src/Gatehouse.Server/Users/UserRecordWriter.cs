using System.Text.Json;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// The one place that writes a user's attributes: the JSON column and every column copied from it (sub, the
/// lower-cased ListUsers-searchable attributes, the sign-in alias keys), so they never drift apart.
/// </summary>
internal static class UserRecordWriter
{
    public static Dictionary<string, string> ReadAttributes(User user) =>
        JsonSerializer.Deserialize(user.Attributes, UsersJsonContext.Default.DictionaryStringString)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public static void Write(User user, PoolSettings settings, Dictionary<string, string> attributes, DateTimeOffset now)
    {
        user.Attributes = JsonSerializer.Serialize(attributes, UsersJsonContext.Default.DictionaryStringString);
        user.Sub = attributes[UserAttributeNames.Sub];
        user.Email = Searchable(attributes, UserAttributeNames.Email);
        user.PhoneNumber = Searchable(attributes, UserAttributeNames.PhoneNumber);
        user.Name = Searchable(attributes, UserAttributeNames.Name);
        user.GivenName = Searchable(attributes, UserAttributeNames.GivenName);
        user.FamilyName = Searchable(attributes, UserAttributeNames.FamilyName);
        user.PreferredUsername = Searchable(attributes, UserAttributeNames.PreferredUsername);
        var aliases = AliasKeys.From(settings, attributes);
        user.EmailAliasKey = aliases.Email;
        user.PhoneAliasKey = aliases.Phone;
        user.PreferredUsernameKey = aliases.PreferredUsername;
        user.LastModifiedAt = now;
    }

    private static string? Searchable(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? value.ToLowerInvariant() : null;
}
