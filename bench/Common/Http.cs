using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace Masterplan.Bench;

/// <summary>
/// A plain HTTP client on one keep-alive connection with its own cookie jar: the app's cookies are Secure and
/// __Host-, which .NET's CookieContainer does not send over http://127.0.0.1 (the app itself treats loopback as
/// a secure context, PlatformShell.cs), so the Cookie header is written by hand.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public Browser(string baseUrl)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
    }

    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<(HttpStatusCode Status, string? Location, byte[] Body)> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        Remember(response);
        return (response.StatusCode, response.Headers.Location?.OriginalString, body);
    }

    /// <summary>
    /// Keeps the cookies the response sets, as a browser does: the app renews the session cookie now and then (sliding
    /// expiry, security stamp check), and a client that kept sending the old one would be signed out in a long run.
    /// </summary>
    private void Remember(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
    }

    /// <summary>
    /// Time to the full response: from handing the request to the client until the last byte of the body is read.
    /// The connection is already open (keep-alive), so this is the server's time plus loopback transfer.
    /// </summary>
    public async Task<(TimeSpan Elapsed, HttpStatusCode Status, int Bytes)> TimeGetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        }

        var start = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(start);
        Remember(response);
        return (elapsed, response.StatusCode, body.Length);
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public async Task<(HttpStatusCode Status, string? Location)> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await SendAsync(HttpMethod.Get, formPage ?? url);
        var html = System.Text.Encoding.UTF8.GetString(page.Body);
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"no antiforgery token on {formPage ?? url} ({(int)page.Status})");
        }

        var token = html[(at + marker.Length)..html.IndexOf('"', at + marker.Length)];
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        var response = await SendAsync(HttpMethod.Post, url, content);
        return (response.Status, response.Location);
    }

    /// <summary>Signs in through /konto/anmelden, with the second step when the account has an authenticator.</summary>
    public async Task SignInAsync(string email, string password, string? authenticatorKey)
    {
        var first = await PostFormAsync("/konto/anmelden", new() { ["Email"] = email, ["Password"] = password });
        if (first.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {email} answered {(int)first.Status}");
        }

        if (first.Location!.Contains("zweiter-faktor", StringComparison.Ordinal))
        {
            var second = await PostFormAsync(first.Location, new() { ["Code"] = Totp(authenticatorKey!) });
            if (second.Status != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"second factor of {email} answered {(int)second.Status}");
            }
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>RFC 6238 (HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it (same as tests/Shared/Totp.cs).</summary>
    private static string Totp(string base32Key)
    {
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

#pragma warning disable CA5350 // authenticator apps use HMAC-SHA1 (RFC 6238)
        var hash = HMACSHA1.HashData(key.ToArray(), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
