using System.Text.Json;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// <c>POST /gatehouse/mfa/recovery-codes</c> with <c>Authorization: Bearer &lt;access token&gt;</c> (the same
/// checks as the self-service operations): a new set of <see cref="RecoveryCodes.Count"/> one-time recovery
/// codes for the caller, replacing the old set, answered once as <c>{"RecoveryCodes": [...]}</c> with
/// <c>Cache-Control: no-store</c>. Not a Cognito operation (docs/mfa.md). Only a bearer header authorizes it, no
/// cookie, so a cross-site form cannot call it. A refused token answers 401 with the AWS error shape.
/// </summary>
internal static class RecoveryCodesEndpoint
{
    public const string Route = "/gatehouse/mfa/recovery-codes";
    private const string BearerPrefix = "Bearer ";

    public static async Task<IResult> GenerateAsync(HttpContext context, AccessTokenAuthenticator authenticator,
        RecoveryCodes codes, ILogger<RecoveryCodes> logger, CancellationToken ct)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : "";
        var (caller, error) = await authenticator.AuthenticateAsync(token, ct);
        context.Response.Headers.CacheControl = "no-store";
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            // AuthenticateAsync returns an error whenever it returns no caller.
            return Results.Json(new Dictionary<string, string> { ["__type"] = error!.Type, ["message"] = error.Message },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var generated = await codes.GenerateAsync(caller.User.Id, ct);
        Log.RecoveryCodesGenerated(logger, caller.Pool.Id, caller.User.Sub);
        return Results.Text(JsonSerializer.Serialize(new RecoveryCodesResponse(generated), MfaJsonContext.Default.RecoveryCodesResponse),
            "application/json");
    }
}
