using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// Reads a stored upload back as a forward-only stream, one <see cref="UserImportChunk"/> (1 MiB) at a time, so a
/// 100 MB file never sits in memory and any node can read it. Asynchronous reads only: each chunk is a query.
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
        while (_position == _chunk.Length)
        {
            if (_ended)
            {
                return 0;
            }

            var seq = _nextSeq;
            var next = await db.UserImportChunks.AsNoTracking()
                .Where(c => c.JobKey == jobKey && c.UploadId == uploadId && c.Seq == seq)
                .Select(c => c.Data)
                .FirstOrDefaultAsync(cancellationToken);
            _ended = next is null;
            _chunk = next ?? [];
            _position = 0;
            _nextSeq++;
        }

        var count = Math.Min(buffer.Length, _chunk.Length - _position);
        _chunk.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The stored upload is read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
