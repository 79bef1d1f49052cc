using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

/// <summary>Which MFA configurations Cognito accepts: ON or OPTIONAL needs at least one factor turned on.</summary>
internal static class UserPoolMfaRules
{
    public static bool AnyFactorOn(GetUserPoolMfaConfigResponse factors) =>
        factors.SmsMfaConfiguration is not null
        || factors.SoftwareTokenMfaConfiguration?.Enabled == true
        || factors.EmailMfaConfiguration is not null;

    public static AwsError? Check(string mfaConfiguration, GetUserPoolMfaConfigResponse factors) =>
        string.Equals(mfaConfiguration, UserPoolConfig.MfaOff, StringComparison.Ordinal) || AnyFactorOn(factors)
            ? null
            : AwsError.InvalidParameter(UserPoolMessages.MfaNeedsFactor);
}
