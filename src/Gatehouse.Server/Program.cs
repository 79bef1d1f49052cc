using Gatehouse.Server.Admin;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Authorization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Branding;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Federation;
using Gatehouse.Server.Groups;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Iam;
using Gatehouse.Server.IdentityPools;
using Gatehouse.Server.Messaging;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Passkeys;
using Gatehouse.Server.PoolTransfer;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Sts;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.UserImport;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

// Commands: (none) serve; `migrate` apply migrations and exit; `compatibility <file>` write the operation table;
// `export` / `import` move pools between instances (docs/pool-transfer.md).
var command = args.FirstOrDefault(a => !a.StartsWith('-'));
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddGatehouseEnvironment();
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:7300");
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAwsProtocol();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddAdmin();
builder.Services.AddMessaging();
builder.Services.AddTriggers();
builder.Services.AddUserPools();
builder.Services.AddUsers();
builder.Services.AddGroups();
builder.Services.AddTokens();
builder.Services.AddAuth();
builder.Services.AddMfa();
builder.Services.AddDevices();
builder.Services.AddPasskeys();
builder.Services.AddFederation();
builder.Services.AddHostedUi();
builder.Services.AddBranding();
builder.Services.AddIam();
builder.Services.AddSts();
builder.Services.AddIdentityPools();
builder.Services.AddGatehouseAuthorization();
builder.Services.AddUserImport();
builder.Services.AddPoolTransfer();

var app = builder.Build();
switch (command)
{
    case "migrate":
        await app.Services.GetRequiredService<StorageMigrator>().MigrateAsync(CancellationToken.None);
        return;
    case "compatibility":
        var path = args.SkipWhile(a => a != "compatibility").Skip(1).FirstOrDefault() ?? "docs/compatibility.md";
        await File.WriteAllTextAsync(path, app.Services.GetRequiredService<CompatibilityReport>().Render());
        Console.WriteLine($"Wrote {path}");
        return;
    case "export" or "import":
        await app.Services.GetRequiredService<StorageMigrator>().MigrateAsync(CancellationToken.None);
        Environment.ExitCode = await app.Services.GetRequiredService<PoolTransferCommand>()
            .RunAsync(command, args, CancellationToken.None);
        return;
    default:
        break;
}

await app.Services.GetRequiredService<StorageMigrator>().MigrateAsync(CancellationToken.None);
var bootstrap = app.Services.GetRequiredService<AdminBootstrap>();
await bootstrap.EnsureKeyAsync(CancellationToken.None);
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(bootstrap.Banner()));

app.UsePoolDomains();
app.UseRouting();
app.UseAwsProtocol();
app.MapAdmin();
app.MapMessaging();
app.MapTokens();
app.MapMfa();
app.MapBranding();
app.MapIdentityPools();
app.MapIdentityPoolTokens();
app.MapHostedUi();
app.MapFederation();
app.MapGatehouseAuthorization();
app.MapUserImport();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;
