namespace Masterplan.Web.Shared;

/// <summary>
/// An entity whose creation and last change the platform records: <c>AppDbContext.SaveChangesAsync</c> sets both from
/// <see cref="TimeProvider"/>, so open-data clients (OParl <c>created</c>/<c>modified</c>) can update their copies
/// incrementally. A deleted row leaves a <see cref="Tombstone"/>.
/// </summary>
public interface ITimestamped
{
    DateTimeOffset Created { get; set; }

    DateTimeOffset Modified { get; set; }
}

/// <summary>
/// A row that is shown inside timestamped rows (an agenda item inside its meeting, a consultation inside its paper, a link
/// to a paper inside its agenda item): a change of it is a change of each of them, so their
/// <see cref="ITimestamped.Modified"/> moves too (and so on up, when they are parts themselves).
/// </summary>
public interface IShownIn
{
    /// <summary>The rows that show this one, by entity type and key (the foreign keys as loaded).</summary>
    IEnumerable<(Type Type, int Id)> ShownIn();
}

/// <summary>
/// Marks the property that says whether a timestamped row is public. A row that stops being public counts as deleted for
/// open-data clients (OParl calls it depublication) and leaves a <see cref="Tombstone"/>; one that never was public
/// leaves none, so not even its key is revealed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PublicFlagAttribute : Attribute;

/// <summary>What remains of a deleted or depublished timestamped row: enough for clients to drop their copy.</summary>
public sealed class Tombstone
{
    public long Id { get; set; }

    /// <summary>The entity's class name (<c>Meeting</c>, <c>AgendaItem</c>, …).</summary>
    public required string EntityType { get; set; }

    public int EntityId { get; set; }

    /// <summary>When the row was created, kept because clients must still see it.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When it was deleted or depublished.</summary>
    public DateTimeOffset Deleted { get; set; }
}

/// <summary>
/// The rows that are visible only through a public row of <see cref="Owner"/> (the public agenda items and files of a
/// meeting, the memberships of a person who consented): when the owner stops being public or is deleted, they vanish for
/// open-data clients as well, so each leaves a <see cref="Tombstone"/> too; when it becomes public again, theirs are removed.
/// A module registers one per owner type as a singleton; <c>AppDbContext</c> loads the parts (tracked) while it saves.
/// </summary>
/// <param name="Owner">The entity type with the <see cref="PublicFlagAttribute"/>.</param>
/// <param name="Load">The parts of one owner, by its key, that are public in themselves (timestamped entities).</param>
public sealed record PublicParts(Type Owner, Func<Masterplan.Web.Data.AppDbContext, int, CancellationToken, Task<List<ITimestamped>>> Load);

/// <summary>
/// The rows that show a link to a row of <see cref="Target"/> only while that row is visible (a consultation names the public
/// agenda item that treats its paper): when such a row stops being visible (depublished, deleted, or with the row it is a
/// part of) or becomes visible again, they move too, though nothing of their own changed. A module registers one per target
/// type as a singleton; <c>AppDbContext</c> asks it while it saves, before the change is written.
/// </summary>
/// <param name="Target">The entity type whose visibility the rows depend on.</param>
/// <param name="Rows">The rows that show a link to one target, by its key (entity type and key).</param>
public sealed record LinkedFrom(Type Target, Func<Masterplan.Web.Data.AppDbContext, int, CancellationToken, Task<List<(Type Type, int Id)>>> Rows);

/// <summary>
/// A named version of everything a set of entity types shows, kept in the database (a row of
/// <c>ReferenceDataVersions</c>) and moved by <c>AppDbContext.SaveChangesAsync</c> in the same transaction as every change
/// of one of these types (and of their tombstones). A cache of what they render (the OParl API) reads this one number per
/// request and so knows, on any instance, whether what it holds is still current. A module registers one as a singleton.
/// </summary>
/// <param name="Name">The row's name; distinct from the seed sets' names.</param>
/// <param name="Types">The entity types whose changes move it.</param>
public sealed record DataVersion(string Name, IReadOnlySet<Type> Types);

/// <summary>
/// How many commits in this process have moved a <see cref="DataVersion"/>, counted after each commit. A page that may show
/// another instance's change a moment late (the start page) asks the database for the version at most once a second while
/// this count stands: a change made here still shows at once.
/// </summary>
public static class LocalVersionMoves
{
    private static long count;

    public static long Count => Interlocked.Read(ref count);

    internal static void Committed() => Interlocked.Increment(ref count);
}
