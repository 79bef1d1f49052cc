using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// CSV user import (docs/user-import.md): the six import-job operations, the upload URL Gatehouse serves in place of
/// S3, the per-row report, and the runner that every node runs.
/// </summary>
internal static class UserImportModule
{
    public static IServiceCollection AddUserImport(this IServiceCollection services)
    {
        services.AddOptions<UserImportOptions>().BindConfiguration(UserImportOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserImportUrls>();
        services.AddScoped<UserImportView>();
        services.AddSingleton<UserImportRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<UserImportRunner>());
        services.AddAwsOperation<GetCSVHeaderRequest, GetCSVHeader>("GetCSVHeader");
        services.AddAwsOperation<CreateUserImportJobRequest, CreateUserImportJob>("CreateUserImportJob");
        services.AddAwsOperation<StartUserImportJobRequest, StartUserImportJob>("StartUserImportJob");
        services.AddAwsOperation<StopUserImportJobRequest, StopUserImportJob>("StopUserImportJob");
        services.AddAwsOperation<DescribeUserImportJobRequest, DescribeUserImportJob>("DescribeUserImportJob");
        services.AddAwsOperation<ListUserImportJobsRequest, ListUserImportJobs>("ListUserImportJobs");
        return services;
    }

    public static WebApplication MapUserImport(this WebApplication app)
    {
        app.MapPut(UserImportUrls.RoutePrefix + "{jobId}", UserImportUpload.PutAsync).DisableAntiforgery();
        app.MapGet(UserImportReport.Route, UserImportReport.GetAsync);
        return app;
    }
}
