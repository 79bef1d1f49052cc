namespace Gatehouse.Server.Iam;

/// <summary>
/// Tests one request value against all of a condition's policy values (which are OR'ed): true when one matches, false
/// when none does, null when the request value is not of the operator's type or a policy variable in the values could
/// not be resolved. Null is neither a match nor a non-match, so negated operators do not turn it into an allow.
/// </summary>
internal delegate bool? PolicyValueMatcher(string requestValue, PolicyRequest request);
