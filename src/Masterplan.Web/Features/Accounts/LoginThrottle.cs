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

/// <summary>Growing delays after repeated failures, and a temporary lock at the tenth (docs/domain.md#access).</summary>
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

    /// <summary>
    /// Wrong second factors are counted per account, from every address, and apart from the password: a correct
    /// password must not clear them, or whoever knows it could guess codes without end.
    /// </summary>
    public static string SecondFactorKeyFor(string userId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"second-factor|{userId}")));

    /// <summary>When attempts are allowed again, or null when they are allowed now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(string key, CancellationToken ct)
    {
        var entry = await db.LoginThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        return entry is not null && entry.NotBefore > time.GetUtcNow() ? entry.NotBefore : null;
    }

    /// <summary>
    /// Records a failure; returns true when this failure locked the key. Many failures at the same moment each
    /// count: the count is raised in the database, and a first row that another request inserted first is
    /// counted on instead of failing on the unique key.
    /// </summary>
    public async Task<bool> RecordFailureAsync(string key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var forgiven = now - TimeSpan.FromHours(24); // old failures are forgiven
        for (var attempt = 0; ; attempt++)
        {
            var raised = await db.LoginThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Failures, t => t.LastFailureAt < forgiven ? 1 : t.Failures + 1)
                .SetProperty(t => t.LastFailureAt, now), ct);
            if (raised == 0)
            {
                var entry = new LoginThrottle { Key = key, Failures = 1, LastFailureAt = now, NotBefore = now + DelayAfter(1) };
                db.LoginThrottles.Add(entry);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return false;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.Entry(entry).State = EntityState.Detached; // another request inserted the row: count on it
                    continue;
                }
            }

            // Gone between the two commands: a sign-in with the right code reset the count meanwhile (eight tries at once).
            if (await db.LoginThrottles.Where(t => t.Key == key).Select(t => (int?)t.Failures).FirstOrDefaultAsync(ct) is not { } failures)
            {
                return false;
            }

            var notBefore = now + DelayAfter(failures);
            await db.LoginThrottles.Where(t => t.Key == key && t.NotBefore < notBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NotBefore, notBefore), ct);
            return failures >= LockAfter;
        }
    }

    public Task ResetAsync(string key, CancellationToken ct) =>
        db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
}
