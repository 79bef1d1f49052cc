using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Sts;
using Gatehouse.Server.Iam;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Sts;

/// <summary>
/// STS <c>GetCallerIdentity</c>: who signed the request (<see cref="SigV4Caller"/>). Temporary credentials answer
/// the assumed-role ARN and <c>aws:userid</c> <c>&lt;RoleId&gt;:&lt;session name&gt;</c>. An admin access key stands
/// for the whole account, so it answers as the account's root user: <c>arn:aws:iam::&lt;account&gt;:root</c> with
/// UserId = the account id (the IAM <c>aws:userid</c> convention for root, IAM User Guide
/// reference_policies_variables.html "Information available in all requests").
/// </summary>
internal sealed class GetCallerIdentity(IHttpContextAccessor http, IOptions<InstanceOptions> instance)
    : IAwsHandler<GetCallerIdentityRequest>
{
    public Task<AwsResult> HandleAsync(GetCallerIdentityRequest request, CancellationToken ct)
    {
        var account = instance.Value.AccountId;
        // The dispatcher verified the signature before this handler runs; it leaves the caller in the features.
        var caller = http.HttpContext?.Features.Get<SigV4Caller>()
            ?? throw new InvalidOperationException("GetCallerIdentity ran without a verified SigV4 caller.");
        var response = caller.Session is { } session
            ? new GetCallerIdentityResponse
            {
                UserId = $"{session.RoleId}:{session.SessionName}",
                Account = account,
                Arn = IamArns.AssumedRole(account, session.RoleName, session.SessionName),
            }
            : new GetCallerIdentityResponse { UserId = account, Account = account, Arn = $"arn:aws:iam::{account}:root" };
        return Task.FromResult(AwsResult.Ok(response));
    }
}
