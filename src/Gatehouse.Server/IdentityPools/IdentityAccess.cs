using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// What <see cref="IdentityLinker.CheckAccessAsync"/> found: the identity, its linked logins (tracked) and the
/// presented logins that are new to the pool, to be linked to it.
/// </summary>
internal sealed record IdentityAccess(Identity Identity, List<IdentityLogin> Linked, List<VerifiedLogin> Fresh);
