namespace Gatehouse.Server.UserImport;

/// <summary>This node's hold on one job: the job's key and pool, the node's owner id, and how long a renewal lasts.</summary>
internal sealed record UserImportLease(long JobKey, string JobId, string PoolId, string Owner, TimeSpan Duration);
