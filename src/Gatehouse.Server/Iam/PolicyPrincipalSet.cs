using System.Text.Json;

namespace Gatehouse.Server.Iam;

/// <summary>
/// A compiled Principal or NotPrincipal element
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
/// </summary>
/// <remarks>
/// <c>"*"</c> is everyone, anonymous included. <c>{"AWS": "*"}</c> is every AWS principal. An account, written as
/// its 12-digit id or <c>arn:aws:iam::ID:root</c>, stands for every principal of that account: "the account ...
/// delegates" to its own identity policies ("AWS account principals"). Other values match whole: federated providers
/// and service names ignoring case (they are host names), AWS ARNs and canonical users exactly. IAM accepts no
/// wildcard inside a principal value.
/// </remarks>
internal sealed class PolicyPrincipalSet
{
    private const string Aws = "AWS";

    private static readonly string[] Types = [Aws, "Federated", "Service", "CanonicalUser"];

    private readonly bool everyone;

    private readonly PolicyPrincipal[] principals;

    private PolicyPrincipalSet(bool everyone, PolicyPrincipal[] principals)
    {
        this.everyone = everyone;
        this.principals = principals;
    }

    /// <summary>Reads the element; on failure returns null and IAM's message.</summary>
    public static PolicyPrincipalSet? Parse(JsonElement element, out string? error)
    {
        error = null;
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.ValueEquals("*")
                ? new PolicyPrincipalSet(true, [])
                : Invalid(element.GetRawText(), out error);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = PolicyMessages.Syntax;
            return null;
        }

        var principals = new List<PolicyPrincipal>();
        foreach (var entry in element.EnumerateObject())
        {
            if (PolicyStrings.Read(entry.Value) is not { Length: > 0 } ids)
            {
                error = PolicyMessages.Syntax;
                return null;
            }

            foreach (var id in ids)
            {
                if (!Types.Contains(entry.Name, StringComparer.Ordinal) || !IsValid(entry.Name, id))
                {
                    return Invalid($"\"{entry.Name}\":\"{id}\"", out error);
                }

                principals.Add(new PolicyPrincipal(entry.Name, AccountRoot(entry.Name, id) ?? id));
            }
        }

        return principals.Count == 0 ? Invalid("{}", out error) : new PolicyPrincipalSet(false, [.. principals]);
    }

    public bool Matches(PolicyPrincipal? principal)
    {
        if (everyone)
        {
            return true;
        }

        if (principal is null)
        {
            return false;
        }

        foreach (var candidate in principals)
        {
            if (Matches(candidate, principal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(PolicyPrincipal policy, PolicyPrincipal request)
    {
        if (!string.Equals(policy.Type, request.Type, StringComparison.Ordinal))
        {
            return false;
        }

        if (!string.Equals(policy.Type, Aws, StringComparison.Ordinal))
        {
            var exact = string.Equals(policy.Type, "CanonicalUser", StringComparison.Ordinal);
            return string.Equals(
                policy.Id, request.Id, exact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }

        return policy.Id is "*"
            || string.Equals(policy.Id, AccountRoot(Aws, request.Id) ?? request.Id, StringComparison.Ordinal)
            || (policy.Id.EndsWith(":root", StringComparison.Ordinal)
                && string.Equals(AccountOf(policy.Id), AccountOf(request.Id), StringComparison.Ordinal));
    }

    private static bool IsValid(string type, string id)
    {
        if (id.Length == 0 || id.AsSpan().ContainsAny(" \t\r\n"))
        {
            return false;
        }

        if (!string.Equals(type, Aws, StringComparison.Ordinal))
        {
            return !id.AsSpan().ContainsAny('*', '?');
        }

        if (id == "*" || IsAccountId(id))
        {
            return true;
        }

        // arn:PARTITION:iam|sts::ACCOUNT:RESOURCE
        var parts = id.Split(':', 6);
        return parts is ["arn", { Length: > 0 }, "iam" or "sts", "", var account, { Length: > 0 }]
            && IsAccountId(account)
            && !id.AsSpan().ContainsAny('*', '?');
    }

    private static string? AccountRoot(string type, string id) =>
        string.Equals(type, Aws, StringComparison.Ordinal) && IsAccountId(id) ? $"arn:aws:iam::{id}:root" : null;

    private static string? AccountOf(string id)
    {
        if (IsAccountId(id))
        {
            return id;
        }

        var parts = id.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && IsAccountId(parts[4]) ? parts[4] : null;
    }

    private static bool IsAccountId(string id) => id.Length == 12 && id.All(char.IsAsciiDigit);

    private static PolicyPrincipalSet? Invalid(string shown, out string? error)
    {
        error = PolicyMessages.InvalidPrincipal(shown);
        return null;
    }
}
