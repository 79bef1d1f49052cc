using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// Reads a stored upload back as a forward-only stream, one <see cref="UserImportChunk"/> (1 MiB) at a time, so a
/// 100 MB file never sits in memory and any node can read it; each chunk is one query. Forward-only and read-only:
/// Length, Position, Seek, SetLength and Write throw NotSupportedException as Stream's contract asks when
/// CanSeek and CanWrite are false (callers check those first; no request reaches them).
/// </summary>
internal sealed class UserImportChunkStream(AppDb db, long jobKey, string uploadId) : Stream
{
    private byte[] _chunk = [];
    private int _position;
    private int _nextSeq;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_position == _chunk.Length && !_ended)
        {
            var seq = _nextSeq;
            Take(await NextChunk(seq).FirstOrDefaultAsync(cancellationToken));
        }

        return CopyTo(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>A synchronous reader gets the same bytes through synchronous queries.</summary>
    public override int Read(Span<byte> buffer)
    {
        while (_position == _chunk.Length && !_ended)
        {
            Take(NextChunk(_nextSeq).FirstOrDefault());
        }

        return CopyTo(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    private IQueryable<byte[]> NextChunk(int seq) => db.UserImportChunks.AsNoTracking()
        .Where(c => c.JobKey == jobKey && c.UploadId == uploadId && c.Seq == seq)
        .Select(c => c.Data);

    private void Take(byte[]? next)
    {
        _ended = next is null;
        _chunk = next ?? [];
        _position = 0;
        _nextSeq++;
    }

    private int CopyTo(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _chunk.Length - _position);
        _chunk.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
