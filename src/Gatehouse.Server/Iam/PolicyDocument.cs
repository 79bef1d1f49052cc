using System.Text.Json;

namespace Gatehouse.Server.Iam;

/// <summary>
/// An IAM JSON policy, parsed, validated and compiled once. Immutable: one instance serves any number of concurrent
/// evaluations (<see cref="PolicyEvaluator"/>).
/// </summary>
internal sealed class PolicyDocument
{
    public const string Version2012 = "2012-10-17";

    public const string Version2008 = "2008-10-17";

    // Strict JSON, as IAM reads it: no comments, no trailing commas, and a repeated key is an error rather than
    // last-one-wins, so a document cannot say one thing to a reviewer and another to the evaluator.
    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public PolicyDocument(string version, string? id, PolicyStatement[] statements)
    {
        Version = version;
        Id = id;
        Statements = statements.AsReadOnly();
    }

    /// <summary>
    /// <c>2012-10-17</c>, or <c>2008-10-17</c> when the document has none; only 2012-10-17 substitutes policy
    /// variables (reference_policies_elements_version.html).
    /// </summary>
    public string Version { get; }

    public string? Id { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>
    /// Parses and validates <paramref name="json"/> for <paramref name="kind"/>. On failure returns null and, in
    /// <paramref name="error"/>, the message IAM gives with <c>MalformedPolicyDocument</c>. Size limits (6,144
    /// characters for a managed policy, 2,048 for a trust or session policy) are the caller's: IAM reports them as
    /// <c>LimitExceeded</c>, not as a malformed document.
    /// </summary>
    public static PolicyDocument? Parse(string json, PolicyKind kind, out string? error)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException)
        {
            error = PolicyMessages.Syntax;
            return null;
        }

        using (parsed)
        {
            return PolicyParser.Parse(parsed.RootElement, kind, out error);
        }
    }
}
