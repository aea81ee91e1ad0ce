using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// Key rotation for the confidential cases (docs/operations.md): wraps every case's data key again with the current
/// key-encryption key. Only the small wrapped key of each case changes; the encrypted fields stay as they are, so it runs
/// while the platform is in use (<c>masterplan confidential rewrap</c>). Afterwards the old key can be removed.
/// </summary>
public static class ConfidentialKeys
{
    /// <returns>How many cases moved to the current key.</returns>
    public static async Task<int> RewrapAsync(AppDbContext db, FieldEncryption encryption, CancellationToken ct)
    {
        var current = encryption.CurrentKeyId;
        var moved = 0;
        while (true)
        {
            var batch = await db.ConfidentialCases.Where(c => c.KeyId != current && c.ContentDeletedOn == null).OrderBy(c => c.Id).Take(200).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return moved;
            }

            foreach (var c in batch)
            {
                (c.KeyId, c.WrappedKey) = encryption.Rewrap(c.KeyId, c.WrappedKey, c.Number);
            }

            db.Audit("confidential.keys.rewrapped", nameof(ConfidentialCase), null, new { cases = batch.Count, key = current });
            await db.SaveChangesAsync(ct);
            moved += batch.Count;
        }
    }

    /// <summary>How many cases each key-encryption key wraps (content deleted ones need none).</summary>
    public static async Task<Dictionary<string, int>> CountByKeyAsync(AppDbContext db, CancellationToken ct) =>
        await db.ConfidentialCases.Where(c => c.ContentDeletedOn == null).GroupBy(c => c.KeyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
