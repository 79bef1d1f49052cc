namespace Gatehouse.Server.PoolTransfer;

internal static class PoolTransferModule
{
    public static IServiceCollection AddPoolTransfer(this IServiceCollection services)
    {
        services.AddScoped<ImportedPasswordUpgrade>();
        services.AddScoped<PoolExport>();
        services.AddScoped<PoolImport>();
        services.AddSingleton<PoolTransferCommand>();
        return services;
    }
}
