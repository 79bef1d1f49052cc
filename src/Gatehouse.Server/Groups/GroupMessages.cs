using System.Globalization;

namespace Gatehouse.Server.Groups;

/// <summary>The messages of the group operations, worded as Cognito words them where it is known.</summary>
internal static class GroupMessages
{
    public const string GroupNotFound = "Group not found.";
    public const string UserNotFound = "User does not exist.";
    public const string InvalidNextToken = "The pagination token is invalid.";

    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";

    public static string GroupExists(string groupName) => $"A group with the name {groupName} already exists.";

    public static string GroupLimit(int limit) => string.Create(
        CultureInfo.InvariantCulture, $"The user pool already has the maximum of {limit} groups.");
}
