using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Storage;

internal static class StorageModule
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.UsesPostgres)
        {
            services.AddPooledDbContextFactory<PostgresAppDb>(db => db.UseNpgsql(options.Postgres));
            services.AddSingleton(provider =>
            {
                var factory = provider.GetRequiredService<IDbContextFactory<PostgresAppDb>>();
                return new AppDbFactory(factory.CreateDbContext);
            });
        }
        else
        {
            Directory.CreateDirectory(options.DataDir);
            services.AddPooledDbContextFactory<SqliteAppDb>(db => db.UseSqlite(SqliteConnectionString(options)));
            services.AddSingleton(provider =>
            {
                var factory = provider.GetRequiredService<IDbContextFactory<SqliteAppDb>>();
                return new AppDbFactory(factory.CreateDbContext);
            });
        }

        services.AddScoped(provider => provider.GetRequiredService<AppDbFactory>().Create());
        services.AddSingleton(provider => MasterKey.Load(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<StorageMigrator>();
        return services;
    }

    public static string SqliteConnectionString(StorageOptions options) =>
        $"Data Source={options.SqlitePath};Pooling=True;Default Timeout=30";
}
