using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// The MFA members of GetUser and AdminGetUser: UserMFASettingList (the factors turned on), PreferredMfaSetting
/// and the legacy MFAOptions (SMS to phone_number when SMS is on). Each is omitted when empty, as Cognito omits
/// them for a user without MFA.
/// </summary>
internal static class UserMfaShapes
{
    public static IReadOnlyList<string>? SettingList(MfaUserFactors user) =>
        user.EnabledList() is { Count: > 0 } list ? list : null;

    public static IReadOnlyList<MFAOptionType>? Options(MfaUserFactors user) =>
        user.Enabled(MfaFactors.Sms) ? [new MFAOptionType { DeliveryMedium = "SMS", AttributeName = "phone_number" }] : null;
}
