using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Branding;

/// <summary>Hosted UI (classic) branding: SetUICustomization, GetUICustomization and the assets they publish.</summary>
internal static class BrandingModule
{
    public static IServiceCollection AddBranding(this IServiceCollection services)
    {
        services.AddSingleton<UiCustomizationView>();
        services.AddAwsOperation<SetUICustomizationRequest, SetUICustomization>("SetUICustomization");
        services.AddAwsOperation<GetUICustomizationRequest, GetUICustomization>("GetUICustomization");
        return services;
    }

    public static WebApplication MapBranding(this WebApplication app)
    {
        app.MapGet(UiCustomizationAssets.Route, UiCustomizationAssets.GetAsync);
        return app;
    }
}
