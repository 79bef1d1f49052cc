using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>GetCSVHeader: the header row an import file of this pool must have (<see cref="UserImportHeader"/>).</summary>
internal sealed class GetCSVHeader(AppDb db) : IAwsHandler<GetCSVHeaderRequest>
{
    public async Task<AwsResult> HandleAsync(GetCSVHeaderRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        return AwsResult.Ok(new GetCSVHeaderResponse
        {
            UserPoolId = settings.Pool.Id,
            CSVHeader = UserImportHeader.Expected(settings),
        });
    }
}
