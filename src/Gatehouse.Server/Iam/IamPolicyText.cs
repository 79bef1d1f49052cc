using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Policy documents as IAM takes and gives them. In: parsed by <see cref="PolicyDocument"/> for their kind (a
/// malformed one is MalformedPolicyDocument), then measured against the kind's quota (LimitExceeded), in that
/// order. Stored as sent. Out: URL-encoded per RFC 3986 (GetRole, GetRolePolicy, GetPolicyVersion: "Policies
/// returned by this operation are URL-encoded compliant with RFC 3986"), which botocore and the AWS SDKs decode.
/// </summary>
internal static class IamPolicyText
{
    /// <summary>
    /// RFC 3986 percent-encoding of the UTF-8 text: everything but the unreserved characters, so a space is
    /// <c>%20</c> (never <c>+</c>; botocore decodes with <c>unquote</c>, not <c>unquote_plus</c>).
    /// </summary>
    public static string Encode(string document) => Uri.EscapeDataString(document);

    /// <summary>The size IAM counts: characters other than space, tab, CR and LF.</summary>
    public static int Size(string document)
    {
        var size = 0;
        foreach (var c in document)
        {
            if (c is not (' ' or '\t' or '\n' or '\r'))
            {
                size++;
            }
        }

        return size;
    }

    public static AwsError? CheckTrust(string document) =>
        Parse(document, PolicyKind.Trust)
        ?? (Size(document) > IamQuotas.TrustPolicySize
            ? AwsError.IamLimitExceeded(IamMessages.Quota("ACLSizePerRole", IamQuotas.TrustPolicySize))
            : null);

    public static AwsError? CheckManaged(string document) =>
        Parse(document, PolicyKind.Identity)
        ?? (Size(document) > IamQuotas.ManagedPolicySize
            ? AwsError.IamLimitExceeded(IamMessages.Quota("PolicySize", IamQuotas.ManagedPolicySize))
            : null);

    /// <summary>An inline policy's own checks; the quota is on all of a role's inline policies together.</summary>
    public static AwsError? CheckInline(string document) => Parse(document, PolicyKind.Identity);

    private static AwsError? Parse(string document, PolicyKind kind) =>
        PolicyDocument.Parse(document, kind, out var error) is null
            ? AwsError.MalformedPolicyDocument(error ?? PolicyMessages.Syntax)
            : null;
}
