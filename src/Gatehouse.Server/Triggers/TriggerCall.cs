using System.Text.Json.Nodes;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// What a trigger point hands the invoker: the parts of Cognito's event that differ per call. The invoker adds the
/// common envelope (version, region, userPoolId, callerContext). <see cref="UserName"/> null leaves
/// <c>userName</c> out, as Cognito does where it has no user yet; <see cref="ClientId"/> null sends Cognito's
/// <c>CLIENT_ID_NOT_APPLICABLE</c> (admin operations without a client). <see cref="Request"/> and
/// <see cref="Response"/> are sent as given, with the nulls Cognito sends (e.g. <c>autoConfirmUser: false</c>,
/// <c>claimsOverrideDetails: null</c>).
/// </summary>
internal sealed record TriggerCall(
    string TriggerSource, string? UserName, string? ClientId, JsonObject Request, JsonObject Response)
{
    /// <summary>The event's <c>version</c>: "1", or "2"/"3" for PreTokenGeneration V2_0/V3_0 events.</summary>
    public string Version { get; init; } = "1";

    /// <summary><c>callerContext.awsSdkVersion</c>; Cognito sends "aws-sdk-unknown-unknown" when it cannot tell.</summary>
    public string AwsSdkVersion { get; init; } = "aws-sdk-unknown-unknown";
}
