namespace Gatehouse.Server.Iam;

[Flags]
internal enum PolicyPatternOptions
{
    None = 0,

    /// <summary><c>*</c> and <c>?</c> are wildcards (Action, Resource, StringLike, ArnLike).</summary>
    Wildcards = 1,

    /// <summary>Compare ignoring case (actions, StringEqualsIgnoreCase).</summary>
    IgnoreCase = 2,

    /// <summary><c>${key}</c> is a policy variable (Version 2012-10-17 only).</summary>
    Variables = 4,
}
