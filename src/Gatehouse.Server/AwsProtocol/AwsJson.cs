using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.AwsProtocol.Shapes.Sts;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The serializer options for AWS JSON bodies: the source-generated context of the model shapes, wire names
/// unchanged, nulls omitted, timestamps as epoch seconds.
/// </summary>
internal static class AwsJson
{
    public static JsonSerializerOptions Options { get; } = new(CognitoIdpJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(
            CognitoIdpJsonContext.Default, CognitoIdentityJsonContext.Default, IamJsonContext.Default, StsJsonContext.Default),
    };
}
