using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Masterplan.Web.Shared;

/// <summary>
/// Two requests that check "not there yet" and then insert the same key at once: the unique index lets one through
/// and the other fails. These helpers recognise that failure on both engines, so the slower request can be answered
/// as it would have been had it come alone.
/// </summary>
public static class UniqueViolation
{
    /// <summary>SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555); PostgreSQL: SQLSTATE 23505.</summary>
    public static bool IsUniqueViolation(this Exception exception) => exception switch
    {
        DbUpdateException { InnerException: { } inner } => inner.IsUniqueViolation(),
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Runs a check-then-insert, and once more when a concurrent request inserted the same key in between: the second
    /// run finds the other request's row and answers as if this request had come alone (usually with a field message).
    /// </summary>
    public static async Task<T> RetryOnUniqueViolationAsync<T>(this DbContext db, Func<Task<T>> attempt)
    {
        try
        {
            return await attempt();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await attempt();
        }
    }
}
