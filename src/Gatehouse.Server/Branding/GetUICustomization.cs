using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Branding;

/// <summary>
/// <c>GetUICustomization</c>: the client's own branding, else the pool's (ClientId <c>ALL</c>); with none set, an
/// object naming only the pool and the client asked about (the operation's documentation: "Returns an empty
/// object if you haven't applied hosted UI branding").
/// </summary>
internal sealed class GetUICustomization(AppDb db, UiCustomizationView view) : IAwsHandler<GetUICustomizationRequest>
{
    public async Task<AwsResult> HandleAsync(GetUICustomizationRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        var clientId = request.ClientId ?? UiCustomizationView.PoolLevel;
        if (!string.Equals(clientId, UiCustomizationView.PoolLevel, StringComparison.Ordinal)
            && await db.FindClientAsync(request.UserPoolId, clientId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(clientId));
        }

        var row = await UiCustomizationView.EffectiveAsync(db, request.UserPoolId, clientId, ct);
        return AwsResult.Ok(new GetUICustomizationResponse
        {
            UICustomization = row is null
                ? new UICustomizationType { UserPoolId = request.UserPoolId, ClientId = clientId }
                : view.Describe(row),
        });
    }
}
