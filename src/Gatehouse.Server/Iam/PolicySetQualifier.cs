namespace Gatehouse.Server.Iam;

/// <summary>
/// The set operators for multivalued context keys
/// (IAM User Guide, reference_policies_condition-single-vs-multi-valued-context-keys.html and
/// reference_policies_multi-value-conditions.html).
/// </summary>
internal enum PolicySetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}
