namespace Gatehouse.Server.Iam;

/// <summary>
/// The test behind a condition operator once its negation, <c>IfExists</c> and set prefix are taken off:
/// <c>StringNotLike</c> is <see cref="StringLike"/> negated, and <c>ArnEquals</c> and <c>ArnLike</c> are the same
/// test (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
/// </summary>
internal enum PolicyComparison
{
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    NumericEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    Arn,
    Null,
}
