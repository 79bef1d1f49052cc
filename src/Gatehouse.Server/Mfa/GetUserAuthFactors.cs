using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// GetUserAuthFactors: the caller's MFA settings and ConfiguredUserAuthFactors, the first factors it can sign in
/// with: PASSWORD when it has one, EMAIL_OTP / SMS_OTP when the pool's sign-in policy (AllowedFirstAuthFactors)
/// allows them and the user has the verified attribute. (Passkeys add WEB_AUTHN where they are registered.)
/// </summary>
internal sealed class GetUserAuthFactors(AccessTokenAuthenticator authenticator, UserMfaStore store)
    : IAwsHandler<GetUserAuthFactorsRequest>
{
    public async Task<AwsResult> HandleAsync(GetUserAuthFactorsRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var user = caller.User;
        var factors = await store.FactorsAsync(user, ct);
        return AwsResult.Ok(new GetUserAuthFactorsResponse
        {
            Username = user.Username,
            PreferredMfaSetting = factors.PreferredSetting(),
            UserMFASettingList = UserMfaShapes.SettingList(factors),
            ConfiguredUserAuthFactors = FirstFactors(PoolSettings.Read(caller.Pool), user),
        });
    }

    private static List<string> FirstFactors(PoolSettings pool, User user)
    {
        var allowed = pool.Type.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
        var attributes = UserRecordWriter.ReadAttributes(user);
        bool Verified(string name) =>
            attributes.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.Ordinal);
        var factors = new List<string>();
        if (user.PasswordVerifierProtected is not null)
        {
            factors.Add("PASSWORD");
        }

        if (allowed.Contains("EMAIL_OTP", StringComparer.Ordinal) && Verified(UserAttributeNames.EmailVerified))
        {
            factors.Add("EMAIL_OTP");
        }

        if (allowed.Contains("SMS_OTP", StringComparer.Ordinal) && Verified(UserAttributeNames.PhoneNumberVerified))
        {
            factors.Add("SMS_OTP");
        }

        return factors;
    }
}
