using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Audit;

/// <summary>The hash chain over the audit log, its seals and its checks.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The finest time both engines keep: SQLite stores a DateTimeOffset as an integer of 100 µs steps
    /// (EF's DateTimeOffsetToBinaryConverter), PostgreSQL whole microseconds. An entry's time is cut to this
    /// before it is hashed and saved, so the hash covers exactly what the database gives back.
    /// </summary>
    public const long TimeResolutionTicks = 1000;

    /// <summary>The time as an audit entry keeps it: UTC, cut down to <see cref="TimeResolutionTicks"/>.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeResolutionTicks), TimeSpan.Zero);

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
    /// <param name="SealsChecked">Whether the seals were checked (only with the audit key).</param>
    public sealed record Verification(bool Intact, long Entries, long? BrokenAtId, string Message, bool SealsChecked);

    /// <summary>
    /// Reads every entry in order and recomputes the chain; with the key, also each entry's seal; with
    /// checkpoints, also that the chain still holds each checkpointed (count, entry, hash).
    /// </summary>
    public static async Task<Verification> VerifyAsync(
        AppDbContext db, byte[]? key = null, IReadOnlyList<AuditCheckpoint>? checkpoints = null, CancellationToken ct = default)
    {
        var pending = (checkpoints ?? []).OrderBy(c => c.Count).ToList();
        var next = 0;
        AuditCheckpoint? lastMatched = null;
        var previous = Genesis;
        long count = 0;
        long? lastId = null;
        Verification Broken(long id, string message) => new(false, count, id, $"Audit log broken at entry {id}: {message}", key is not null);

        if (key is not null && pending.FirstOrDefault(c => c.Seal is null || !FixedTimeEquals(c.ComputeSeal(key), c.Seal)) is { } forged)
        {
            return new Verification(false, 0, null,
                $"Checkpoint of {forged.Stamp} (entry {forged.EntryId}) does not carry the audit key's seal: the checkpoint was edited, or written with another key.", true);
        }

        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            lastId = e.Id;
            if (e.PreviousHash != previous)
            {
                return Broken(e.Id, "it does not follow the entry before it (an entry was removed or inserted).");
            }

            if (Compute(e) != e.Hash)
            {
                return Broken(e.Id, "its content was changed after it was written.");
            }

            if (key is not null && (e.Seal is null || !FixedTimeEquals(AuditKey.Seal(key, e.Hash), e.Seal)))
            {
                return Broken(e.Id, e.Seal is null
                    ? "it carries no seal (written without the audit key, or its seal was removed)."
                    : "its seal does not match (the entry was changed and the chain recomputed, or it was sealed with another key).");
            }

            for (; next < pending.Count && pending[next].Count == count; next++)
            {
                var checkpoint = pending[next];
                if (checkpoint.EntryId != e.Id || checkpoint.Hash != e.Hash)
                {
                    var since = lastMatched is null ? "" : $" after entry {lastMatched.EntryId} (checkpoint of {lastMatched.Stamp}, which still matches)";
                    return Broken(e.Id, checkpoint.EntryId != e.Id
                        ? $"the checkpoint of {checkpoint.Stamp} has entry {checkpoint.EntryId} in this place: entries were removed or inserted{since}."
                        : $"its hash differs from the checkpoint of {checkpoint.Stamp}: the chain was rewritten{since}.");
                }

                lastMatched = checkpoint;
            }

            previous = e.Hash;
        }

        if (next < pending.Count)
        {
            var checkpoint = pending[^1];
            var end = lastId is null ? "is empty" : $"ends at entry {lastId} after {count} entries";
            return new Verification(false, count, lastId,
                $"Audit log cut: the checkpoint of {checkpoint.Stamp} counted {checkpoint.Count} entries up to entry {checkpoint.EntryId}, but the log {end} (entries were deleted from its end).",
                key is not null);
        }

        var message = new StringBuilder($"Audit log intact: {count} entries");
        if (pending.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $", {pending.Count} checkpoints matched");
        }

        message.Append(key is null
            ? "; seals not checked (no audit key: set Audit:ChainKey or Audit:ChainKeyFile, or pass --key-file)."
            : ", every seal matches.");
        return new Verification(true, count, null, message.ToString(), key is not null);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
