using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// UpdateUserAttributes: the caller (by access token) sets (or, with a blank value, deletes) its attributes. The
/// token's app client must be allowed to write each of them (WriteAttributes; NotAuthorizedException otherwise);
/// schema, mutability and format rules are AdminUpdateUserAttributes' (<see cref="UserAttributeEdits"/>). A
/// changed email or phone_number becomes unverified, any code sent for its old value stops working, and, when the
/// pool verifies that attribute automatically (AutoVerifiedAttributes), a VERIFY_ATTRIBUTE code is sent to the new
/// value and listed in CodeDeliveryDetailsList. ClientMetadata feeds Lambda triggers, which this server does not run.
/// </summary>
internal sealed class UpdateUserAttributes(
    AppDb db, AccessTokenAuthenticator authenticator, AttributeVerification verification, TimeProvider clock)
    : IAwsHandler<UpdateUserAttributesRequest>
{
    private static readonly string[] Verifiable = [UserAttributeNames.Email, UserAttributeNames.PhoneNumber];

    public async Task<AwsResult> HandleAsync(UpdateUserAttributesRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        if (await SelfServiceClient.LoadAsync(db, caller.ClientId, ct) is not { } client)
        {
            return AwsError.NotAuthorized(TokensMessages.InvalidAccessToken);
        }

        if (client.CheckWritable(request.UserAttributes) is { } writeError)
        {
            return writeError;
        }

        var settings = client.Pool;
        var user = caller.User;
        var before = UserRecordWriter.ReadAttributes(user);
        var attributes = new Dictionary<string, string>(before, StringComparer.Ordinal);
        if ((UserAttributeEdits.Apply(settings, attributes, request.UserAttributes, creating: false)
                ?? UserAttributeEdits.CheckVerifiedNeedsValue(attributes)) is { } editError)
        {
            return editError;
        }

        var now = clock.GetUtcNow();
        if (await AliasConflicts.ResolveAsync(db, settings, AliasKeys.From(settings, attributes), user.Id,
                force: false, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        UserRecordWriter.Write(user, settings, attributes, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another request took the alias between the check above and this write.
            return AwsError.AliasExists(UserMessages.AliasTaken);
        }

        var deliveries = new List<CodeDeliveryDetailsType>();
        foreach (var name in Verifiable.Where(n => Changed(before, attributes, n)))
        {
            if (attributes.TryGetValue(name, out var value) && !IsVerified(attributes, name) && AutoVerified(settings, name))
            {
                // Issuing replaces the code sent for the old value.
                deliveries.Add(await verification.SendCodeAsync(settings, user, name, value, ct));
            }
            else
            {
                var purpose = CodePurposes.VerifyAttribute(name);
                await db.VerificationCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose).ExecuteDeleteAsync(ct);
            }
        }

        return AwsResult.Ok(new UpdateUserAttributesResponse
        {
            CodeDeliveryDetailsList = deliveries.Count > 0 ? deliveries : null,
        });
    }

    private static bool Changed(Dictionary<string, string> before, Dictionary<string, string> after, string name) =>
        !string.Equals(before.GetValueOrDefault(name), after.GetValueOrDefault(name), StringComparison.Ordinal);

    private static bool IsVerified(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(UserAttributeEdits.VerifiedFlagOf(name) ?? "", out var flag)
        && string.Equals(flag, "true", StringComparison.Ordinal);

    private static bool AutoVerified(PoolSettings settings, string name) =>
        (settings.Type.AutoVerifiedAttributes ?? []).Contains(name, StringComparer.Ordinal);
}
