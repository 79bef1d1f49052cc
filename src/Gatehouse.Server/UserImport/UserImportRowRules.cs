using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// The checks of one row, in order, with the rules AdminCreateUser applies ("Creating the user import CSV file"):
/// a field per header column, cognito:username present, booleans true/false, every value valid for its attribute,
/// required attributes present, a verified flag only with its value, at least one auto-verified attribute verified,
/// and cognito:mfa_enabled only with a phone number. What passes becomes a RESET_REQUIRED user with no password.
/// Whether the username or an alias is taken is decided against the store by <see cref="UserImportBatch"/>.
/// </summary>
internal static class UserImportRowRules
{
    private const int MaxUsernameLength = 128;

    public static UserImportCandidate Read(
        PoolSettings settings, UserImportHeader header, UserImportRow row, DateTimeOffset now)
    {
        var fields = row.Fields;
        if (fields.Length != header.Columns.Count)
        {
            return UserImportCandidate.Fail(row, null, UserImportMessages.ColumnCount(fields.Length, header.Columns.Count));
        }

        var username = fields[header.UsernameIndex];
        if (username.Length == 0)
        {
            return UserImportCandidate.Fail(row, null, UserImportMessages.UsernameMissing);
        }

        if (username.Length > MaxUsernameLength)
        {
            return UserImportCandidate.Fail(row, null, UserImportMessages.UsernameTooLong);
        }

        if (ReadBoolean(fields[header.MfaIndex]) is not { } mfaEnabled)
        {
            return UserImportCandidate.Fail(row, username, UserImportMessages.BadBoolean(UserImportHeader.MfaEnabled));
        }

        if (ReadAttributes(settings, header, fields) is not { } edits)
        {
            return UserImportCandidate.Fail(row, username, FirstBadFlag(header, fields));
        }

        if (AdminCreateUser.CheckUsernameShape(settings, username) is { } shapeError)
        {
            return UserImportCandidate.Fail(row, username, shapeError.Message);
        }

        var sub = Guid.NewGuid().ToString();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [UserAttributeNames.Sub] = sub };
        if ((UserAttributeEdits.Apply(settings, attributes, edits, creating: true)
                ?? AddUsername(settings, username, attributes)
                ?? UserAttributeEdits.CheckVerifiedNeedsValue(attributes)
                ?? UserAttributeEdits.CheckRequired(settings, attributes)) is { } error)
        {
            return UserImportCandidate.Fail(row, username, error.Message);
        }

        if (mfaEnabled && !attributes.ContainsKey(UserAttributeNames.PhoneNumber))
        {
            return UserImportCandidate.Fail(row, username, UserImportMessages.MfaNeedsPhone);
        }

        if (RejectUnverified(settings, attributes) is { } unverified)
        {
            return UserImportCandidate.Fail(row, username, unverified);
        }

        var stored = settings.UsernameIsSub ? sub : username;
        var user = new User
        {
            PoolId = settings.Pool.Id,
            Username = stored,
            UsernameKey = settings.UsernameKey(stored),
            Sub = sub,
            Status = UserStatuses.ResetRequired,
            Enabled = true,
            CreatedAt = now,
        };
        UserRecordWriter.Write(user, settings, attributes, now);
        return new UserImportCandidate(row, username, user, AliasKeys.From(settings, attributes), mfaEnabled, null);
    }

    /// <summary>The attribute columns with a value; null when a verified flag is not a boolean.</summary>
    private static List<AttributeType>? ReadAttributes(PoolSettings settings, UserImportHeader header, string[] fields)
    {
        var edits = new List<AttributeType>(fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = header.Columns[i];
            var value = fields[i];
            if (i == header.UsernameIndex || i == header.MfaIndex || value.Length == 0)
            {
                continue;
            }

            if (IsFlag(settings, name))
            {
                if (ReadBoolean(value) is not { } flag)
                {
                    return null;
                }

                value = flag ? "true" : "false";
            }

            edits.Add(new AttributeType { Name = name, Value = value });
        }

        return edits;
    }

    private static string FirstBadFlag(UserImportHeader header, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (header.Columns[i].EndsWith("_verified", StringComparison.Ordinal) && ReadBoolean(fields[i]) is null)
            {
                return UserImportMessages.BadBoolean(header.Columns[i]);
            }
        }

        return UserImportMessages.BadBoolean("A Boolean attribute");
    }

    private static bool IsFlag(PoolSettings settings, string name) =>
        name is UserAttributeNames.EmailVerified or UserAttributeNames.PhoneNumberVerified
        || string.Equals(UserAttributeRules.Find(settings, name)?.AttributeDataType, "Boolean", StringComparison.Ordinal);

    /// <summary>An empty field is false (Cognito's template leaves flags blank); otherwise true or false in any case.</summary>
    private static bool? ReadBoolean(string value) =>
        value.Length == 0 || value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : null;

    private static AwsProtocol.AwsError? AddUsername(
        PoolSettings settings, string username, Dictionary<string, string> attributes)
    {
        AdminCreateUser.AddUsernameAttribute(settings, username, attributes);
        return null;
    }

    /// <summary>"At least one of the auto-verified attributes must be true for each user."</summary>
    private static string? RejectUnverified(PoolSettings settings, Dictionary<string, string> attributes)
    {
        var autoVerified = settings.Type.AutoVerifiedAttributes ?? [];
        var verified = autoVerified.Any(a => attributes.TryGetValue(a + "_verified", out var v)
            && string.Equals(v, "true", StringComparison.Ordinal));
        return verified ? null : UserImportMessages.NotVerified(string.Join(", ", autoVerified));
    }
}
