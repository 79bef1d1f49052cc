using System.Security.Cryptography;

namespace Gatehouse.Server.Storage;

/// <summary>
/// The 32-byte key that encrypts stored secrets: from configuration (<c>GATEHOUSE_MASTER_KEY</c>, base64), else
/// from <c>master.key</c> in the data directory, created with owner-only permissions at first start.
/// Nodes that share a PostgreSQL database must share this key.
/// </summary>
internal sealed class MasterKey
{
    private MasterKey(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public static MasterKey Load(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.MasterKey))
        {
            return new MasterKey(Decode(options.MasterKey, "GATEHOUSE_MASTER_KEY"));
        }

        Directory.CreateDirectory(options.DataDir);
        var path = options.MasterKeyPath;
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(new FileStream(path, create)))
            {
                writer.Write(Convert.ToBase64String(key));
            }
        }

        return new MasterKey(Decode(File.ReadAllText(path).Trim(), path));
    }

    private static byte[] Decode(string base64, string source)
    {
        var bytes = Convert.TryFromBase64String(base64, new byte[64], out var written)
            ? Convert.FromBase64String(base64)
            : throw new InvalidOperationException($"The master key in {source} is not base64.");
        return written == 32 ? bytes : throw new InvalidOperationException($"The master key in {source} must be 32 bytes.");
    }
}
