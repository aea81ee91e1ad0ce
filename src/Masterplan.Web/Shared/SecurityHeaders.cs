namespace Masterplan.Web.Shared;

/// <summary>
/// Headers on every response, error pages included (docs/domain.md#operations). Registered first, so they are set
/// even when the exception handler rewrites the response.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy when maps show no tiles from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy with one more origin for images: the host of the configured map tiles, and nothing else.</summary>
    public static string PolicyWithImages(string? imageSource) =>
        imageSource is null ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("img-src 'self' data:;", $"img-src 'self' data: {imageSource};", StringComparison.Ordinal);

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = PolicyWithImages(Features.Geo.MapOptions.ImageSource(
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Geo.MapOptions>>().Value.TileUrl));
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";

                // Pages of signed-in users carry personal data: never cached.
                if (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/konto")
                    || context.Request.Path.StartsWithSegments("/verwaltung"))
                {
                    headers.CacheControl = "no-cache, no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
