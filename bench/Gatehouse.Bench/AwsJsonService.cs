using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Bench;

/// <summary>An AWS JSON 1.1 service: the X-Amz-Target prefix of its operations and its SigV4 signing name.</summary>
internal sealed record AwsJsonService(string TargetPrefix, string SigningName)
{
    public static readonly AwsJsonService UserPools = new(AwsOperationInventory.UserPoolsPrefix, "cognito-idp");

    public static readonly AwsJsonService IdentityPools = new(AwsOperationInventory.IdentityPoolsPrefix, "cognito-identity");
}
