using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.Auth;
using Gatehouse.Server.OAuth;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Seals and opens <see cref="FederationState"/>: sealed with the master key, so any node opens what another sealed;
/// <see cref="UseAsync"/> records its id in <see cref="Storage.AuthSessionUse"/> so a replayed callback is refused everywhere.
/// </summary>
internal sealed class FederationStates(AuthBlobSealer sealer, AuthSessionLedger ledger, TimeProvider clock)
{
    private const string Purpose = "federation-state";

    /// <summary>How long a user may spend at the upstream provider.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);

    public (FederationState State, string Sealed) Issue(
        string poolId, string providerName, AuthorizeRequest authorize, string? nonce, string? codeVerifier, string? requestId)
    {
        var state = new FederationState(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), poolId, providerName,
            authorize.Parameters().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            nonce, codeVerifier, requestId, (clock.GetUtcNow() + Validity).ToUnixTimeMilliseconds());
        return (state, sealer.Seal(Purpose, JsonSerializer.SerializeToUtf8Bytes(state, FederationJsonContext.Default.FederationState)));
    }

    /// <summary>The state if we sealed it for this pool and it has not expired; null otherwise. Does not use it.</summary>
    public FederationState? Open(string? text, string poolId)
    {
        if (text is not { Length: > 0 and < 8192 } || sealer.Open(Purpose, text) is not { } json)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize(json, FederationJsonContext.Default.FederationState);
        return state is not null && string.Equals(state.PoolId, poolId, StringComparison.Ordinal)
            && state.ExpiresAt > clock.GetUtcNow().ToUnixTimeMilliseconds()
                ? state
                : null;
    }

    /// <summary>Marks the state used; false when it was used before (on any node).</summary>
    public Task<bool> UseAsync(FederationState state, CancellationToken ct) =>
        ledger.TryConsumeAsync("federation:" + state.Id, DateTimeOffset.FromUnixTimeMilliseconds(state.ExpiresAt), ct);

    /// <summary>The original authorize request of a state.</summary>
    public static AuthorizeRequest AuthorizeOf(FederationState state) =>
        AuthorizeRequest.From(name => state.Authorize.TryGetValue(name, out var value) ? value : null);
}
