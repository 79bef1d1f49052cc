using System.Text.Json.Nodes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Triggers;

/// <summary>The string maps of Cognito's events (userAttributes, validationData, clientMetadata).</summary>
internal static class TriggerJson
{
    /// <summary>A JSON object of strings; null stays null, as Cognito sends an absent map.</summary>
    public static JsonObject? Map(IEnumerable<KeyValuePair<string, string>>? values)
    {
        if (values is null)
        {
            return null;
        }

        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>
    /// A stored user's <c>userAttributes</c> as Cognito sends them to the sign-in and confirmation triggers: the
    /// attributes (sub included) and <c>cognito:user_status</c>.
    /// </summary>
    public static JsonObject UserAttributes(User user)
    {
        var attributes = UserRecordWriter.ReadAttributes(user);
        attributes["cognito:user_status"] = user.Status;
        return Map(attributes)!;
    }
}
