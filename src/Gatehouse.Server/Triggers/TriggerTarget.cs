namespace Gatehouse.Server.Triggers;

/// <summary>Where one call goes: <see cref="Url"/>, and whether it speaks the Lambda Invoke API or is an HTTP function.</summary>
internal sealed record TriggerTarget(Uri Url, bool LambdaApi);
