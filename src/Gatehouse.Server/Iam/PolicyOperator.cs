using System.Diagnostics.CodeAnalysis;

namespace Gatehouse.Server.Iam;

/// <summary>
/// A condition operator name taken apart: <c>ForAllValues:StringNotLikeIfExists</c> is
/// (<see cref="PolicyComparison.StringLike"/>, negated, IfExists, ForAllValues)
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
/// </summary>
internal sealed record PolicyOperator(PolicyComparison Comparison, bool Negated, bool IfExists, PolicySetQualifier Set)
{
    private const string IfExistsSuffix = "IfExists";

    private static readonly Dictionary<string, (PolicyComparison Comparison, bool Negated)> Names =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["StringEquals"] = (PolicyComparison.StringEquals, false),
            ["StringNotEquals"] = (PolicyComparison.StringEquals, true),
            ["StringEqualsIgnoreCase"] = (PolicyComparison.StringEqualsIgnoreCase, false),
            ["StringNotEqualsIgnoreCase"] = (PolicyComparison.StringEqualsIgnoreCase, true),
            ["StringLike"] = (PolicyComparison.StringLike, false),
            ["StringNotLike"] = (PolicyComparison.StringLike, true),
            ["NumericEquals"] = (PolicyComparison.NumericEquals, false),
            ["NumericNotEquals"] = (PolicyComparison.NumericEquals, true),
            ["NumericLessThan"] = (PolicyComparison.NumericLessThan, false),
            ["NumericLessThanEquals"] = (PolicyComparison.NumericLessThanEquals, false),
            ["NumericGreaterThan"] = (PolicyComparison.NumericGreaterThan, false),
            ["NumericGreaterThanEquals"] = (PolicyComparison.NumericGreaterThanEquals, false),
            ["DateEquals"] = (PolicyComparison.DateEquals, false),
            ["DateNotEquals"] = (PolicyComparison.DateEquals, true),
            ["DateLessThan"] = (PolicyComparison.DateLessThan, false),
            ["DateLessThanEquals"] = (PolicyComparison.DateLessThanEquals, false),
            ["DateGreaterThan"] = (PolicyComparison.DateGreaterThan, false),
            ["DateGreaterThanEquals"] = (PolicyComparison.DateGreaterThanEquals, false),
            ["Bool"] = (PolicyComparison.Bool, false),
            ["BinaryEquals"] = (PolicyComparison.BinaryEquals, false),
            ["IpAddress"] = (PolicyComparison.IpAddress, false),
            ["NotIpAddress"] = (PolicyComparison.IpAddress, true),
            // ArnEquals and ArnLike are one test: "each of the six colon-delimited components of the ARN is checked
            // separately and each can include multi-character match wildcards (*) or single-character match
            // wildcards (?)" (condition operators page, "Amazon Resource Name (ARN) condition operators").
            ["ArnEquals"] = (PolicyComparison.Arn, false),
            ["ArnLike"] = (PolicyComparison.Arn, false),
            ["ArnNotEquals"] = (PolicyComparison.Arn, true),
            ["ArnNotLike"] = (PolicyComparison.Arn, true),
            ["Null"] = (PolicyComparison.Null, false),
        };

    /// <summary>
    /// Names are matched ignoring case, like condition key names; IAM's own spelling is the table's.
    /// </summary>
    public static bool TryParse(string name, [NotNullWhen(true)] out PolicyOperator? result)
    {
        result = null;
        var set = PolicySetQualifier.None;
        var rest = name.AsSpan();
        if (rest.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase))
        {
            set = PolicySetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            set = PolicySetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }

        var ifExists = rest.Length > IfExistsSuffix.Length
            && rest.EndsWith(IfExistsSuffix, StringComparison.OrdinalIgnoreCase);
        if (ifExists)
        {
            rest = rest[..^IfExistsSuffix.Length];
        }

        if (!Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(rest, out var entry))
        {
            return false;
        }

        // "You can add IfExists to the end of any condition operator name except the Null condition"; a set
        // operator on Null has nothing to range over, as Null looks only at whether the key is there.
        if (entry.Comparison == PolicyComparison.Null && (ifExists || set != PolicySetQualifier.None))
        {
            return false;
        }

        result = new PolicyOperator(entry.Comparison, entry.Negated, ifExists, set);
        return true;
    }
}
