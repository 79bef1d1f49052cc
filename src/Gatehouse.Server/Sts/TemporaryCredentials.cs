namespace Gatehouse.Server.Sts;

/// <summary>Temporary credentials as STS and GetCredentialsForIdentity return them.</summary>
internal sealed record TemporaryCredentials(
    string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);
