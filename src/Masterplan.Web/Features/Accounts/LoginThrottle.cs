using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins per login name and client address. Keyed by both, so an attacker who hammers an
/// account from one place slows down and locks only their own attempts; the owner elsewhere still gets in,
/// and the lock always ends after the cool-down. Unknown names are throttled the same way (no account probing).
/// </summary>
public sealed class LoginThrottle
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the normalized login name and the client address (no personal data in clear).</summary>
    public required string Key { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset NotBefore { get; set; }
}

/// <summary>Growing delays after repeated failures, and a temporary lock at the tenth (issue 3 §2).</summary>
public sealed class LoginThrottling(AppDbContext db, TimeProvider time)
{
    public const int LockAfter = 10;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    /// <summary>Wait before the next attempt after <paramref name="failures"/> failures: none for 3, then 2, 4, … 64 s, then the lock.</summary>
    public static TimeSpan DelayAfter(int failures) => failures switch
    {
        <= 3 => TimeSpan.Zero,
        < LockAfter => TimeSpan.FromSeconds(Math.Pow(2, failures - 3)),
        _ => LockDuration,
    };

    public static string KeyFor(string login, string? clientAddress) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{login.Trim().ToUpperInvariant()}|{clientAddress}")));

    /// <summary>When attempts are allowed again, or null when they are allowed now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(string key, CancellationToken ct)
    {
        var entry = await db.LoginThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        return entry is not null && entry.NotBefore > time.GetUtcNow() ? entry.NotBefore : null;
    }

    /// <summary>Records a failure; returns true when this failure locked the key.</summary>
    public async Task<bool> RecordFailureAsync(string key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (entry is null)
        {
            entry = new LoginThrottle { Key = key };
            db.LoginThrottles.Add(entry);
        }
        else if (now - entry.LastFailureAt > TimeSpan.FromHours(24))
        {
            entry.Failures = 0; // old failures are forgiven
        }

        entry.Failures++;
        entry.LastFailureAt = now;
        entry.NotBefore = now + DelayAfter(entry.Failures);
        await db.SaveChangesAsync(ct);
        return entry.Failures >= LockAfter;
    }

    public Task ResetAsync(string key, CancellationToken ct) =>
        db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
}
