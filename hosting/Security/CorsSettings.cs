namespace Personalization.Hosting.Security;

/// <summary>Cross-origin access for frontends served from other origins (<c>Security:Cors</c>); none by default.</summary>
public sealed class CorsSettings
{
    /// <summary>Origins allowed to call the API from a browser (e.g. <c>https://shop.example.com</c>), or <c>*</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
