namespace Gatehouse.Server.Iam;

/// <summary>
/// Who makes a request, in the shape of the Principal element: <see cref="Type"/> is <c>AWS</c>, <c>Federated</c>,
/// <c>Service</c> or <c>CanonicalUser</c>; <see cref="Id"/> is an ARN, a 12-digit account id, a provider host or a
/// service name (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
/// </summary>
internal sealed record PolicyPrincipal(string Type, string Id);
