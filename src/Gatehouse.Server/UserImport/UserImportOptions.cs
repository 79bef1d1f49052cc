using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// Section <c>Gatehouse:UserImport</c>: how the job runner works. Every node runs it; the lease in the store makes
/// sure one node at a time runs a given job.
/// </summary>
internal sealed class UserImportOptions
{
    public const string Section = "Gatehouse:UserImport";

    /// <summary>Whether this node runs import jobs in the background (tests drive the runner themselves).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Rows per batch: each batch is one transaction with the job's counts and row offset.</summary>
    [Range(1, 20_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>How long a node's lease on a job lasts without renewal (renewed after every batch).</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle node looks for a job to run or a lapsed lease to take over.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;
}
