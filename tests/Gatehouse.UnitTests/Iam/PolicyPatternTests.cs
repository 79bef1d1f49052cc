using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class PolicyPatternTests
{
    private static readonly PolicyRequest NoContext = new() { Action = "s3:GetObject" };

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abcd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "", false)]
    [InlineData("*a", "bba", true)]
    [InlineData("*a", "bab", false)]
    [InlineData("*ab*ab", "abababab", true)]
    [InlineData("*aab", "aaab", true)]
    [InlineData("a*b*c", "abcbc", true)]
    [InlineData("a*b*c", "abcbd", false)]
    [InlineData("*a*b*c*", "xaybzc", true)]
    [InlineData("*a*b*c*", "xaybz", false)]
    [InlineData("**", "anything", true)]
    [InlineData("*?", "", false)]
    [InlineData("*?", "x", true)]
    [InlineData("Bucket/*", "bucket/x", false)]
    public void Match_Wildcards_CaseSensitive(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, PolicyPattern.Compile(pattern, PolicyPatternOptions.Wildcards).Match(input, NoContext));
    }

    [Theory]
    [InlineData("s3:Get*", "S3:GETOBJECT", true)]
    [InlineData("s3:get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    public void Match_IgnoreCase(string pattern, string input, bool expected)
    {
        var options = PolicyPatternOptions.Wildcards | PolicyPatternOptions.IgnoreCase;

        Assert.Equal(expected, PolicyPattern.Compile(pattern, options).Match(input, NoContext));
    }

    [Theory]
    [InlineData("a*", "abc", false)]
    [InlineData("a*", "a*", true)]
    [InlineData("a?", "a?", true)]
    public void Match_WithoutWildcards_IsEquality(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, PolicyPattern.Compile(pattern, PolicyPatternOptions.None).Match(input, NoContext));
    }

    [Fact]
    public void Match_UnresolvedVariable_IsNeitherMatchNorMismatch()
    {
        var pattern = PolicyPattern.Compile("home/${aws:username}/*", PolicyPatternOptions.Wildcards | PolicyPatternOptions.Variables);
        var alice = new PolicyRequest
        {
            Action = "s3:GetObject",
            Context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["aws:username"] = ["alice"] },
        };

        Assert.Null(pattern.Match("home/alice/x", NoContext));
        Assert.True(pattern.Match("home/alice/x", alice));
        Assert.False(pattern.Match("home/bob/x", alice));
    }

    [Theory]
    [InlineData("${k:a}/${k:b}/${k:c}/${k:d}/${k:e}/*", "1/2/3/4/5/x", true)]
    [InlineData("${k:a}/${k:b}/${k:c}/${k:d}/${k:e}/*", "1/2/3/4/6/x", false)]
    [InlineData("${k:a}${k:a}*${k:b}", "11-2", true)]
    [InlineData("${k:a}${k:a}*${k:b}", "1-2", false)]
    [InlineData("${ k:a }-${k:cost center}", "1-cc", true)]
    public void Match_SeveralVariables_EachSubstituted(string pattern, string input, bool expected)
    {
        var options = PolicyPatternOptions.Wildcards | PolicyPatternOptions.Variables;
        var request = new PolicyRequest
        {
            Action = "s3:GetObject",
            Context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["k:a"] = ["1"],
                ["k:b"] = ["2"],
                ["k:c"] = ["3"],
                ["k:d"] = ["4"],
                ["k:e"] = ["5"],
                ["k:cost center"] = ["cc"],
            },
        };

        Assert.Equal(expected, PolicyPattern.Compile(pattern, options).Match(input, request));
    }
}
