using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Turns a condition's policy values into a <see cref="PolicyValueMatcher"/> for its operator family, parsing them
/// once (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
/// A policy value that is not of the operator's type (NumericEquals "ten") is kept but can never match; it does
/// not make the document malformed.
/// Policy variables apply to the string and ARN operators only (reference_policies_variables.html, "Where you
/// can use policy variables").
/// </summary>
internal static class PolicyConditionValues
{
    public static PolicyValueMatcher Compile(PolicyComparison comparison, IReadOnlyList<string> values, bool variables)
    {
        var withVariables = variables ? PolicyPatternOptions.Variables : PolicyPatternOptions.None;
        return comparison switch
        {
            PolicyComparison.StringEquals => Strings(values, withVariables),
            PolicyComparison.StringEqualsIgnoreCase =>
                Strings(values, withVariables | PolicyPatternOptions.IgnoreCase),
            PolicyComparison.StringLike => Strings(values, withVariables | PolicyPatternOptions.Wildcards),
            PolicyComparison.Arn => Arns(values, withVariables | PolicyPatternOptions.Wildcards),
            >= PolicyComparison.NumericEquals and <= PolicyComparison.NumericGreaterThanEquals =>
                Ordered(values, ParseNumber, comparison),
            >= PolicyComparison.DateEquals and <= PolicyComparison.DateGreaterThanEquals =>
                Ordered(values, ParseDate, comparison),
            PolicyComparison.Bool => Booleans(values),
            PolicyComparison.BinaryEquals => Binaries(values),
            PolicyComparison.IpAddress => Networks(values),
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Null has no value matcher."),
        };
    }

    private static PolicyValueMatcher Strings(IReadOnlyList<string> values, PolicyPatternOptions options)
    {
        PolicyPattern[] patterns = [.. values.Select(v => PolicyPattern.Compile(v, options))];
        return (value, request) => PolicyPattern.MatchAny(patterns, value, request);
    }

    private static PolicyValueMatcher Arns(IReadOnlyList<string> values, PolicyPatternOptions options)
    {
        PolicyArnPattern[] patterns = [.. values.Select(v => PolicyArnPattern.Compile(v, options))];
        return (value, request) => PolicyArnPattern.MatchAny(patterns, value, request);
    }

    /// <summary>Numeric and date operators: the request value compared with each policy value.</summary>
    private static PolicyValueMatcher Ordered<T>(
        IReadOnlyList<string> values, Func<string, T?> parse, PolicyComparison comparison)
        where T : struct, IComparable<T>
    {
        T[] bounds = [.. values.Select(parse).OfType<T>()];
        return (value, _) =>
        {
            if (parse(value) is not { } actual)
            {
                return null;
            }

            foreach (var bound in bounds)
            {
                if (Accepts(comparison, actual.CompareTo(bound)))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private static bool Accepts(PolicyComparison comparison, int order) => comparison switch
    {
        PolicyComparison.NumericEquals or PolicyComparison.DateEquals => order == 0,
        PolicyComparison.NumericLessThan or PolicyComparison.DateLessThan => order < 0,
        PolicyComparison.NumericLessThanEquals or PolicyComparison.DateLessThanEquals => order <= 0,
        PolicyComparison.NumericGreaterThan or PolicyComparison.DateGreaterThan => order > 0,
        _ => order >= 0,
    };

    private static PolicyValueMatcher Booleans(IReadOnlyList<string> values)
    {
        var allowsTrue = values.Any(v => ParseBool(v) == true);
        var allowsFalse = values.Any(v => ParseBool(v) == false);
        return (value, _) => ParseBool(value) is { } actual ? (actual ? allowsTrue : allowsFalse) : null;
    }

    /// <summary>BinaryEquals compares bytes; policy and request carry them base64-encoded.</summary>
    private static PolicyValueMatcher Binaries(IReadOnlyList<string> values)
    {
        byte[][] expected = [.. values.Select(ParseBase64).OfType<byte[]>()];
        return (value, _) =>
            ParseBase64(value) is { } actual ? expected.Any(e => e.AsSpan().SequenceEqual(actual)) : null;
    }

    private static PolicyValueMatcher Networks(IReadOnlyList<string> values)
    {
        IPNetwork[] networks = [.. values.Select(ParseNetwork).OfType<IPNetwork>()];
        return (value, _) =>
        {
            if (!IPAddress.TryParse(value, out var address))
            {
                return null;
            }

            // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d; IPNetwork.Contains matches that
            // against IPv4 blocks, as IAM sees the IPv4 address.
            foreach (var network in networks)
            {
                if (network.Contains(address))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    /// <summary>Dates are ISO 8601 (UTC unless an offset is given) or whole seconds since the Unix epoch.</summary>
    private static long? ParseDate(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds is >= -62_135_596_800 and <= 253_402_300_799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks
                : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcTicks
            : null;
    }

    private static bool? ParseBool(string text) => bool.TryParse(text, out var value) ? value : null;

    private static byte[]? ParseBase64(string text)
    {
        var buffer = new byte[((text.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>
    /// A CIDR block, host bits allowed (IAM accepts <c>203.0.113.7/24</c>, and so does <see cref="IPNetwork"/>),
    /// or a single address, which is a /32 or /128 block.
    /// </summary>
    private static IPNetwork? ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
