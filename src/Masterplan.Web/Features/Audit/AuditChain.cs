using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Audit;

/// <summary>The hash chain over the audit log.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e)
    {
        var content = string.Join('\u001f',
            e.PreviousHash,
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Changes, e.Reason,
            e.Scope.ToString());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The result of checking the whole chain.</summary>
    public sealed record Verification(bool Intact, long Entries, long? BrokenAtId, string Message);

    /// <summary>Reads every entry in order and recomputes the chain.</summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var previous = Genesis;
        long count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.PreviousHash != previous)
            {
                return new Verification(false, count, e.Id, $"Audit log broken at entry {e.Id}: it does not follow the entry before it (an entry was removed or inserted).");
            }

            if (Compute(e) != e.Hash)
            {
                return new Verification(false, count, e.Id, $"Audit log broken at entry {e.Id}: its content was changed after it was written.");
            }

            previous = e.Hash;
        }

        return new Verification(true, count, null, $"Audit log intact: {count} entries.");
    }
}
