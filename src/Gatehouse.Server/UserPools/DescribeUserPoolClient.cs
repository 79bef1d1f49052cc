using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

internal sealed class DescribeUserPoolClient(AppDb db, SecretProtector protector)
    : IAwsHandler<DescribeUserPoolClientRequest>
{
    public async Task<AwsResult> HandleAsync(DescribeUserPoolClientRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await db.FindClientAsync(request.UserPoolId, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        // DescribeUserPoolClient is the one place (with Create) that returns the secret, to IAM-signed callers.
        var secret = AppClientSecret.Reveal(protector, client);
        return AwsResult.Ok(new DescribeUserPoolClientResponse { UserPoolClient = UserPoolView.DescribeClient(client, secret) });
    }
}
