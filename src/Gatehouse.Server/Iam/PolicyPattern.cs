using System.Runtime.CompilerServices;
using System.Text;

namespace Gatehouse.Server.Iam;

/// <summary>
/// One compiled Action, Resource or string/ARN condition value: literal runs, <c>*</c> (any run of characters),
/// <c>?</c> (one character) and policy variables
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html, "Including wildcard
/// characters"; reference_policies_variables.html). Immutable, so one document serves any number of threads.
/// </summary>
/// <remarks>
/// A hand-written matcher rather than <c>Regex</c>: with only <c>*</c> and <c>?</c>, backtracking to the last
/// <c>*</c> is enough (an earlier star can never need to absorb more), so a match is one pass over spans with no
/// allocation, no pattern escaping and no regex construction cost per document; and a substituted variable value is
/// matched as plain text, so a user named <c>*</c> cannot widen <c>${aws:username}</c> into a wildcard.
/// </remarks>
internal sealed class PolicyPattern
{
    private readonly TokenKind[] kinds;

    // The text of each literal token; null for wildcards and variables.
    private readonly string?[] texts;

    // The pattern's variables in order, and for each variable token its index among them.
    private readonly PolicyVariable[] variables;

    private readonly int[] slots;

    private readonly StringComparison comparison;

    private readonly bool matchesEverything;

    private PolicyPattern(string text, List<Token> tokens, bool ignoreCase)
    {
        Text = text;
        kinds = [.. tokens.Select(t => t.Kind)];
        texts = [.. tokens.Select(t => t.Text)];
        variables = [.. tokens.Select(t => t.Variable).OfType<PolicyVariable>()];
        slots = new int[tokens.Count];
        for (int i = 0, slot = 0; i < tokens.Count; i++)
        {
            slots[i] = tokens[i].Variable is null ? -1 : slot++;
        }
        comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        matchesEverything = kinds is [TokenKind.Star];
    }

    private enum TokenKind : byte
    {
        Text,
        Star,
        Question,
        Variable,
    }

    private readonly record struct Token(TokenKind Kind, string? Text, PolicyVariable? Variable);

    // Room on the stack for the values of a pattern's variables, so that matching allocates nothing.
    [InlineArray(4)]
    private struct VariableValues
    {
        private string? first;
    }

    /// <summary>The pattern as the policy wrote it.</summary>
    public string Text { get; }

    public static PolicyPattern Compile(string text, PolicyPatternOptions options)
    {
        var tokens = new List<Token>();
        var literal = new StringBuilder();
        var wildcards = options.HasFlag(PolicyPatternOptions.Wildcards);
        var variables = options.HasFlag(PolicyPatternOptions.Variables);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (wildcards && c is '*' or '?')
            {
                Flush(tokens, literal);
                tokens.Add(new Token(c == '*' ? TokenKind.Star : TokenKind.Question, null, null));
            }
            else if (variables && TryReadVariable(text, i, out var end, out var variable, out var special))
            {
                if (variable is null)
                {
                    literal.Append(special);
                }
                else
                {
                    Flush(tokens, literal);
                    tokens.Add(new Token(TokenKind.Variable, null, variable));
                }

                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush(tokens, literal);
        return new PolicyPattern(text, tokens, options.HasFlag(PolicyPatternOptions.IgnoreCase));
    }

    /// <summary>True if any pattern matches; else null if one had an unresolvable variable; else false.</summary>
    public static bool? MatchAny(ReadOnlySpan<PolicyPattern> patterns, ReadOnlySpan<char> input, PolicyRequest request)
    {
        bool? result = false;
        foreach (var pattern in patterns)
        {
            switch (pattern.Match(input, request))
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

    /// <summary>Whether <paramref name="input"/> matches; null when a variable has no value to substitute.</summary>
    public bool? Match(ReadOnlySpan<char> input, PolicyRequest request)
    {
        if (matchesEverything)
        {
            return true;
        }

        if (variables.Length == 0)
        {
            return Glob(input, []);
        }

        var buffer = default(VariableValues);
        Span<string?> resolved = variables.Length <= 4 ? buffer : new string?[variables.Length];
        for (var i = 0; i < variables.Length; i++)
        {
            if (variables[i].Resolve(request) is not { } value)
            {
                return null;
            }

            resolved[i] = value;
        }

        return Glob(input, resolved);
    }

    public override string ToString() => Text;

    private bool Glob(ReadOnlySpan<char> input, ReadOnlySpan<string?> resolved)
    {
        int token = 0, position = 0, starToken = -1, starPosition = 0;
        while (true)
        {
            if (token < kinds.Length)
            {
                if (kinds[token] == TokenKind.Star)
                {
                    // A trailing star takes whatever is left.
                    (starToken, starPosition) = (token++, position);
                    if (token == kinds.Length)
                    {
                        return true;
                    }

                    continue;
                }

                var text = kinds[token] == TokenKind.Variable ? resolved[slots[token]] : texts[token];
                var length = kinds[token] == TokenKind.Question ? 1 : text?.Length ?? 0;
                if (kinds[token] == TokenKind.Question ? position < input.Length
                    : input[position..].StartsWith(text, comparison))
                {
                    position += length;
                    token++;
                    continue;
                }
            }
            else if (position == input.Length)
            {
                return true;
            }

            // Mismatch: let the last star absorb one more character and retry what follows it.
            if (starToken < 0 || starPosition >= input.Length)
            {
                return false;
            }

            position = ++starPosition;
            token = starToken + 1;
        }
    }

    private static bool TryReadVariable(
        string text, int start, out int end, out PolicyVariable? variable, out string? literal)
    {
        (end, variable, literal) = (start, null, null);
        if (!text.AsSpan(start).StartsWith("${", StringComparison.Ordinal))
        {
            return false;
        }

        var close = text.IndexOf('}', start + 2);
        if (close < 0 || !PolicyVariable.TryParse(text.AsSpan(start + 2, close - start - 2), out variable, out literal))
        {
            return false;
        }

        end = close;
        return true;
    }

    private static void Flush(List<Token> tokens, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new Token(TokenKind.Text, literal.ToString(), null));
            literal.Clear();
        }
    }
}
