using System.Text.Json;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Federation;
using Gatehouse.Server.Federation.Saml;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// <c>gatehouse export</c>: writes one pool (or every pool) as <see cref="PoolTransferLine"/>s: a header, then per
/// pool its settings, clients, resource servers, domains, groups, identity providers, UI customizations, signing
/// keys, SAML certificates, then its users in pages of <see cref="PageSize"/> (keyset on the row id, untracked, so
/// memory stays flat), then an <c>end</c> line with the counts. Secrets are unwrapped from this instance's master key.
/// Refresh tokens, authorization codes, verification codes and queued messages are not exported (docs/pool-transfer.md).
/// </summary>
internal sealed class PoolExport(AppDb db, SecretProtector protector)
{
    private const int PageSize = 500;

    public async Task<(int Pools, long Users)> ExportAsync(PoolTransferFile.Writer writer, string? poolId, CancellationToken ct)
    {
        await WriteAsync(writer, new PoolTransferLine { Type = "header", Version = PoolTransferLine.FormatVersion }, ct);
        var pools = await db.UserPools.AsNoTracking().Where(p => poolId == null || p.Id == poolId)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        if (poolId is not null && pools.Count == 0)
        {
            throw new InvalidOperationException($"No pool has the id {poolId}.");
        }

        long users = 0;
        foreach (var id in pools)
        {
            await ExportPoolAsync(writer, id, ct);
            users += await ExportUsersAsync(writer, id, ct);
        }

        await WriteAsync(writer, new PoolTransferLine { Type = "end", Pools = pools.Count, Users = users }, ct);
        await writer.CompleteAsync(ct);
        return (pools.Count, users);
    }

    private async Task ExportPoolAsync(PoolTransferFile.Writer writer, string poolId, CancellationToken ct)
    {
        var pool = await db.UserPools.AsNoTracking().SingleAsync(p => p.Id == poolId, ct);
        await WriteAsync(writer, new PoolTransferLine { Type = "pool", Pool = pool }, ct);
        foreach (var client in await db.AppClients.AsNoTracking().Where(c => c.PoolId == poolId).ToListAsync(ct))
        {
            client.SecretProtected = Open(AppClientSecret.Purpose, client.SecretProtected);
            await WriteAsync(writer, new PoolTransferLine { Type = "appClient", AppClient = client }, ct);
        }

        foreach (var server in await db.ResourceServers.AsNoTracking().Where(r => r.PoolId == poolId).ToListAsync(ct))
        {
            await WriteAsync(writer, new PoolTransferLine { Type = "resourceServer", ResourceServer = server }, ct);
        }

        foreach (var domain in await db.UserPoolDomains.AsNoTracking().Where(d => d.PoolId == poolId).ToListAsync(ct))
        {
            await WriteAsync(writer, new PoolTransferLine { Type = "domain", Domain = domain }, ct);
        }

        foreach (var group in await db.Groups.AsNoTracking().Where(g => g.PoolId == poolId).ToListAsync(ct))
        {
            await WriteAsync(writer, new PoolTransferLine { Type = "group", Group = group }, ct);
        }

        foreach (var provider in await db.IdentityProviders.AsNoTracking().Where(p => p.PoolId == poolId).ToListAsync(ct))
        {
            provider.DetailsProtected = protector.Unprotect(ProviderDetails.Purpose, provider.DetailsProtected);
            await WriteAsync(writer, new PoolTransferLine { Type = "identityProvider", IdentityProvider = provider }, ct);
        }

        foreach (var ui in await db.UiCustomizations.AsNoTracking().Where(u => u.PoolId == poolId).ToListAsync(ct))
        {
            await WriteAsync(writer, new PoolTransferLine { Type = "uiCustomization", UiCustomization = ui }, ct);
        }

        foreach (var key in await db.SigningKeys.AsNoTracking().Where(k => k.PoolId == poolId).ToListAsync(ct))
        {
            key.PrivateKeyProtected = protector.Unprotect(SigningKeyCache.Purpose, key.PrivateKeyProtected);
            await WriteAsync(writer, new PoolTransferLine { Type = "signingKey", SigningKey = key }, ct);
        }

        foreach (var cert in await db.SamlCertificates.AsNoTracking().Where(c => c.PoolId == poolId).ToListAsync(ct))
        {
            cert.PrivateKeyProtected = protector.Unprotect(SamlCertificates.Purpose, cert.PrivateKeyProtected);
            await WriteAsync(writer, new PoolTransferLine { Type = "samlCertificate", SamlCertificate = cert }, ct);
        }
    }

    private async Task<long> ExportUsersAsync(PoolTransferFile.Writer writer, string poolId, CancellationToken ct)
    {
        long count = 0;
        var after = 0L;
        while (true)
        {
            var page = await db.Users.AsNoTracking().Where(u => u.PoolId == poolId && u.Id > after)
                .OrderBy(u => u.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                return count;
            }

            foreach (var user in page)
            {
                await WriteAsync(writer, new PoolTransferLine { Type = "user", User = await ExportUserAsync(user, ct) }, ct);
            }

            count += page.Count;
            after = page[^1].Id;
        }
    }

    private async Task<PoolTransferUser> ExportUserAsync(User user, CancellationToken ct)
    {
        user.PasswordVerifierProtected = Open(PasswordVerifier.ProtectPurpose, user.PasswordVerifierProtected);
        user.ImportedPasswordHashProtected = Open(ImportedPasswordHash.ProtectPurpose, user.ImportedPasswordHashProtected);
        var mfa = await db.UserMfas.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (mfa is not null)
        {
            mfa.TotpSecretProtected = Open(UserMfaStore.SecretPurpose, mfa.TotpSecretProtected);
            mfa.TotpPendingSecretProtected = Open(UserMfaStore.SecretPurpose, mfa.TotpPendingSecretProtected);
        }

        var devices = await db.Devices.AsNoTracking().Where(d => d.UserId == user.Id).ToListAsync(ct);
        foreach (var device in devices)
        {
            device.VerifierProtected = Open(DeviceVerifier.ProtectPurpose, device.VerifierProtected);
        }

        return new PoolTransferUser
        {
            User = user,
            Mfa = mfa,
            RecoveryCodes = await db.MfaRecoveryCodes.AsNoTracking().Where(c => c.UserId == user.Id).ToListAsync(ct),
            Passkeys = await db.WebAuthnCredentials.AsNoTracking().Where(c => c.UserId == user.Id).ToListAsync(ct),
            Devices = devices,
            Groups = await db.GroupMemberships.AsNoTracking().Where(m => m.UserId == user.Id)
                .Select(m => m.GroupName).ToListAsync(ct),
            Identities = await db.FederatedIdentities.AsNoTracking().Where(f => f.UserId == user.Id).ToListAsync(ct),
        };
    }

    private string? Open(string purpose, string? value) => value is null ? null : protector.Unprotect(purpose, value);

    private static Task WriteAsync(PoolTransferFile.Writer writer, PoolTransferLine line, CancellationToken ct) =>
        writer.WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(line, PoolTransferJsonContext.Default.PoolTransferLine), ct);
}
