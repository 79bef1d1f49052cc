using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// Where trigger functions run, section <c>Gatehouse:Triggers</c> (docs/triggers.md). A pool's <c>LambdaConfig</c>
/// names functions by ARN; each entry of <see cref="Functions"/> maps one (by full ARN or by function name) to an
/// HTTP(S) URL that takes the event as a signed POST, or to the invoke API of a Lambda-compatible runtime.
/// <see cref="LambdaEndpoint"/> catches every function no entry names. Configuration keys cannot hold an ARN (its
/// colons are the key separator), hence a list: <c>Gatehouse__Triggers__Functions__0__Function</c>.
/// </summary>
internal sealed class TriggersOptions
{
    public const string Section = "Gatehouse:Triggers";

    /// <summary>Cognito waits 5 seconds for a function, then answers UnexpectedLambdaException.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>Larger answers are refused (Lambda's own cap on a synchronous answer is 6 MB).</summary>
    [Range(1024, 6 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The HMAC-SHA256 key that signs calls to HTTP functions (<see cref="TriggerSignature"/>).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The invoke API base URL (e.g. <c>http://127.0.0.1:9001</c>) for functions no entry names.</summary>
    public string? LambdaEndpoint { get; set; }

    public List<TriggerFunctionOptions> Functions { get; set; } = [];

    /// <summary>The explicit checks start-up runs besides the data annotations; null when the settings hold.</summary>
    public string? Problem()
    {
        if (LambdaEndpoint is not null && !IsHttpUrl(LambdaEndpoint))
        {
            return "Gatehouse:Triggers:LambdaEndpoint must be an absolute http(s) URL.";
        }

        foreach (var function in Functions)
        {
            if (string.IsNullOrWhiteSpace(function.Function))
            {
                return "Every Gatehouse:Triggers:Functions entry needs Function (a function name or ARN).";
            }

            if ((function.Url is null) == (function.LambdaEndpoint is null))
            {
                return $"Trigger function {function.Function}: set exactly one of Url and LambdaEndpoint.";
            }

            if (!IsHttpUrl(function.Url ?? function.LambdaEndpoint!))
            {
                return $"Trigger function {function.Function}: the URL must be an absolute http(s) URL.";
            }

            if (function.Url is not null && (SigningKey is null || SigningKey.Length < TriggerSignature.MinKeyLength))
            {
                return "Gatehouse:Triggers:SigningKey (at least 32 characters) signs the calls to HTTP functions; "
                    + $"set it to call {function.Function} at a URL.";
            }
        }

        return null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
