using System.Text.Json;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Groups;

/// <summary>Stored rows as the model's output shapes.</summary>
internal static class GroupShapes
{
    public static GroupType Group(Group group) => new()
    {
        GroupName = group.GroupName,
        UserPoolId = group.PoolId,
        Description = group.Description,
        RoleArn = group.RoleArn,
        Precedence = group.Precedence,
        LastModifiedDate = group.LastModifiedAt,
        CreationDate = group.CreatedAt,
    };

    /// <summary>
    /// A user as <c>UserType</c>: every stored attribute (format v1 of <see cref="Storage.User.Attributes"/>,
    /// a JSON object by name), with <c>sub</c> first as Cognito lists it.
    /// </summary>
    public static UserType User(User user) => new()
    {
        Username = user.Username,
        Attributes = Attributes(user),
        UserCreateDate = user.CreatedAt,
        UserLastModifiedDate = user.LastModifiedAt,
        Enabled = user.Enabled,
        UserStatus = user.Status,
    };

    private static List<AttributeType> Attributes(User user)
    {
        var attributes = new List<AttributeType> { new() { Name = "sub", Value = user.Sub } };
        using var document = JsonDocument.Parse(user.Attributes);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (string.Equals(property.Name, "sub", StringComparison.Ordinal))
            {
                continue;
            }

            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                // Attribute values are strings on the wire; a number or boolean stored by an older writer
                // is shown as its JSON text (true, 42).
                _ => property.Value.GetRawText(),
            };
            attributes.Add(new AttributeType { Name = property.Name, Value = value });
        }

        return attributes;
    }
}
