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
/// <c>gatehouse import</c>: reads <see cref="PoolTransferLine"/>s and writes them into this instance in one
/// transaction, wrapping every secret under this instance's master key. A pool id that exists is refused unless
/// <c>replace</c> is set (then that pool is deleted first, in the same transaction). Users of a pool that is not in
/// the file go into that existing pool (files written by hand). Any failure (a wrong passphrase, an altered or
/// truncated file, a bad line, a unique id taken) rolls everything back. The change tracker is cleared after every
/// batch, so memory stays flat.
/// </summary>
internal sealed class PoolImport(AppDb db, SecretProtector protector)
{
    private const int BatchSize = 200;

    public async Task<(int Pools, long Users)> ImportAsync(PoolTransferFile.Reader reader, bool replace, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var settings = new Dictionary<string, PoolSettings>(StringComparer.Ordinal);
        int pools = 0, pending = 0;
        long users = 0;
        var ended = false;
        var isExport = false;
        while (await reader.ReadLineAsync(ct) is { } bytes)
        {
            var line = JsonSerializer.Deserialize(bytes, PoolTransferJsonContext.Default.PoolTransferLine)
                ?? throw new InvalidDataException("a line is null");
            if (ended)
            {
                throw new InvalidDataException("lines after the end line");
            }

            switch (line.Type)
            {
                case "header":
                    isExport = line.Version == PoolTransferLine.FormatVersion
                        ? true : throw new InvalidDataException($"unknown export version {line.Version}");
                    break;
                case "end":
                    ended = true;
                    break;
                case "pool" when line.Pool is { } pool:
                    await AddPoolAsync(pool, replace, ct);
                    settings[pool.Id] = PoolSettings.Read(pool);
                    pools++;
                    break;
                case "user" when line.User is { } user:
                    await AddUserAsync(user, settings, ct);
                    users++;
                    break;
                default:
                    AddPoolPart(line);
                    break;
            }

            if (++pending >= BatchSize)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        if (isExport && !ended)
        {
            throw new InvalidDataException("the file ends before its end line (truncated)");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (pools, users);
    }

    private async Task AddPoolAsync(UserPool pool, bool replace, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (await db.UserPools.AnyAsync(p => p.Id == pool.Id, ct))
        {
            if (!replace)
            {
                throw new InvalidOperationException($"A pool with the id {pool.Id} exists here; pass --replace to overwrite it.");
            }

            // Rows that reference the pool only through users or clients go with them (cascades in AppDb).
            await db.UserPools.Where(p => p.Id == pool.Id).ExecuteDeleteAsync(ct);
        }

        db.UserPools.Add(pool);
        await db.SaveChangesAsync(ct);
    }

    private void AddPoolPart(PoolTransferLine line)
    {
        switch (line.Type)
        {
            case "appClient" when line.AppClient is { } client:
                client.SecretProtected = Wrap(AppClientSecret.Purpose, client.SecretProtected);
                db.AppClients.Add(client);
                break;
            case "resourceServer" when line.ResourceServer is { } server:
                db.ResourceServers.Add(server);
                break;
            case "domain" when line.Domain is { } domain:
                db.UserPoolDomains.Add(domain);
                break;
            case "group" when line.Group is { } group:
                db.Groups.Add(group);
                break;
            case "identityProvider" when line.IdentityProvider is { } provider:
                provider.Id = 0;
                provider.DetailsProtected = protector.Protect(ProviderDetails.Purpose, provider.DetailsProtected);
                db.IdentityProviders.Add(provider);
                break;
            case "uiCustomization" when line.UiCustomization is { } ui:
                db.UiCustomizations.Add(ui);
                break;
            case "signingKey" when line.SigningKey is { } key:
                key.PrivateKeyProtected = protector.Protect(SigningKeyCache.Purpose, key.PrivateKeyProtected);
                db.SigningKeys.Add(key);
                break;
            case "samlCertificate" when line.SamlCertificate is { } cert:
                cert.PrivateKeyProtected = protector.Protect(SamlCertificates.Purpose, cert.PrivateKeyProtected);
                db.SamlCertificates.Add(cert);
                break;
            default:
                throw new InvalidDataException($"unknown or empty line of type '{line.Type}'");
        }
    }

    private async Task AddUserAsync(PoolTransferUser entry, Dictionary<string, PoolSettings> settings, CancellationToken ct)
    {
        var user = entry.User;
        if (!settings.TryGetValue(user.PoolId, out var pool))
        {
            pool = await PoolSettings.LoadAsync(db, user.PoolId, ct)
                ?? throw new InvalidDataException($"user {user.Username}: no pool {user.PoolId} in the file or here");
            settings[user.PoolId] = pool;
        }

        // The derived columns (username key, alias keys, searchable copies, sub) are written again from the
        // attributes, so hand-written lines need only the username, status and attributes.
        var attributes = UserRecordWriter.ReadAttributes(user);
        attributes.TryAdd(UserAttributeNames.Sub, string.IsNullOrEmpty(user.Sub) ? Guid.NewGuid().ToString() : user.Sub);
        var modified = user.LastModifiedAt;
        user.UsernameKey = pool.UsernameKey(user.Username);
        UserRecordWriter.Write(user, pool, attributes, modified);
        user.Id = 0;
        user.Version = 0;
        user.PasswordVerifierProtected = Wrap(PasswordVerifier.ProtectPurpose, user.PasswordVerifierProtected);
        if (entry.PasswordHash is { } foreign)
        {
            if (user.PasswordVerifierProtected is not null)
            {
                throw new InvalidDataException($"user {user.Username}: both an SRP verifier and a passwordHash");
            }

            if (ImportedPasswordHash.Parse(foreign, out var error) is null)
            {
                throw new InvalidDataException($"user {user.Username}: passwordHash refused: {error}");
            }

            user.ImportedPasswordHashProtected = foreign;
        }

        user.ImportedPasswordHashProtected = Wrap(ImportedPasswordHash.ProtectPurpose, user.ImportedPasswordHashProtected);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        AddUserParts(entry, user);
    }

    private void AddUserParts(PoolTransferUser entry, User user)
    {
        if (entry.Mfa is { } mfa)
        {
            mfa.UserId = user.Id;
            mfa.Version = 0;
            mfa.TotpSecretProtected = Wrap(UserMfaStore.SecretPurpose, mfa.TotpSecretProtected);
            mfa.TotpPendingSecretProtected = Wrap(UserMfaStore.SecretPurpose, mfa.TotpPendingSecretProtected);
            db.UserMfas.Add(mfa);
        }

        foreach (var code in entry.RecoveryCodes)
        {
            code.Id = 0;
            code.UserId = user.Id;
            db.MfaRecoveryCodes.Add(code);
        }

        foreach (var passkey in entry.Passkeys)
        {
            passkey.Id = 0;
            passkey.UserId = user.Id;
            passkey.PoolId = user.PoolId;
            db.WebAuthnCredentials.Add(passkey);
        }

        foreach (var device in entry.Devices)
        {
            device.Id = 0;
            device.UserId = user.Id;
            device.PoolId = user.PoolId;
            device.VerifierProtected = Wrap(DeviceVerifier.ProtectPurpose, device.VerifierProtected);
            db.Devices.Add(device);
        }

        foreach (var group in entry.Groups)
        {
            db.GroupMemberships.Add(new GroupMembership
            {
                PoolId = user.PoolId,
                GroupName = group,
                UserId = user.Id,
                AddedAt = user.LastModifiedAt,
            });
        }

        foreach (var identity in entry.Identities)
        {
            identity.Id = 0;
            identity.UserId = user.Id;
            identity.PoolId = user.PoolId;
            db.FederatedIdentities.Add(identity);
        }
    }

    private string? Wrap(string purpose, string? plaintext) => plaintext is null ? null : protector.Protect(purpose, plaintext);
}
