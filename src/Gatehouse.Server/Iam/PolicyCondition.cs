namespace Gatehouse.Server.Iam;

/// <summary>
/// One condition key under one operator, with its values compiled. Values under one key are OR'ed; the statement
/// ANDs all of its conditions (reference_policies_elements_condition.html, "The condition block").
/// </summary>
/// <remarks>
/// How request values meet the operator (reference_policies_condition-single-vs-multi-valued-context-keys.html and
/// reference_policies_multi-value-conditions.html):
/// <list type="bullet">
/// <item>Key absent (or no values): true with IfExists; Null looks only at this; ForAllValues is true (an empty set
/// satisfies "all"); ForAnyValue is false; without a set operator a negated operator is true ("If the key that you
/// specify ... is not present ... the condition is true" for StringNotLike, ArnNotLike and the like) and any other is
/// false.</item>
/// <item>Key present: one request value passes when it matches some policy value (a negated operator: matches none).
/// ForAllValues needs every request value to pass; ForAnyValue needs one. Without a set operator the key is treated
/// as ForAnyValue, so a multivalued key matches if any of its values does; for a single value the two agree.</item>
/// <item>A request value of the wrong type (a number operator given "abc") passes neither the operator nor its
/// negation, nor does one whose policy values hold an unresolvable variable.</item>
/// </list>
/// </remarks>
internal sealed class PolicyCondition
{
    private readonly PolicyOperator op;

    private readonly PolicyValueMatcher? matcher;

    private readonly bool whenAbsent;

    // Null operator only: what a present key yields.
    private readonly bool whenPresent;

    private PolicyCondition(
        string key, PolicyOperator op, PolicyValueMatcher? matcher, bool whenAbsent, bool whenPresent)
    {
        Key = key;
        this.op = op;
        this.matcher = matcher;
        this.whenAbsent = whenAbsent;
        this.whenPresent = whenPresent;
    }

    public string Key { get; }

    public static PolicyCondition Compile(string key, PolicyOperator op, IReadOnlyList<string> values, bool variables)
    {
        if (op.Comparison == PolicyComparison.Null)
        {
            // "true": the key must be absent; "false": it must be present. Other values never match.
            var absent = values.Any(v => bool.TryParse(v, out var b) && b);
            var present = values.Any(v => bool.TryParse(v, out var b) && !b);
            return new PolicyCondition(key, op, null, absent, present);
        }

        var whenAbsent = op.IfExists || op.Set switch
        {
            PolicySetQualifier.ForAllValues => true,
            PolicySetQualifier.ForAnyValue => false,
            _ => op.Negated,
        };
        var matcher = PolicyConditionValues.Compile(op.Comparison, values, variables);
        return new PolicyCondition(key, op, matcher, whenAbsent, false);
    }

    public bool IsSatisfied(PolicyRequest request)
    {
        if (!request.Context.TryGetValue(Key, out var values) || values.Count == 0)
        {
            return whenAbsent;
        }

        if (matcher is not { } test)
        {
            return whenPresent;
        }

        // ForAllValues stops at the first value that fails, any other form at the first that passes.
        var all = op.Set == PolicySetQualifier.ForAllValues;
        for (var i = 0; i < values.Count; i++)
        {
            var passes = test(values[i], request) == !op.Negated;
            if (passes != all)
            {
                return passes;
            }
        }

        return all;
    }
}
