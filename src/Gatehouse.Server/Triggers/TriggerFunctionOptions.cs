namespace Gatehouse.Server.Triggers;

/// <summary>One entry of <c>Gatehouse:Triggers:Functions</c>: a function and where it runs (exactly one of the two).</summary>
internal sealed class TriggerFunctionOptions
{
    /// <summary>The function's full ARN, or its name (which matches every ARN of that function name).</summary>
    public string Function { get; set; } = string.Empty;

    /// <summary>An HTTP(S) URL that takes the event JSON as a signed POST body and answers the event.</summary>
    public string? Url { get; set; }

    /// <summary>A Lambda-compatible runtime's invoke API base URL.</summary>
    public string? LambdaEndpoint { get; set; }
}
