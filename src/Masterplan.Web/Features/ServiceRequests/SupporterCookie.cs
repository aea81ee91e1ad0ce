using System.Security.Cryptography;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>The random value that tells one browser's "me too" apart (only its hash is stored); the same cookie as the participation's.</summary>
internal static class SupporterCookie
{
    public const string Name = "mp-supporter";

    public static string Of(HttpContext http)
    {
        var browser = http.Request.Cookies[Name];
        if (string.IsNullOrEmpty(browser) || browser.Length > 100)
        {
            browser = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Response.Cookies.Append(Name, browser, new CookieOptions
            {
                HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        }

        return browser;
    }
}
