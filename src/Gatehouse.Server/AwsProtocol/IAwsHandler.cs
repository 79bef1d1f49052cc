namespace Gatehouse.Server.AwsProtocol;

/// <summary>The handler of one AWS JSON operation; its request arrives validated against the model.</summary>
internal interface IAwsHandler<in TRequest>
{
    Task<AwsResult> HandleAsync(TRequest request, CancellationToken ct);
}
