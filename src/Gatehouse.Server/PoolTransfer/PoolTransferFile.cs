using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// The export file: JSON lines, each sealed on its own, so export and import stream with flat memory.
/// Format v1 (hand-written: no maintained .NET library implements a streaming AEAD file format such as age; this is
/// the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár over AES-256-GCM):
/// <code>
/// header  = "GHPX" ‖ 0x01 ‖ m_KiB u32 ‖ t u32 ‖ p u32 ‖ salt[16] ‖ noncePrefix[8]      (41 bytes, big-endian)
/// key     = Argon2id(passphrase, salt, m, t, p) → 32 bytes
/// chunk_i = length u32 ‖ AES-256-GCM(key, nonce = noncePrefix ‖ i u32, aad = header ‖ final flag byte)(line) ‖ tag[16]
/// </code>
/// The last chunk is an empty line with final flag 1; anything after it, a missing final chunk (truncation), a
/// reordered, altered or foreign chunk, or a wrong passphrase fails authentication. With <c>--plaintext</c> the file
/// is the bare lines, each ended by <c>\n</c>.
/// </summary>
internal static class PoolTransferFile
{
    public const int MaxLineBytes = 16 * 1024 * 1024;
    private static readonly byte[] Magic = "GHPX"u8.ToArray();
    private const int HeaderLength = 41;

    // OWASP's Argon2id setting (19 MiB, 2 passes, 1 lane); the file header carries them, so they can grow.
    private const int MemoryKib = 19 * 1024;
    private const int Passes = 2;
    private const int Lanes = 1;

    public static async Task<Writer> CreateAsync(Stream output, string? passphrase, CancellationToken ct)
    {
        if (passphrase is null)
        {
            return new Writer(output, null, null);
        }

        var header = new byte[HeaderLength];
        Magic.CopyTo(header, 0);
        header[4] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(5), MemoryKib);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(9), Passes);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(13), Lanes);
        RandomNumberGenerator.Fill(header.AsSpan(17, 24));
        await output.WriteAsync(header, ct);
        return new Writer(output, new AesGcm(DeriveKey(passphrase, header), 16), header);
    }

    public static async Task<Reader> OpenAsync(Stream input, string? passphrase, CancellationToken ct)
    {
        if (passphrase is null)
        {
            return new Reader(input, null, null);
        }

        var header = new byte[HeaderLength];
        await input.ReadExactlyAsync(header, ct);
        if (!header.AsSpan(0, 4).SequenceEqual(Magic) || header[4] != 1)
        {
            throw new InvalidDataException("not an encrypted Gatehouse export (v1); plaintext files need --plaintext");
        }

        var m = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5));
        var t = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(9));
        var p = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(13));
        if (m is < 8 or > 1024 * 1024 || t is < 1 or > 16 || p is < 1 or > 8)
        {
            throw new InvalidDataException("the file's key-derivation parameters are out of range");
        }

        return new Reader(input, new AesGcm(DeriveKey(passphrase, header), 16), header);
    }

    private static byte[] DeriveKey(string passphrase, byte[] header)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(passphrase))
        {
            Salt = header[17..33],
            MemorySize = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)),
            Iterations = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(9)),
            DegreeOfParallelism = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(13)),
        };
        return argon.GetBytes(32);
    }

    private static byte[] Nonce(byte[] header, uint counter)
    {
        var nonce = new byte[12];
        header.AsSpan(33, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), counter);
        return nonce;
    }

    private static byte[] Aad(byte[] header, bool final) => [.. header, final ? (byte)1 : (byte)0];

    internal sealed class Writer(Stream output, AesGcm? aes, byte[]? header) : IDisposable
    {
        private uint _counter;

        public async Task WriteLineAsync(byte[] line, CancellationToken ct)
        {
            if (aes is null)
            {
                await output.WriteAsync(line, ct);
                await output.WriteAsync("\n"u8.ToArray(), ct);
                return;
            }

            await WriteChunkAsync(line, final: false, ct);
        }

        public async Task CompleteAsync(CancellationToken ct)
        {
            if (aes is not null)
            {
                await WriteChunkAsync([], final: true, ct);
            }

            await output.FlushAsync(ct);
        }

        private async Task WriteChunkAsync(byte[] line, bool final, CancellationToken ct)
        {
            // header is set whenever aes is.
            var chunk = new byte[4 + line.Length + 16];
            BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)line.Length);
            aes!.Encrypt(Nonce(header!, _counter++), line, chunk.AsSpan(4, line.Length), chunk.AsSpan(4 + line.Length),
                Aad(header!, final));
            await output.WriteAsync(chunk, ct);
        }

        public void Dispose() => aes?.Dispose();
    }

    internal sealed class Reader(Stream input, AesGcm? aes, byte[]? header) : IDisposable
    {
        private readonly StreamReader? _text = aes is null ? new StreamReader(input, Encoding.UTF8) : null;
        private uint _counter;

        /// <summary>The next line, or null at the authenticated end of the file.</summary>
        public async Task<byte[]?> ReadLineAsync(CancellationToken ct)
        {
            if (_text is not null)
            {
                string? text;
                do
                {
                    text = await _text.ReadLineAsync(ct);
                }
                while (text is { Length: 0 });
                return text is null ? null : Encoding.UTF8.GetBytes(text);
            }

            var prefix = new byte[4];
            await input.ReadExactlyAsync(prefix, ct);
            var length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
            if (length > MaxLineBytes)
            {
                throw new InvalidDataException("the file is damaged (a chunk is too long)");
            }

            var sealedChunk = new byte[length + 16];
            await input.ReadExactlyAsync(sealedChunk, ct);
            var line = new byte[length];
            var nonce = Nonce(header!, _counter++);
            try
            {
                // A final chunk is empty; try it as final first when empty, else as an ordinary line.
                var final = length == 0;
                aes!.Decrypt(nonce, sealedChunk.AsSpan(0, (int)length), sealedChunk.AsSpan((int)length), line,
                    Aad(header!, final));
                if (final)
                {
                    if (await input.ReadAsync(new byte[1], ct) != 0)
                    {
                        throw new InvalidDataException("the file is damaged (data after its end)");
                    }

                    return null;
                }

                return line;
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new InvalidDataException("wrong passphrase, or the file was altered or truncated");
            }
        }

        public void Dispose()
        {
            aes?.Dispose();
            _text?.Dispose();
        }
    }
}
