using System.Text.Json;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Validates a parsed JSON document against the policy grammar for its <see cref="PolicyKind"/> and compiles it
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). One parser per document; the
/// first failure wins and becomes the <c>MalformedPolicyDocument</c> message. Checks run document first, then each
/// statement in order: Sid, Effect, the Action pair, the Principal and Resource pairs, then their values and the
/// conditions.
/// </summary>
internal sealed class PolicyParser
{
    private static readonly string[] StatementElements =
        ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];

    private readonly PolicyKind kind;

    private string? error;

    private PolicyParser(PolicyKind kind) => this.kind = kind;

    public static PolicyDocument? Parse(JsonElement root, PolicyKind kind, out string? error)
    {
        var parser = new PolicyParser(kind);
        var document = parser.ParseDocument(root);
        error = parser.error;
        return document;
    }

    /// <summary>Version, Id and Statement are the only top-level elements (reference_policies_elements.html).</summary>
    private PolicyDocument? ParseDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail<PolicyDocument>(PolicyMessages.Syntax);
        }

        JsonElement? version = null, id = null, statement = null;
        foreach (var element in root.EnumerateObject())
        {
            switch (element.Name)
            {
                case "Version": version = element.Value; break;
                case "Id": id = element.Value; break;
                case "Statement": statement = element.Value; break;
                default: return Fail<PolicyDocument>(PolicyMessages.Syntax);
            }
        }

        if (ReadVersion(version) is not { } versionText)
        {
            return null;
        }

        if (id is { ValueKind: not JsonValueKind.String })
        {
            return Fail<PolicyDocument>(PolicyMessages.Syntax);
        }

        if (statement is not { } statements)
        {
            return Fail<PolicyDocument>(PolicyMessages.MissingField("Statement"));
        }

        var variables = string.Equals(versionText, PolicyDocument.Version2012, StringComparison.Ordinal);
        return ParseStatements(statements, variables) is { } compiled
            ? new PolicyDocument(versionText, id?.GetString(), compiled)
            : null;
    }

    /// <summary>
    /// Without a Version, IAM uses 2008-10-17, under which "${...}" is plain text
    /// (reference_policies_elements_version.html).
    /// </summary>
    private string? ReadVersion(JsonElement? version)
    {
        if (version is not { } element)
        {
            return PolicyDocument.Version2008;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(PolicyMessages.Syntax);
        }

        return element.GetString() is PolicyDocument.Version2012 or PolicyDocument.Version2008
            ? element.GetString()
            : Fail<string>(PolicyMessages.LegacyParsing);
    }

    /// <summary>Statement is one object or a non-empty array of them; Sids are unique within a policy.</summary>
    private PolicyStatement[]? ParseStatements(JsonElement element, bool variables)
    {
        JsonElement[] items = element.ValueKind switch
        {
            JsonValueKind.Object => [element],
            JsonValueKind.Array => [.. element.EnumerateArray()],
            _ => [],
        };
        if (items.Length == 0)
        {
            return Fail<PolicyStatement[]>(PolicyMessages.Syntax);
        }

        var statements = new PolicyStatement[items.Length];
        var sids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            if (ParseStatement(items[i], variables) is not { } statement)
            {
                return null;
            }

            if (statement.Sid is { Length: > 0 } sid && !sids.Add(sid))
            {
                return Fail<PolicyStatement[]>(PolicyMessages.SidNotUnique);
            }

            statements[i] = statement;
        }

        return statements;
    }

    private PolicyStatement? ParseStatement(JsonElement element, bool variables)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail<PolicyStatement>(PolicyMessages.Syntax);
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in element.EnumerateObject())
        {
            if (!StatementElements.Contains(field.Name, StringComparer.Ordinal))
            {
                return Fail<PolicyStatement>(PolicyMessages.Syntax);
            }

            fields[field.Name] = field.Value;
        }

        if (PolicyShape.Check(fields, kind) is { } message)
        {
            return Fail<PolicyStatement>(message);
        }

        return BuildStatement(fields, variables);
    }

    /// <summary>Compiles a statement whose shape <see cref="PolicyShape"/> has accepted.</summary>
    private PolicyStatement? BuildStatement(Dictionary<string, JsonElement> fields, bool variables)
    {
        // Each reader records only the first failure, so reading on after one changes nothing.
        var notAction = !fields.ContainsKey("Action");
        var actions = ReadActions(fields[notAction ? "NotAction" : "Action"]);
        var notResource = fields.ContainsKey("NotResource");
        var resources = kind == PolicyKind.Trust
            ? null
            : ReadResources(fields[notResource ? "NotResource" : "Resource"], variables);
        var notPrincipal = fields.ContainsKey("NotPrincipal");
        var principals = kind == PolicyKind.Trust
            ? ReadPrincipals(fields[notPrincipal ? "NotPrincipal" : "Principal"])
            : null;
        var conditions = fields.TryGetValue("Condition", out var condition) ? ReadConditions(condition, variables) : [];
        if (error is not null || actions is null || conditions is null)
        {
            return null;
        }

        var effect = fields["Effect"].ValueEquals("Deny") ? PolicyEffect.Deny : PolicyEffect.Allow;
        var sid = fields.TryGetValue("Sid", out var sidElement) ? sidElement.GetString() : null;
        return new PolicyStatement(
            sid, effect, (actions, notAction), (resources, notResource), (principals, notPrincipal), conditions);
    }

    /// <summary>
    /// "*" or <c>vendor:action</c>, matched ignoring case (reference_policies_elements_action.html); a trust policy
    /// grants only STS actions.
    /// </summary>
    private PolicyPattern[]? ReadActions(JsonElement element)
    {
        if (PolicyStrings.Read(element) is not { } texts)
        {
            return Fail<PolicyPattern[]>(PolicyMessages.Syntax);
        }

        if (texts.Length == 0)
        {
            return Fail<PolicyPattern[]>(
                kind == PolicyKind.Trust ? PolicyMessages.MissingField("Action") : PolicyMessages.MustContainActions);
        }

        foreach (var text in texts.Where(t => t is not "*"))
        {
            if (text.IndexOf(':', StringComparison.Ordinal) <= 0)
            {
                return Fail<PolicyPattern[]>(PolicyMessages.VendorRequired);
            }

            if (kind == PolicyKind.Trust && !text.StartsWith("sts:", StringComparison.OrdinalIgnoreCase))
            {
                return Fail<PolicyPattern[]>(PolicyMessages.TrustActionsOnlySts);
            }
        }

        var options = PolicyPatternOptions.Wildcards | PolicyPatternOptions.IgnoreCase;
        return [.. texts.Select(t => PolicyPattern.Compile(t, options))];
    }

    /// <summary>
    /// "*" or an ARN, which has six colon-separated parts (reference_policies_elements_resource.html).
    /// </summary>
    private PolicyPattern[]? ReadResources(JsonElement element, bool variables)
    {
        if (PolicyStrings.Read(element) is not { } texts)
        {
            return Fail<PolicyPattern[]>(PolicyMessages.Syntax);
        }

        if (texts.Length == 0)
        {
            return Fail<PolicyPattern[]>(PolicyMessages.MustContainResources);
        }

        if (texts.FirstOrDefault(t => t is not "*" && !IsArn(t)) is { } bad)
        {
            return Fail<PolicyPattern[]>(PolicyMessages.ResourceNotArn(bad));
        }

        var options = PolicyPatternOptions.Wildcards | (variables ? PolicyPatternOptions.Variables : 0);
        return [.. texts.Select(t => PolicyPattern.Compile(t, options))];
    }

    private PolicyPrincipalSet? ReadPrincipals(JsonElement element) =>
        PolicyPrincipalSet.Parse(element, out var message)
        ?? Fail<PolicyPrincipalSet>(message ?? PolicyMessages.Syntax);

    /// <summary>
    /// <c>{"Operator": {"key": value-or-values, ...}, ...}</c> (reference_policies_elements_condition.html). Keys,
    /// like actions, carry a vendor prefix (<c>aws:</c>, <c>s3:</c>, <c>cognito-identity.amazonaws.com:</c>).
    /// </summary>
    private PolicyCondition[]? ReadConditions(JsonElement element, bool variables)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail<PolicyCondition[]>(PolicyMessages.Syntax);
        }

        var conditions = new List<PolicyCondition>();
        foreach (var block in element.EnumerateObject())
        {
            if (!PolicyOperator.TryParse(block.Name, out var op) || block.Value.ValueKind != JsonValueKind.Object)
            {
                return Fail<PolicyCondition[]>(PolicyMessages.Syntax);
            }

            foreach (var entry in block.Value.EnumerateObject())
            {
                if (entry.Name.IndexOf(':', StringComparison.Ordinal) <= 0)
                {
                    return Fail<PolicyCondition[]>(PolicyMessages.VendorRequired);
                }

                if (PolicyStrings.ReadConditionValues(entry.Value) is not { Length: > 0 } values)
                {
                    return Fail<PolicyCondition[]>(PolicyMessages.Syntax);
                }

                conditions.Add(PolicyCondition.Compile(entry.Name, op, values, variables));
            }
        }

        return [.. conditions];
    }

    private static bool IsArn(string text) =>
        text.StartsWith("arn:", StringComparison.Ordinal) && text.Count(c => c == ':') >= 5;

    private T? Fail<T>(string message)
        where T : class
    {
        error ??= message;
        return null;
    }
}
