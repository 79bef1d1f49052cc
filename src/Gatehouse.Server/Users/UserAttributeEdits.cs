using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Users;

/// <summary>
/// Applies requested attribute values to a user's attribute set with Cognito's rules: known attributes only,
/// <c>sub</c> never written, immutable attributes only at creation, a blank value deletes (on update), and a new
/// email/phone number is no longer verified unless the same request sets <c>*_verified</c>.
/// </summary>
internal static class UserAttributeEdits
{
    public static AwsError? Apply(PoolSettings settings, Dictionary<string, string> attributes,
        IReadOnlyList<AttributeType> edits, bool creating)
    {
        foreach (var edit in edits)
        {
            var name = edit.Name;
            if (UserAttributeRules.Find(settings, name) is not { } schema)
            {
                return AwsError.InvalidParameter(UserMessages.UnknownAttribute(name));
            }

            if (string.Equals(name, UserAttributeNames.Sub, StringComparison.Ordinal)
                || (!creating && schema.Mutable == false))
            {
                return AwsError.InvalidParameter(UserMessages.CannotModify(name));
            }

            if (string.IsNullOrEmpty(edit.Value))
            {
                if (!creating && schema.Required == true)
                {
                    return AwsError.InvalidParameter(UserMessages.RequiredAttribute(name));
                }

                attributes.Remove(name);
                continue;
            }

            if (UserAttributeRules.CheckValue(settings, name, edit.Value) is { } error)
            {
                return error;
            }

            var value = UserAttributeRules.Normalize(schema, edit.Value);
            if (!creating)
            {
                Unverify(attributes, edits, name, value);
            }

            attributes[name] = value;
        }

        return null;
    }

    /// <summary>
    /// Removes attributes; required and immutable ones (and <c>sub</c>) stay, and the first such name refuses the
    /// whole request. Removing email or phone_number also removes its verified flag, and with it the alias.
    /// </summary>
    public static AwsError? Delete(PoolSettings settings, Dictionary<string, string> attributes, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (CheckDeletable(settings, name) is { } error)
            {
                return error;
            }

            attributes.Remove(name);
            if (VerifiedFlagOf(name) is { } verifiedName)
            {
                attributes.Remove(verifiedName);
            }
        }

        return null;
    }

    /// <summary>The <c>*_verified</c> flag of email and phone_number; null for other attributes.</summary>
    public static string? VerifiedFlagOf(string name) => name switch
    {
        UserAttributeNames.Email => UserAttributeNames.EmailVerified,
        UserAttributeNames.PhoneNumber => UserAttributeNames.PhoneNumberVerified,
        _ => null,
    };

    /// <summary><c>email_verified</c>/<c>phone_number_verified</c> = true needs the attribute it verifies.</summary>
    public static AwsError? CheckVerifiedNeedsValue(IReadOnlyDictionary<string, string> attributes)
    {
        if (IsTrue(attributes, UserAttributeNames.EmailVerified)
            && !attributes.ContainsKey(UserAttributeNames.Email))
        {
            return AwsError.InvalidParameter(UserMessages.EmailRequiredToVerify);
        }

        if (IsTrue(attributes, UserAttributeNames.PhoneNumberVerified)
            && !attributes.ContainsKey(UserAttributeNames.PhoneNumber))
        {
            return AwsError.InvalidParameter(UserMessages.PhoneRequiredToVerify);
        }

        return null;
    }

    public static AwsError? CheckRequired(PoolSettings settings, IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var (name, schema) in settings.Schema)
        {
            if (schema.Required == true && !attributes.ContainsKey(name))
            {
                return AwsError.InvalidParameter(UserMessages.RequiredAttribute(name));
            }
        }

        return null;
    }

    // A changed email/phone number is not verified any more unless the request sets its *_verified itself.
    private static void Unverify(
        Dictionary<string, string> attributes, IReadOnlyList<AttributeType> edits, string name, string value)
    {
        var verifiedName = VerifiedFlagOf(name);
        if (verifiedName is null
            || (attributes.TryGetValue(name, out var old) && string.Equals(old, value, StringComparison.Ordinal))
            || edits.Any(e => string.Equals(e.Name, verifiedName, StringComparison.Ordinal)))
        {
            return;
        }

        attributes[verifiedName] = "false";
    }

    private static AwsError? CheckDeletable(PoolSettings settings, string name)
    {
        if (UserAttributeRules.Find(settings, name) is not { } schema)
        {
            return AwsError.InvalidParameter(UserMessages.UnknownAttribute(name));
        }

        if (schema.Required == true)
        {
            return AwsError.InvalidParameter(UserMessages.CannotDeleteRequired(name));
        }

        return schema.Mutable == false || string.Equals(name, UserAttributeNames.Sub, StringComparison.Ordinal)
            ? AwsError.InvalidParameter(UserMessages.CannotModify(name))
            : null;
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.Ordinal);
}
