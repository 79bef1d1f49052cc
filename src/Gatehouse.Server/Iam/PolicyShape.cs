using System.Text.Json;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Which elements a statement must have and must not have, by <see cref="PolicyKind"/>
/// (reference_policies_grammar.html, "Policy grammar notes": the principal block "is required in resource-based
/// policies ... and in trust policies for IAM roles. It must not be included in identity-based policies").
/// </summary>
internal static class PolicyShape
{
    /// <summary>The first rule the statement breaks, as IAM words it, or null.</summary>
    public static string? Check(Dictionary<string, JsonElement> fields, PolicyKind kind) =>
        CheckSid(fields, kind)
        ?? CheckEffect(fields)
        ?? CheckActions(fields, kind)
        ?? (kind == PolicyKind.Trust ? CheckTrust(fields) : CheckIdentity(fields));

    /// <summary>Identity and session policies allow only letters and digits in a Sid.</summary>
    private static string? CheckSid(Dictionary<string, JsonElement> fields, PolicyKind kind)
    {
        if (!fields.TryGetValue("Sid", out var sid))
        {
            return null;
        }

        if (sid.ValueKind != JsonValueKind.String)
        {
            return PolicyMessages.Syntax;
        }

        var alphanumeric = sid.GetString() is { } text && text.All(char.IsAsciiLetterOrDigit);
        return kind == PolicyKind.Trust || alphanumeric ? null : PolicyMessages.SidNotAlphanumeric;
    }

    /// <summary>"Effect": "Allow" | "Deny", in exactly that case (reference_policies_elements_effect.html).</summary>
    private static string? CheckEffect(Dictionary<string, JsonElement> fields)
    {
        if (!fields.TryGetValue("Effect", out var effect))
        {
            return PolicyMessages.MissingField("Effect");
        }

        if (effect.ValueKind != JsonValueKind.String)
        {
            return PolicyMessages.Syntax;
        }

        return effect.ValueEquals("Allow") || effect.ValueEquals("Deny") ? null : PolicyMessages.LegacyParsing;
    }

    /// <summary>Exactly one of Action and NotAction (reference_policies_elements_notaction.html).</summary>
    private static string? CheckActions(Dictionary<string, JsonElement> fields, PolicyKind kind) =>
        (fields.ContainsKey("Action"), fields.ContainsKey("NotAction")) switch
        {
            (true, true) => PolicyMessages.Syntax,
            (false, false) when kind == PolicyKind.Trust => PolicyMessages.MissingField("Action"),
            (false, false) => PolicyMessages.MustContainActions,
            _ => null,
        };

    private static string? CheckTrust(Dictionary<string, JsonElement> fields)
    {
        foreach (var prohibited in (string[])["Resource", "NotResource"])
        {
            if (fields.ContainsKey(prohibited))
            {
                return PolicyMessages.ProhibitedField(prohibited);
            }
        }

        return (fields.ContainsKey("Principal"), fields.ContainsKey("NotPrincipal")) switch
        {
            (true, true) => PolicyMessages.Syntax,
            (false, false) => PolicyMessages.MissingField("Principal"),
            _ => null,
        };
    }

    private static string? CheckIdentity(Dictionary<string, JsonElement> fields)
    {
        if (fields.ContainsKey("Principal") || fields.ContainsKey("NotPrincipal"))
        {
            return PolicyMessages.PrincipalNotAllowed;
        }

        return (fields.ContainsKey("Resource"), fields.ContainsKey("NotResource")) switch
        {
            (true, true) => PolicyMessages.Syntax,
            (false, false) => PolicyMessages.MustContainResources,
            _ => null,
        };
    }
}
