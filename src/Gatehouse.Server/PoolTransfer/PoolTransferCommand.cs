using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// The <c>export</c> and <c>import</c> commands of the server executable (docs/pool-transfer.md):
/// <code>
/// gatehouse export [--pool &lt;id&gt;] --out &lt;file&gt; [--passphrase-file &lt;file&gt; | --plaintext]
/// gatehouse import --in &lt;file&gt; [--passphrase-file &lt;file&gt; | --plaintext] [--replace]
/// </code>
/// The passphrase comes from the file or from <c>GATEHOUSE_TRANSFER_PASSPHRASE</c>, never from the command line
/// (which other users of the machine can read). Without a passphrase and without <c>--plaintext</c> both refuse.
/// </summary>
internal sealed class PoolTransferCommand(IServiceScopeFactory scopes)
{
    public async Task<int> RunAsync(string command, string[] args, CancellationToken ct)
    {
        try
        {
            var plaintext = args.Contains("--plaintext", StringComparer.Ordinal);
            var passphrase = plaintext ? null : Passphrase(args)
                ?? throw new ArgumentException("give --passphrase-file <file> or GATEHOUSE_TRANSFER_PASSPHRASE (or --plaintext)");
            await using var scope = scopes.CreateAsyncScope();
            if (command == "export")
            {
                var path = Option(args, "--out") ?? throw new ArgumentException("give --out <file>");
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using var output = new FileStream(path, create);
                using var writer = await PoolTransferFile.CreateAsync(output, passphrase, ct);
                var (pools, users) = await scope.ServiceProvider.GetRequiredService<PoolExport>()
                    .ExportAsync(writer, Option(args, "--pool"), ct);
                Console.WriteLine($"Exported {pools} pool(s), {users} user(s) to {path}{(plaintext ? " (plaintext)" : "")}");
            }
            else
            {
                var path = Option(args, "--in") ?? throw new ArgumentException("give --in <file>");
                await using var input = File.OpenRead(path);
                using var reader = await PoolTransferFile.OpenAsync(input, passphrase, ct);
                var (pools, users) = await scope.ServiceProvider.GetRequiredService<PoolImport>()
                    .ImportAsync(reader, args.Contains("--replace", StringComparer.Ordinal), ct);
                Console.WriteLine($"Imported {pools} pool(s), {users} user(s) from {path}");
            }

            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException
            or EndOfStreamException or JsonException or IOException or CryptographicException or DbUpdateException)
        {
            // Nothing was committed: the import runs in one transaction, the export file is incomplete.
            Console.Error.WriteLine($"{command} failed: {(e is EndOfStreamException ? "the file is truncated" : e.Message)}");
            return 1;
        }
    }

    private static string? Passphrase(string[] args) =>
        Option(args, "--passphrase-file") is { } file
            ? File.ReadAllText(file).TrimEnd('\r', '\n')
            : Environment.GetEnvironmentVariable("GATEHOUSE_TRANSFER_PASSPHRASE") is { Length: > 0 } value ? value : null;

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
