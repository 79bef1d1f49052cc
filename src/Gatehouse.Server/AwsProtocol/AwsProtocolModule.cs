using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Gatehouse.Server.AwsProtocol;

internal static class AwsProtocolModule
{
    public const string CorsPolicy = "aws-clients";

    public static IServiceCollection AddAwsProtocol(this IServiceCollection services)
    {
        services.AddOptions<AwsProtocolOptions>().BindConfiguration(AwsProtocolOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AwsOperationCatalog>();
        services.AddSingleton<AwsResponseWriter>();
        services.AddSingleton<AwsJsonDispatcher>();
        services.AddSingleton<AwsQueryWriter>();
        services.AddSingleton<AwsQueryDispatcher>();
        services.AddSingleton<SigV4Verifier>();
        services.AddSingleton<SigV4SigningKeys>();
        services.AddSingleton<CompatibilityReport>();

        // Browser clients (amazon-cognito-identity-js, Amplify) call from any origin (protocol-notes §2).
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("POST", "GET", "OPTIONS")
            .WithHeaders(
                "content-type", "x-amz-target", "x-amz-user-agent", "user-agent", "cache-control", "authorization",
                "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "amz-sdk-invocation-id",
                "amz-sdk-request")
            .WithExposedHeaders("x-amzn-requestid", "x-amzn-errortype", "x-amzn-errormessage", "date")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    /// <summary>
    /// Registers a built operation: <paramref name="name"/> is the operation name of the model, the handler is
    /// scoped (it touches the database), and the body is deserialized with the source-generated shapes. The same
    /// serves AWS Query operations (IAM, STS): their parameters arrive in the JSON form of the input shape.
    /// </summary>
    public static IServiceCollection AddAwsOperation<TRequest, THandler>(
        this IServiceCollection services, string name, string prefix = AwsOperationInventory.UserPoolsPrefix)
        where THandler : class, IAwsHandler<TRequest>
    {
        services.AddScoped<THandler>();
        var typeInfo = (JsonTypeInfo<TRequest>)AwsJson.Options.GetTypeInfo(typeof(TRequest));
        services.AddSingleton(new AwsOperation($"{prefix}.{name}", async (provider, body, ct) =>
        {
            TRequest? request;
            try
            {
                request = body.Deserialize(typeInfo);
            }
            catch (JsonException)
            {
                return AwsError.Serialization("The request body does not match the operation's input shape.");
            }

            if (request is null)
            {
                return AwsError.Serialization("The request body must be a JSON object.");
            }

            return await provider.GetRequiredService<THandler>().HandleAsync(request, ct);
        }));
        return services;
    }

    /// <summary>
    /// Sends every request that carries <c>X-Amz-Target</c> to the JSON dispatcher, whatever its path, and AWS Query
    /// requests (a form posted to the root, or <c>GET /?Action=</c>) to the Query dispatcher.
    /// </summary>
    public static WebApplication UseAwsProtocol(this WebApplication app)
    {
        app.UseCors(CorsPolicy);
        app.Use(async (context, next) =>
        {
            // Forward-auth sees the client's own headers (an X-Amz-Target among them): never an AWS call itself.
            if (context.Request.Path.StartsWithSegments("/authorization", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (target.Length == 0 && AwsQueryDispatcher.Accepts(context))
            {
                await context.RequestServices.GetRequiredService<AwsQueryDispatcher>().HandleAsync(context);
                return;
            }

            if (target.Length == 0 || HttpMethods.IsOptions(context.Request.Method))
            {
                await next(context);
                return;
            }

            await context.RequestServices.GetRequiredService<AwsJsonDispatcher>().HandleAsync(context, target);
        });
        return app;
    }
}
