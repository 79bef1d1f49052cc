using System.Text.Json;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// One built operation: its target (<c>AWSCognitoIdentityProviderService.CreateUserPool</c>), the model
/// shape of its input, and how to call its handler with a parsed body.
/// </summary>
internal sealed record AwsOperation(
    string Target,
    Func<IServiceProvider, JsonElement, CancellationToken, Task<AwsResult>> Invoke);
