using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Sts;

/// <summary>A role assumed: the role, its ARN and the credentials minted for the session.</summary>
internal sealed record AssumedRole(IamRole Role, string RoleArn, TemporaryCredentials Credentials);
