using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>Creates accounts and signs them in through the real forms, second factor included.</summary>
public static class Users
{
    public const string Password = "korrekt pferd batterie heftklammer";

    public sealed record TestUser(string Id, string Email, string? AuthenticatorKey);

    /// <summary>An account with the given roles; roles that require it get an enrolled authenticator.</summary>
    public static async Task<TestUser> CreateAsync(AppFactory app, string email, params string[] roles) =>
        await CreateAsync(app, email, null, roles);

    public static async Task<TestUser> CreateAsync(AppFactory app, string email, int? personId, params string[] roles)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + email.Split('@')[0], PersonId = personId, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        string? key = null;
        if (roles.Any(Roles.RequireTwoFactor.Contains))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return new TestUser(user.Id, email, key);
    }

    /// <summary>A client over HTTPS (the session cookies are Secure and __Host-) that keeps cookies.</summary>
    public static HttpClient Client(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through /konto/anmelden (and the second step where needed); returns the signed-in client.</summary>
    public static async Task<HttpClient> SignInAsync(AppFactory app, TestUser user)
    {
        var client = Client(app);
        var response = await client.PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.Contains("zweiter-faktor", StringComparison.Ordinal))
        {
            var second = await client.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = Totp(app, user.AuthenticatorKey!) });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(url, content);
    }

    /// <summary>The antiforgery token of the form on a page (GET with the client's cookies).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string formPage)
    {
        var page = await client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no antiforgery token on {formPage} ({(int)page.StatusCode})");
        return html[(at + marker.Length)..html.IndexOf('"', at + marker.Length)];
    }

    /// <summary>Like <see cref="PostFormAsync"/>, as multipart with one file.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, string formPage, Dictionary<string, string> fields, string fileField, string fileName, byte[] data)
    {
        var token = await AntiforgeryTokenAsync(client, formPage);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(data), fileField, fileName);
        return await client.PostAsync(url, content);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new();

    /// <summary>
    /// A code the authenticator app shows at the app's clock that this key has not used yet: the app accepts a code
    /// once, and one step ahead, so a test that signs in again moves the clock on by a step when it must.
    /// </summary>
    public static string Totp(AppFactory app, string base32Key)
    {
        base32Key = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        while (true)
        {
            var current = app.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
            var step = Math.Max(current, LastStep.TryGetValue(base32Key, out var last) ? last + 1 : current);
            if (step <= current + 1)
            {
                LastStep[base32Key] = step;
                return CodeAt(base32Key, step);
            }

            app.Clock.Advance(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>The code of one time step, whether or not it was used.</summary>
    public static string CodeAt(string base32Key, long step) =>
        Masterplan.Tests.Shared.Totp.Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
}
