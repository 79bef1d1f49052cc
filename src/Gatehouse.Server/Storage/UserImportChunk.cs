namespace Gatehouse.Server.Storage;

/// <summary>
/// One piece (at most 1 MiB) of an uploaded import CSV, in the store so that whichever node runs the job can read
/// it. <see cref="UploadId"/> tells one upload from a later one to the same job: the job points at an upload only
/// after all its chunks are written, so a broken or refused upload never becomes the job's file.
/// </summary>
internal sealed class UserImportChunk
{
    public long JobKey { get; set; }

    public required string UploadId { get; set; }

    public int Seq { get; set; }

    public required byte[] Data { get; set; }
}
