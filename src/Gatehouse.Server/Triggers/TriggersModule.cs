namespace Gatehouse.Server.Triggers;

/// <summary>
/// Lambda triggers: the invoker (<see cref="LambdaTriggers"/>) that every trigger point calls, and the settings of
/// where functions run (<see cref="TriggersOptions"/>). The trigger points themselves live in the features that
/// reach them (SignUp in Users, sign-in in Auth, …) and call the invoker.
/// </summary>
internal static class TriggersModule
{
    public static IServiceCollection AddTriggers(this IServiceCollection services)
    {
        services.AddOptions<TriggersOptions>().BindConfiguration(TriggersOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Problem() is null, "Gatehouse:Triggers is invalid; see docs/triggers.md.")
            .ValidateOnStart();

        // The deadline is TriggerTransport's (over headers and body, on the injected clock); the client's own timeout
        // is only a backstop. Functions answer; they do not redirect.
        services.AddHttpClient(TriggerTransport.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(6))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<TriggerFunctions>();
        services.AddSingleton<TriggerTransport>();
        services.AddSingleton<LambdaTriggers>();
        services.AddSingleton<PreSignUpTrigger>();
        services.AddSingleton<PostConfirmationTrigger>();
        services.AddSingleton<SignInTriggers>();
        return services;
    }
}
