namespace Gatehouse.Server.Iam;

/// <summary>
/// A <c>${key}</c> or <c>${key, 'default'}</c> reference in a Resource or a condition value
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
/// </summary>
internal sealed record PolicyVariable(string Key, string? Default)
{
    /// <summary>
    /// The value to put in the policy's place, or null when there is none. IAM: "If the key is not present in the
    /// request context ... the policy will not match", unless a default is given. A multivalued key has no single
    /// value to substitute, so it does not match either (a default stands in only for an absent key).
    /// </summary>
    public string? Resolve(PolicyRequest request)
    {
        if (!request.Context.TryGetValue(Key, out var values) || values.Count == 0)
        {
            return Default;
        }

        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// Reads what sits between <c>${</c> and <c>}</c>. <c>${*}</c>, <c>${?}</c> and <c>${$}</c> stand for the
    /// characters themselves, which lets a policy match a literal <c>*</c>, <c>?</c> or <c>$</c> ("Special
    /// characters" on the variables page); they come back as <paramref name="literal"/>. Anything else that is not a
    /// key, optionally followed by a quoted default, is not a variable and stays as text.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> body, out PolicyVariable? variable, out string? literal)
    {
        variable = null;
        literal = body is "*" or "?" or "$" ? body.ToString() : null;
        if (literal is not null)
        {
            return true;
        }

        var comma = body.IndexOf(',');
        var key = (comma < 0 ? body : body[..comma]).Trim();
        // Tag keys may hold spaces (aws:PrincipalTag/cost center), so only quotes and braces end a key.
        if (key.IsEmpty || key.ContainsAny('\'', '{', '$'))
        {
            return false;
        }

        string? fallback = null;
        if (comma >= 0)
        {
            var rest = body[(comma + 1)..].Trim();
            if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
            {
                return false;
            }

            fallback = rest[1..^1].ToString();
        }

        variable = new PolicyVariable(key.ToString(), fallback);
        return true;
    }
}
