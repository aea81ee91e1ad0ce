using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Shared;

/// <summary>
/// Deletes personal data whose purpose has ended (DSGVO: no longer than needed), one owner at a time — a lab now;
/// a call for input, a Meldung or a case later. The deleted rows, the owner's mark and an audit entry that says how
/// many rows went and why commit together, so a failure leaves nothing half-deleted and the log explains every gap.
/// A module's job finds what is due and calls this once per kind of data.
/// </summary>
public static class Retention
{
    /// <param name="db">The context; its <see cref="AppDbContext.AuditReason"/> is the reason while each owner is saved.</param>
    /// <param name="due">The owners whose data is due, tracked by <paramref name="db"/>.</param>
    /// <param name="delete">Deletes one owner's rows and marks the owner as done; returns the number of rows deleted.</param>
    /// <param name="action">The audit action, e.g. <c>lab.register.deleted</c>.</param>
    /// <param name="reason">The rule, with its period, in German.</param>
    /// <param name="counted">The name of the number in the audit entry (<c>{"rows": 12}</c>).</param>
    /// <param name="idOf">The owner's id as the audit entry names it.</param>
    /// <param name="scope">Whose audit scope the entries go to (a confidential unit's own data stays in its scope).</param>
    /// <returns>The number of rows deleted.</returns>
    public static async Task<int> DeleteAsync<TOwner>(
        AppDbContext db, IEnumerable<TOwner> due, Func<TOwner, CancellationToken, Task<int>> delete, string action, string reason, string counted,
        Func<TOwner, string> idOf, CancellationToken ct, AuditScope scope = AuditScope.General)
    {
        var total = 0;
        foreach (var owner in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var deleted = await delete(owner, ct);
            db.AuditReason = reason;
            db.Audit(action, typeof(TOwner).Name, idOf(owner), new Dictionary<string, int> { [counted] = deleted }, reason, scope);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            total += deleted;
        }

        db.AuditReason = null;
        return total;
    }
}
