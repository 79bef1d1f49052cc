using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.TestKit;

/// <summary>
/// The schema Cognito gives every new pool, as DescribeUserPool shows it: the standard attributes with their
/// data type, mutability, required flag and constraints. Until CreateUserPool is on this branch, tests put it
/// in the pools they insert.
/// </summary>
internal static class DefaultSchema
{
    public static IReadOnlyList<SchemaAttributeType> Attributes { get; } =
    [
        String("sub", mutable: false, required: true, min: "1"),
        String("name"),
        String("given_name"),
        String("family_name"),
        String("middle_name"),
        String("nickname"),
        String("preferred_username"),
        String("profile"),
        String("picture"),
        String("website"),
        String("email"),
        Boolean("email_verified"),
        String("gender"),
        String("birthdate", min: "10", max: "10"),
        String("zoneinfo"),
        String("locale"),
        String("phone_number"),
        Boolean("phone_number_verified"),
        String("address"),
        new() { Name = "updated_at", AttributeDataType = "Number", DeveloperOnlyAttribute = false, Mutable = true,
            Required = false, NumberAttributeConstraints = new NumberAttributeConstraintsType { MinValue = "0" } },
        new() { Name = "identities", AttributeDataType = "String", DeveloperOnlyAttribute = false, Mutable = true,
            Required = false, StringAttributeConstraints = new StringAttributeConstraintsType() },
    ];

    /// <summary>The default schema with the named standard attributes made required.</summary>
    public static IReadOnlyList<SchemaAttributeType> Requiring(params string[] names) =>
        [.. Attributes.Select(a => names.Contains(a.Name) ? a with { Required = true } : a)];

    private static SchemaAttributeType String(string name, bool mutable = true, bool required = false,
        string min = "0", string max = "2048") => new()
        {
            Name = name,
            AttributeDataType = "String",
            DeveloperOnlyAttribute = false,
            Mutable = mutable,
            Required = required,
            StringAttributeConstraints = new StringAttributeConstraintsType { MinLength = min, MaxLength = max },
        };

    private static SchemaAttributeType Boolean(string name) => new()
    {
        Name = name,
        AttributeDataType = "Boolean",
        DeveloperOnlyAttribute = false,
        Mutable = true,
        Required = false,
    };
}
