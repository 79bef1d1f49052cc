namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The scope-down session policy of a guest's credentials. Cognito intersects an unauthenticated identity's role with
/// the AWS managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy (version v3, edited 2024-11-01, AWS Managed
/// Policy Reference), so that a broad guest role still reaches only these services (developer guide iam-roles.md,
/// "Access policies"). The action list is that policy's.
/// </summary>
internal static class GuestSessionPolicy
{
    public const string Document = """
        {"Version":"2012-10-17","Statement":[{"Sid":"CognitoUnAuthedIdentitiesSessionPolicy","Effect":"Allow","Action":[
        "rum:PutRumEvents","sagemaker:InvokeEndpoint","polly:*","comprehend:*","translate:*","transcribe:*",
        "rekognition:*","mobiletargeting:*","firehose:*","personalize:*","geo:GetMap*","geo:SearchPlaceIndex*",
        "geo:GetPlace","geo:CalculateRoute*","geo:*Geofence","geo:*Geofences","geo:*DevicePosition*","kms:Encrypt",
        "kms:Decrypt","kms:ReEncryptTo","kms:ReEncryptFrom","kms:GenerateDataKey","kms:GenerateDataKeyPair",
        "kms:GenerateDataKeyPairWithoutPlaintext","kms:GenerateDataKeyWithoutPlaintext"],"Resource":"*"}]}
        """;
}
