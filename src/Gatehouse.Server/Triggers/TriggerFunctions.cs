using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// Maps a function ARN of a pool's <c>LambdaConfig</c> to where it runs (<see cref="TriggersOptions"/>): an entry
/// naming the full ARN wins, then one naming the function's name, then the catch-all <c>LambdaEndpoint</c>. A
/// Lambda runtime is called as the Invoke API says: <c>POST {base}/2015-03-31/functions/{name}/invocations</c>,
/// with <c>?Qualifier=</c> for a version or alias ARN (<c>arn:aws:lambda:region:account:function:name[:qualifier]</c>).
/// </summary>
internal sealed class TriggerFunctions(IOptions<TriggersOptions> options)
{
    /// <summary>The target, or null when no setting names the function (Cognito cannot invoke it).</summary>
    public TriggerTarget? Resolve(string functionArn)
    {
        var (name, qualifier) = Parse(functionArn);
        var settings = options.Value;
        var entry = settings.Functions.FirstOrDefault(f => string.Equals(f.Function, functionArn, StringComparison.Ordinal))
            ?? settings.Functions.FirstOrDefault(f => string.Equals(f.Function, name, StringComparison.Ordinal));
        if (entry?.Url is { } url)
        {
            return new TriggerTarget(new Uri(url), LambdaApi: false);
        }

        return (entry?.LambdaEndpoint ?? settings.LambdaEndpoint) is { } endpoint
            ? new TriggerTarget(InvokeUrl(endpoint, name, qualifier), LambdaApi: true)
            : null;
    }

    private static Uri InvokeUrl(string endpoint, string name, string? qualifier)
    {
        var path = $"{endpoint.TrimEnd('/')}/2015-03-31/functions/{Uri.EscapeDataString(name)}/invocations";
        return new Uri(qualifier is null ? path : path + "?Qualifier=" + Uri.EscapeDataString(qualifier));
    }

    /// <summary>The function name and qualifier of an ARN; anything that is not a Lambda ARN is taken as a name.</summary>
    private static (string Name, string? Qualifier) Parse(string functionArn)
    {
        var parts = functionArn.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function"
            ? (parts[6], parts.Length > 7 && parts[7].Length > 0 ? parts[7] : null)
            : (functionArn, null);
    }
}
