using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// VerifyUserAttribute: the caller (by access token) presents the code sent to its email or phone_number. The code
/// is checked (attempts counted, expiry, mismatch: <see cref="VerificationCodes"/>), then <c>&lt;attr&gt;_verified</c>
/// becomes true (a new value waiting in <see cref="User.PendingAttributes"/> takes effect first) and the code is consumed in the same transaction, so it verifies exactly once. A verified email or
/// phone that is a sign-in alias of the pool must be unique: held by another user → AliasExistsException.
/// </summary>
internal sealed class VerifyUserAttribute(
    AppDb db,
    AccessTokenAuthenticator authenticator,
    VerificationCodes codes,
    TimeProvider clock,
    ILogger<VerifyUserAttribute> logger) : IAwsHandler<VerifyUserAttributeRequest>
{
    public async Task<AwsResult> HandleAsync(VerifyUserAttributeRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var name = request.AttributeName;
        if (AttributeVerification.CheckVerifiable(name) is { } nameError)
        {
            return nameError;
        }

        var user = caller.User;
        var attributes = UserRecordWriter.ReadAttributes(user);
        var pending = PendingAttributeValues.Read(user);
        if (!attributes.ContainsKey(name) && !pending.ContainsKey(name))
        {
            return AwsError.InvalidParameter(SelfServiceMessages.NoAttributeValue(name));
        }

        var check = await codes.CheckAsync(user, CodePurposes.VerifyAttribute(name), request.Code, ct);
        if (check.Code is not { } code)
        {
            return check.Error ?? AwsError.CodeMismatch(SelfServiceMessages.CodeMismatch);
        }

        if (pending.Remove(name, out var newValue))
        {
            // The code was sent to the value waiting for verification, which now takes effect.
            attributes[name] = newValue;
            PendingAttributeValues.Write(user, pending);
        }

        // CheckVerifiable admitted only email and phone_number, which have a verified flag.
        attributes[UserAttributeEdits.VerifiedFlagOf(name)!] = "true";
        var settings = PoolSettings.Read(caller.Pool);
        var now = clock.GetUtcNow();
        if (await AliasConflicts.ResolveAsync(db, settings, AliasKeys.From(settings, attributes), user.Id,
                force: false, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        UserRecordWriter.Write(user, settings, attributes, now);
        try
        {
            if (!await codes.ConsumeAndSaveAsync(code, ct))
            {
                // A parallel request with the same code verified the attribute first.
                return AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode);
            }
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another user took the alias between the check above and this write; the code stays unused.
            return AwsError.AliasExists(UserMessages.AliasTaken);
        }

        Log.AttributeVerified(logger, settings.Pool.Id, user.Sub, name);
        return AwsResult.Ok(new VerifyUserAttributeResponse());
    }
}
