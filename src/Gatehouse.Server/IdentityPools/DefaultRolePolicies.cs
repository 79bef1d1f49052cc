using System.Text.Json.Nodes;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The policies of the roles the Cognito console creates for a new identity pool ("create default roles"). The trust
/// policy lets only this pool's identities of the one kind assume the role through web identity federation (developer
/// guide, "IAM roles" / "Role trust and permissions"): Principal Federated <c>cognito-identity.amazonaws.com</c>,
/// Action <c>sts:AssumeRoleWithWebIdentity</c>, StringEquals on the <c>aud</c> (the pool id) and ForAnyValue:StringLike
/// on the <c>amr</c> (<c>authenticated</c> or <c>unauthenticated</c>). The permissions are the console's defaults,
/// "access to Amazon Mobile Analytics and to Amazon Cognito Sync", and for authenticated users also
/// <c>cognito-identity:GetCredentialsForIdentity</c>.
/// </summary>
internal static class DefaultRolePolicies
{
    public const string Authenticated = "authenticated";
    public const string Unauthenticated = "unauthenticated";

    public static string Trust(string poolId, string amr) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Federated"] = "cognito-identity.amazonaws.com" },
            ["Action"] = "sts:AssumeRoleWithWebIdentity",
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["cognito-identity.amazonaws.com:aud"] = poolId },
                ["ForAnyValue:StringLike"] = new JsonObject { ["cognito-identity.amazonaws.com:amr"] = amr },
            },
        }),
    }.ToJsonString();

    public static string Permissions(string amr)
    {
        var actions = new JsonArray("mobileanalytics:PutEvents", "cognito-sync:*");
        if (amr == Authenticated)
        {
            actions.Add("cognito-identity:GetCredentialsForIdentity");
        }

        return new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = actions,
                ["Resource"] = new JsonArray("*"),
            }),
        }.ToJsonString();
    }
}
