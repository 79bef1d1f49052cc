using System.Security.Cryptography;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Identifier shapes as Cognito issues them, because SDKs and libraries parse them: a pool id is
/// <c>{region}_{9 letters and digits}</c> (the region is read back out of it), an app client id is 26 lower-case
/// letters and digits, an app client secret 51 of them.
/// </summary>
internal static class UserPoolIds
{
    public const int PoolSuffixLength = 9;
    public const int ClientIdLength = 26;
    public const int ClientSecretLength = 51;

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewPoolId(string region) =>
        region + "_" + RandomNumberGenerator.GetString(Alphanumeric, PoolSuffixLength);

    public static string NewClientId() => RandomNumberGenerator.GetString(LowerAlphanumeric, ClientIdLength);

    public static string NewClientSecret() => RandomNumberGenerator.GetString(LowerAlphanumeric, ClientSecretLength);

    public static string PoolArn(string region, string accountId, string poolId) =>
        $"arn:aws:cognito-idp:{region}:{accountId}:userpool/{poolId}";
}
