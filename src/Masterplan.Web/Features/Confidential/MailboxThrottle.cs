using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// Failed mailbox openings per client address, in memory only: the address is kept as an HMAC under a key made when the
/// process starts, never stored, never logged, and forgotten after <see cref="ConfidentialOptions.BlockMinutes"/>. With
/// several instances each counts its own (the per-case limit, in the database, holds for all of them).
/// </summary>
public sealed class MailboxThrottle(TimeProvider time, IOptions<ConfidentialOptions> options)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new();

    /// <summary>The keyed hash that stands for an address.</summary>
    public string KeyFor(IPAddress? address) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(address?.ToString() ?? "local")));

    public bool IsBlocked(string key) =>
        _failures.TryGetValue(key, out var f) && f.Since > Window() && f.Count >= options.Value.MaxFailedOpensPerAddress;

    public void Fail(string key)
    {
        var start = Window();
        _failures.AddOrUpdate(key, _ => (1, time.GetUtcNow()), (_, f) => f.Since > start ? (f.Count + 1, f.Since) : (1, time.GetUtcNow()));
        if (_failures.Count > 10_000)
        {
            foreach (var old in _failures.Where(f => f.Value.Since <= start).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(old, out _);
            }
        }
    }

    private DateTimeOffset Window() => time.GetUtcNow().AddMinutes(-options.Value.BlockMinutes);
}
