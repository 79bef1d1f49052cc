using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>The outcome of checking a presented code: the matching stored code, or the error to answer.</summary>
internal sealed record CodeCheck(VerificationCode? Code, AwsError? Error)
{
    public static CodeCheck Fail(AwsError error) => new(null, error);
}
