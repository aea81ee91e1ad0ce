namespace Masterplan.Web.Shared;

/// <summary>
/// Headers on every response, error pages included (docs/domain.md#operations). Registered first, so they are set
/// even when the exception handler rewrites the response.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items[CspOverride] as string ?? ContentSecurityPolicy;
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
            if (context.Request.Path.StartsWithSegments("/api/docs"))
            {
                await AllowInlineScriptsByHashAsync(context, next);
                return;
            }

            await next(context);
        });
        return app;
    }

    private const string CspOverride = "csp-override";

    /// <summary>
    /// The API reference page (Scalar) starts itself with one inline module script. Instead of allowing
    /// inline scripts, that page's own scripts are allowed by their SHA-256 (CSP level 2 hashes); Scalar
    /// injects its styles at run time, so this one page allows inline styles.
    /// </summary>
    private static async Task AllowInlineScriptsByHashAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            buffer.Position = 0;
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                var html = await new StreamReader(buffer, leaveOpen: true).ReadToEndAsync();
                var hashes = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)
                    .Select(m => $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
                context.Items[CspOverride] = ContentSecurityPolicy
                    .Replace("script-src 'self'", $"script-src 'self' {string.Join(' ', hashes)}", StringComparison.Ordinal)
                    .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
                buffer.Position = 0;
            }

            context.Response.ContentLength = buffer.Length;
            await buffer.CopyToAsync(original);
        }
        finally
        {
            context.Response.Body = original;
        }
    }
}
