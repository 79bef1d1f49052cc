using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Users;

/// <summary>
/// Checks attribute values against a pool's schema as Cognito does: the attribute must be in the schema
/// (custom ones with their <c>custom:</c> prefix), values are at most 2048 bytes, String and Number constraints
/// hold, booleans are <c>true</c>/<c>false</c> in any case, email and phone_number are well formed (E.164 for phones).
/// </summary>
internal static partial class UserAttributeRules
{
    public const int MaxValueBytes = 2048;

    /// <summary>The schema entry of an attribute name, or null when the pool has no such attribute.</summary>
    public static SchemaAttributeType? Find(PoolSettings settings, string name)
    {
        if (settings.Schema.TryGetValue(name, out var attribute))
        {
            return attribute;
        }

        // CreateUserPool takes custom attribute names without the prefix; DescribeUserPool shows it.
        return name.StartsWith(UserAttributeNames.CustomPrefix, StringComparison.Ordinal)
            && settings.Schema.TryGetValue(name[UserAttributeNames.CustomPrefix.Length..], out var bare)
            && !StandardAttributes.Names.Contains(bare.Name ?? "")
            ? bare
            : null;
    }

    /// <summary>Checks a non-empty value written to <paramref name="name"/>.</summary>
    public static AwsError? CheckValue(PoolSettings settings, string name, string value)
    {
        if (Find(settings, name) is not { } schema)
        {
            return AwsError.InvalidParameter(UserMessages.UnknownAttribute(name));
        }

        if (Encoding.UTF8.GetByteCount(value) > MaxValueBytes)
        {
            return AwsError.InvalidParameter(UserMessages.AttributeTooLong(name));
        }

        if (string.Equals(name, UserAttributeNames.Email, StringComparison.Ordinal) && !EmailPattern().IsMatch(value))
        {
            return AwsError.InvalidParameter(UserMessages.InvalidEmail);
        }

        if (string.Equals(name, UserAttributeNames.PhoneNumber, StringComparison.Ordinal) && !PhonePattern().IsMatch(value))
        {
            return AwsError.InvalidParameter(UserMessages.InvalidPhone);
        }

        return schema.AttributeDataType switch
        {
            "Number" => CheckNumber(name, value, schema.NumberAttributeConstraints),
            "Boolean" => IsBoolean(value) ? null : AwsError.InvalidParameter(UserMessages.NotABoolean(name)),
            "DateTime" => null,
            _ => CheckString(name, value, schema.StringAttributeConstraints),
        };
    }

    /// <summary>
    /// The value as stored: Cognito takes booleans such as <c>email_verified</c> as <c>true</c>/<c>false</c> in any
    /// case (<c>True</c>, <c>FALSE</c>) and keeps them lower-case; other values are kept as given.
    /// </summary>
    public static string Normalize(SchemaAttributeType schema, string value) =>
        string.Equals(schema.AttributeDataType, "Boolean", StringComparison.Ordinal) && IsBoolean(value)
            ? value.ToLowerInvariant()
            : value;

    /// <summary>The stored form of a value <see cref="CheckValue"/> accepted for <paramref name="name"/>.</summary>
    public static string Normalize(PoolSettings settings, string name, string value) =>
        Find(settings, name) is { } schema ? Normalize(schema, value) : value;

    private static bool IsBoolean(string value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    private static AwsError? CheckString(string name, string value, StringAttributeConstraintsType? constraints)
    {
        var min = ParseInt(constraints?.MinLength) ?? 0;
        var max = ParseInt(constraints?.MaxLength) ?? MaxValueBytes;
        return value.Length < min || value.Length > max
            ? AwsError.InvalidParameter(UserMessages.StringLength(name,
                min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)))
            : null;
    }

    private static AwsError? CheckNumber(string name, string value, NumberAttributeConstraintsType? constraints)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            return AwsError.InvalidParameter(UserMessages.NotANumber(name));
        }

        var min = ParseDecimal(constraints?.MinValue);
        var max = ParseDecimal(constraints?.MaxValue);
        return (min is { } lo && number < lo) || (max is { } hi && number > hi)
            ? AwsError.InvalidParameter(UserMessages.NumberRange(name))
            : null;
    }

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    // One @, something on both sides, no whitespace; Cognito accepts addresses any mail system could route.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // E.164: a plus sign and up to 15 digits.
    [GeneratedRegex(@"^\+[0-9]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
