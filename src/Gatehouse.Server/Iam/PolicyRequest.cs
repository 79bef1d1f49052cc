using System.Collections.Frozen;

namespace Gatehouse.Server.Iam;

/// <summary>
/// The request context a policy is evaluated against
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-reqcontext.html).
/// <see cref="Action"/> matches case-insensitively and <see cref="Resource"/> case-sensitively;
/// <see cref="Principal"/> is only looked at by trust (resource-based) policies.
/// </summary>
internal sealed class PolicyRequest
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoContext =
        new Dictionary<string, IReadOnlyList<string>>().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public required string Action { get; init; }

    public string Resource { get; init; } = "*";

    public PolicyPrincipal? Principal { get; init; }

    /// <summary>
    /// Condition keys to their values; a key that is absent, or has no values, is missing. Key names are
    /// case-insensitive in IAM (reference_policies_elements_condition.html), so a dictionary built with another
    /// comparer is copied into one that ignores case.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Context
    {
        get;
        init => field = IgnoringCase(value);
    } = NoContext;

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> IgnoringCase(
        IReadOnlyDictionary<string, IReadOnlyList<string>> context)
    {
        if (context is Dictionary<string, IReadOnlyList<string>> { Comparer: var comparer }
            && ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase))
        {
            return context;
        }

        if (context is FrozenDictionary<string, IReadOnlyList<string>> { Comparer: var frozen }
            && ReferenceEquals(frozen, StringComparer.OrdinalIgnoreCase))
        {
            return context;
        }

        // Keys that differ only in case collapse; the last one wins, as it would in a header collection.
        var copy = new Dictionary<string, IReadOnlyList<string>>(context.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in context)
        {
            copy[key] = values;
        }

        return copy;
    }
}
