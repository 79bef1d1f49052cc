namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// What a handler returns: a response shape to serialize, or an <see cref="AwsError"/>. Only
/// <see cref="AwsResponseWriter"/> turns it into HTTP.
/// </summary>
internal sealed class AwsResult
{
    private AwsResult(object? body, Type? bodyType, AwsError? error)
    {
        Body = body;
        BodyType = bodyType;
        Error = error;
    }

    /// <summary>An output with no members: <c>{}</c>.</summary>
    public static AwsResult Empty { get; } = new(null, null, null);

    public object? Body { get; }

    public Type? BodyType { get; }

    public AwsError? Error { get; }

    public static AwsResult Ok<T>(T body)
        where T : class => new(body, typeof(T), null);

    public static AwsResult Fail(AwsError error) => new(null, null, error);

    public static implicit operator AwsResult(AwsError error) => Fail(error);
}
