namespace Gatehouse.Server.Storage;

/// <summary>
/// Makes a context of whichever provider is configured, from EF's pool. Handlers get a scoped
/// <see cref="AppDb"/>; singletons that need the store now and then (the admin key cache) use this.
/// </summary>
internal sealed class AppDbFactory(Func<AppDb> create)
{
    public AppDb Create() => create();
}
