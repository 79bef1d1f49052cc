namespace Gatehouse.Server.Iam;

internal enum PolicyEffect
{
    Allow,
    Deny,
}
