namespace Gatehouse.Server.Devices;

/// <summary>
/// The remote address of the request being served, recorded as a device's <c>last_ip_used</c>. Behind a proxy
/// it is what ASP.NET Core's connection reports (the forwarded-headers middleware sets it when configured).
/// </summary>
internal sealed class ClientAddress(IHttpContextAccessor http)
{
    public string? Current() => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
