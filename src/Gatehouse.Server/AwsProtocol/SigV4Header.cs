namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The parts of <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/cognito-idp/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=64hex</c>.
/// </summary>
internal sealed record SigV4Header(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public static SigV4Header? Parse(string authorization)
    {
        const string prefix = SigV4Signature.Algorithm + " ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization[prefix.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: break;
            }
        }

        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != "aws4_request" || signedHeaders is not { Length: > 0 }
            || signature is not { Length: 64 } || scope.Any(s => s.Length == 0))
        {
            return null;
        }

        var headers = signedHeaders.Split(';');
        return new SigV4Header(scope[0], scope[1], scope[2], scope[3], headers, signature);
    }
}
