using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// The attribute schema of a pool: Cognito's standard attributes (<see cref="UserPoolStandardSchema"/>) with the
/// changes CreateUserPool's Schema asks for, then custom attributes, stored under their full names
/// (<c>custom:x</c>, or <c>dev:x</c> for developer-only ones, as the model documents for
/// <c>SchemaAttributeType.Name</c>).
/// </summary>
internal static class UserPoolSchema
{
    public const int MaxCustomAttributes = 50;
    public const string CustomPrefix = "custom:";
    public const string DeveloperPrefix = "dev:";
    private const int MaxStringLength = 2048;

    /// <summary>The schema of a new pool: the standard attributes with <paramref name="requested"/> applied.</summary>
    public static AwsError? Build(IReadOnlyList<SchemaAttributeType>? requested, out IReadOnlyList<SchemaAttributeType> schema)
    {
        var standard = UserPoolStandardSchema.Attributes.ToList();
        var custom = new List<SchemaAttributeType>();
        schema = standard;
        foreach (var attribute in requested ?? [])
        {
            var name = attribute.Name ?? string.Empty;
            var index = standard.FindIndex(a => string.Equals(a.Name, name, StringComparison.Ordinal));
            if (index >= 0)
            {
                if (Customize(standard[index], attribute, out var changed) is { } error)
                {
                    return error;
                }

                standard[index] = changed;
                continue;
            }

            if (NewCustom(attribute, standard.Concat(custom), out var created) is { } customError)
            {
                return customError;
            }

            custom.Add(created);
        }

        if (custom.Count > MaxCustomAttributes)
        {
            return AwsError.InvalidParameter(UserPoolMessages.TooManyCustomAttributes);
        }

        schema = [.. standard, .. custom];
        return null;
    }

    /// <summary>The schema after AddCustomAttributes: every requested attribute is new and custom.</summary>
    public static AwsError? AddCustom(
        IReadOnlyList<SchemaAttributeType> existing, IReadOnlyList<SchemaAttributeType> requested,
        out IReadOnlyList<SchemaAttributeType> schema)
    {
        var result = existing.ToList();
        schema = existing;
        foreach (var attribute in requested)
        {
            if (NewCustom(attribute, result, out var created) is { } error)
            {
                return error;
            }

            result.Add(created);
        }

        if (result.Count(IsCustom) > MaxCustomAttributes)
        {
            return AwsError.InvalidParameter(UserPoolMessages.TooManyCustomAttributes);
        }

        schema = result;
        return null;
    }

    public static bool IsCustom(SchemaAttributeType attribute) =>
        attribute.Name is { } name
        && (name.StartsWith(CustomPrefix, StringComparison.Ordinal) || name.StartsWith(DeveloperPrefix, StringComparison.Ordinal));

    private static AwsError? Customize(SchemaAttributeType standard, SchemaAttributeType requested, out SchemaAttributeType changed)
    {
        var name = standard.Name ?? string.Empty;
        changed = standard;
        if (requested.AttributeDataType is { } type && !string.Equals(type, standard.AttributeDataType, StringComparison.Ordinal))
        {
            return Invalid(name, "the data type of a standard attribute cannot be changed.");
        }

        if (requested.DeveloperOnlyAttribute == true)
        {
            return Invalid(name, "a standard attribute cannot be developer-only.");
        }

        if (requested.NumberAttributeConstraints is not null && standard.NumberAttributeConstraints is null)
        {
            return Invalid(name, "number constraints apply only to Number attributes.");
        }

        if (requested.StringAttributeConstraints is not null && standard.StringAttributeConstraints is null)
        {
            return Invalid(name, "string constraints apply only to String attributes.");
        }

        changed = standard with
        {
            Mutable = requested.Mutable ?? standard.Mutable,
            Required = requested.Required ?? standard.Required,
            StringAttributeConstraints = requested.StringAttributeConstraints is { } s
                ? new StringAttributeConstraintsType
                {
                    MinLength = s.MinLength ?? standard.StringAttributeConstraints?.MinLength,
                    MaxLength = s.MaxLength ?? standard.StringAttributeConstraints?.MaxLength,
                }
                : standard.StringAttributeConstraints,
            NumberAttributeConstraints = requested.NumberAttributeConstraints ?? standard.NumberAttributeConstraints,
        };

        // sub identifies the user for ever (Cognito refuses any change to it).
        if (string.Equals(name, "sub", StringComparison.Ordinal) && changed != standard)
        {
            return Invalid(name, "the sub attribute cannot be changed.");
        }

        return CheckConstraints(changed);
    }

    private static AwsError? NewCustom(
        SchemaAttributeType requested, IEnumerable<SchemaAttributeType> existing, out SchemaAttributeType created)
    {
        var developerOnly = requested.DeveloperOnlyAttribute == true;
        var name = (developerOnly ? DeveloperPrefix : CustomPrefix) + requested.Name;
        var type = requested.AttributeDataType ?? UserPoolStandardSchema.String;
        created = requested;
        if (existing.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal)))
        {
            return AwsError.InvalidParameter(UserPoolMessages.AttributeExists(name));
        }

        if (requested.Required == true)
        {
            return AwsError.InvalidParameter(UserPoolMessages.RequiredCustomAttribute);
        }

        var isString = string.Equals(type, UserPoolStandardSchema.String, StringComparison.Ordinal);
        var isNumber = string.Equals(type, UserPoolStandardSchema.Number, StringComparison.Ordinal);
        if (requested.StringAttributeConstraints is not null && !isString)
        {
            return Invalid(name, "string constraints apply only to String attributes.");
        }

        if (requested.NumberAttributeConstraints is not null && !isNumber)
        {
            return Invalid(name, "number constraints apply only to Number attributes.");
        }

        created = new SchemaAttributeType
        {
            Name = name,
            AttributeDataType = type,
            DeveloperOnlyAttribute = developerOnly,
            Mutable = requested.Mutable ?? true,
            Required = false,
            StringAttributeConstraints = isString ? requested.StringAttributeConstraints ?? new() : null,
            NumberAttributeConstraints = isNumber ? requested.NumberAttributeConstraints ?? new() : null,
        };
        return CheckConstraints(created);
    }

    private static AwsError? CheckConstraints(SchemaAttributeType attribute)
    {
        var name = attribute.Name ?? string.Empty;
        if (attribute.StringAttributeConstraints is { } s)
        {
            if (!Bound(s.MinLength, 0, MaxStringLength, 0, out var min)
                || !Bound(s.MaxLength, 0, MaxStringLength, MaxStringLength, out var max))
            {
                return Invalid(name, "string lengths must be whole numbers from 0 to 2048.");
            }

            if (min > max)
            {
                return Invalid(name, "MinLength cannot be greater than MaxLength.");
            }
        }

        if (attribute.NumberAttributeConstraints is { } n)
        {
            if (!Bound(n.MinValue, long.MinValue, long.MaxValue, long.MinValue, out var min)
                || !Bound(n.MaxValue, long.MinValue, long.MaxValue, long.MaxValue, out var max))
            {
                return Invalid(name, "number bounds must be whole numbers.");
            }

            if (min > max)
            {
                return Invalid(name, "MinValue cannot be greater than MaxValue.");
            }
        }

        return null;
    }

    /// <summary>Parses an optional bound; an absent one is <paramref name="absent"/> (the open end).</summary>
    private static bool Bound(string? text, long low, long high, long absent, out long value)
    {
        if (text is null)
        {
            value = absent;
            return true;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= low && value <= high;
    }

    private static AwsError Invalid(string name, string reason) =>
        AwsError.InvalidParameter(UserPoolMessages.SchemaAttributeInvalid(name, reason));
}
