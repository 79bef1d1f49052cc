namespace Gatehouse.Server.Iam;

/// <summary>
/// An ArnEquals/ArnLike value. "Each of the six colon-delimited components of the ARN is checked separately"
/// (reference_policies_elements_condition_operators.html, ARN operators), so a <c>*</c> in the region never
/// swallows the account. The policy value is split at its first five colons (colons inside <c>${...}</c>, as in
/// <c>${aws:username}</c>, do not count); the request ARN is split into as many parts, the last taking the rest,
/// so a short pattern such as <c>arn:aws:sns:*</c> leaves its last wildcard to cover the remaining parts.
/// </summary>
internal sealed class PolicyArnPattern
{
    private const int ArnParts = 6;

    private readonly PolicyPattern[] parts;

    private PolicyArnPattern(PolicyPattern[] parts) => this.parts = parts;

    public static PolicyArnPattern Compile(string text, PolicyPatternOptions options)
    {
        var parts = new List<PolicyPattern>(ArnParts);
        var variables = options.HasFlag(PolicyPatternOptions.Variables);
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length && parts.Count < ArnParts - 1; i++)
        {
            if (variables && text.AsSpan(i).StartsWith("${", StringComparison.Ordinal))
            {
                depth++;
            }
            else if (text[i] == '}' && depth > 0)
            {
                depth--;
            }
            else if (text[i] == ':' && depth == 0)
            {
                parts.Add(PolicyPattern.Compile(text[start..i], options));
                start = i + 1;
            }
        }

        parts.Add(PolicyPattern.Compile(text[start..], options));
        return new PolicyArnPattern([.. parts]);
    }

    /// <summary>
    /// True if any pattern matches; else null if the value is no ARN or a variable could not be resolved; else false.
    /// </summary>
    public static bool? MatchAny(ReadOnlySpan<PolicyArnPattern> patterns, string arn, PolicyRequest request)
    {
        bool? result = false;
        foreach (var pattern in patterns)
        {
            switch (pattern.Match(arn, request))
            {
                case true:
                    return true;
                case null:
                    result = null;
                    break;
            }
        }

        return result;
    }

    private bool? Match(ReadOnlySpan<char> arn, PolicyRequest request)
    {
        bool? result = true;
        for (var i = 0; i < parts.Length; i++)
        {
            var colon = i == parts.Length - 1 ? arn.Length : arn.IndexOf(':');
            if (colon < 0)
            {
                // Fewer parts than the pattern: not an ARN, so neither ArnLike nor ArnNotLike holds.
                return null;
            }

            switch (parts[i].Match(arn[..colon], request))
            {
                case false:
                    return false;
                case null:
                    result = null;
                    break;
            }

            arn = colon < arn.Length ? arn[(colon + 1)..] : [];
        }

        return result;
    }
}
