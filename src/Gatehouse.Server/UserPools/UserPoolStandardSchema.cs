using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Cognito's standard attributes in the order and with the properties DescribeUserPool returns for a new pool
/// (AWS developer guide, "Standard attributes"; observed DescribeUserPool output): every pool starts with this
/// schema, CreateUserPool's Schema may only mark a standard attribute required, immutable or narrow its string
/// length, and custom attributes follow it.
/// </summary>
internal static class UserPoolStandardSchema
{
    public const string String = "String";
    public const string Number = "Number";
    public const string Boolean = "Boolean";
    public const string DateTime = "DateTime";

    private const string MaxStringLength = "2048";

    public static IReadOnlyList<SchemaAttributeType> Attributes { get; } =
    [
        Text("sub", mutable: false, required: true, minLength: "1"),
        Text("name"),
        Text("given_name"),
        Text("family_name"),
        Text("middle_name"),
        Text("nickname"),
        Text("preferred_username"),
        Text("profile"),
        Text("picture"),
        Text("website"),
        Text("email"),
        Flag("email_verified"),
        Text("gender"),
        Text("birthdate", minLength: "10", maxLength: "10"),
        Text("zoneinfo"),
        Text("locale"),
        Text("phone_number"),
        Flag("phone_number_verified"),
        Text("address"),
        new SchemaAttributeType
        {
            Name = "updated_at",
            AttributeDataType = Number,
            DeveloperOnlyAttribute = false,
            Mutable = true,
            Required = false,
            NumberAttributeConstraints = new NumberAttributeConstraintsType { MinValue = "0" },
        },
    ];

    public static SchemaAttributeType? Find(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    private static SchemaAttributeType Text(
        string name, bool mutable = true, bool required = false, string minLength = "0",
        string maxLength = MaxStringLength) => new()
        {
            Name = name,
            AttributeDataType = String,
            DeveloperOnlyAttribute = false,
            Mutable = mutable,
            Required = required,
            StringAttributeConstraints = new StringAttributeConstraintsType
            {
                MinLength = minLength,
                MaxLength = maxLength,
            },
        };

    private static SchemaAttributeType Flag(string name) => new()
    {
        Name = name,
        AttributeDataType = Boolean,
        DeveloperOnlyAttribute = false,
        Mutable = true,
        Required = false,
    };
}
