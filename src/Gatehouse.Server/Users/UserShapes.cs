using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>Builds the model's user shapes from a stored user.</summary>
internal static class UserShapes
{
    public static List<AttributeType> Attributes(User user, IReadOnlyCollection<string>? only = null) =>
        [.. UserRecordWriter.ReadAttributes(user)
            .Where(a => only is null || only.Contains(a.Key))
            .Select(a => new AttributeType { Name = a.Key, Value = a.Value })];

    public static UserType ToUserType(User user, IReadOnlyCollection<string>? only = null) => new()
    {
        Username = user.Username,
        Attributes = Attributes(user, only),
        UserCreateDate = user.CreatedAt,
        UserLastModifiedDate = user.LastModifiedAt,
        Enabled = user.Enabled,
        UserStatus = user.Status,
    };
}
