using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Admin;

/// <summary>
/// First-start duties: make sure an admin key exists (configured, or generated and shown once), then print
/// where the server listens and a ready-to-paste AWS CLI line.
/// </summary>
internal sealed class AdminBootstrap(
    AdminAccessKeys keys,
    IOptions<AdminKeyOptions> keyOptions,
    IOptions<InstanceOptions> instance,
    IServer server)
{
    private string? _shownOnce;
    private string? _accessKeyId;

    public async Task EnsureKeyAsync(CancellationToken ct)
    {
        var configured = keyOptions.Value;
        if (configured.AccessKeyId is { } id && configured.SecretAccessKey is { } secret)
        {
            await keys.PutAsync(id, secret, ct);
            _accessKeyId = id;
            return;
        }

        if (await keys.FirstKeyIdAsync(ct) is { } existing)
        {
            _accessKeyId = existing;
            return;
        }

        var (newId, newSecret) = AdminAccessKeys.Generate();
        await keys.PutAsync(newId, newSecret, ct);
        _accessKeyId = newId;
        _shownOnce = newSecret;
    }

    public string Banner()
    {
        var endpoint = instance.Value.PublicUrl
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://127.0.0.1:7300";
        var region = instance.Value.Region;
        var lines = new List<string>
        {
            "",
            $"Gatehouse is listening on {endpoint} (region {region}).",
        };
        if (_shownOnce is not null)
        {
            lines.Add("A new admin access key was generated. Its secret is shown this once; keep it:");
            lines.Add($"  AWS_ACCESS_KEY_ID={_accessKeyId}");
            lines.Add($"  AWS_SECRET_ACCESS_KEY={_shownOnce}");
            lines.Add("Try it:");
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  AWS_ACCESS_KEY_ID={_accessKeyId} AWS_SECRET_ACCESS_KEY={_shownOnce} aws cognito-idp list-user-pools --max-results 10 --region {region} --endpoint-url {endpoint}"));
        }
        else
        {
            var id = _accessKeyId ?? "<your admin key id>";
            lines.Add($"Admin access key: {id} (secret: as configured, or as shown at first start).");
            lines.Add("Try it:");
            lines.Add($"  AWS_ACCESS_KEY_ID={id} AWS_SECRET_ACCESS_KEY=<secret> aws cognito-idp list-user-pools --max-results 10 --region {region} --endpoint-url {endpoint}");
        }

        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }
}
