using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>Settings of the AWS wire protocol, section <c>Gatehouse:AwsProtocol</c>.</summary>
internal sealed class AwsProtocolOptions
{
    public const string Section = "Gatehouse:AwsProtocol";

    /// <summary>How far a SigV4 <c>X-Amz-Date</c> may lie from the server clock (AWS: 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body accepted; Cognito's largest inputs are far below this.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
