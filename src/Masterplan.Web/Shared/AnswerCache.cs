using System.Collections.Concurrent;
using Masterplan.Web.Data;

namespace Masterplan.Web.Shared;

/// <summary>
/// Public answers as written (bytes by key), valid for one number of a <see cref="DataVersion"/>, which every change of an
/// entity the answers show moves in its own transaction (<c>AppDbContext.SaveChangesAsync</c>). Each request reads that
/// number first (one command) and uses only entries written under it: what was read after the number is at least as new as
/// it, and a change committed later moves it. So an edit, a depublication or a deletion shows at once, on every instance,
/// without any instance telling another. Only public views may be kept, so an entry reveals nothing a request would not.
/// </summary>
/// <param name="versionName">The <see cref="DataVersion"/> the module registers for what its answers show.</param>
/// <param name="maxBytes">Beyond this, answers are still written but no longer kept until the version moves.</param>
public class AnswerCache(string versionName, long maxBytes)
{
    private Generation _current = new(0);

    /// <summary>The entries under the current version; a moved version starts an empty generation.</summary>
    public async Task<Scope> OpenAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.DataVersionAsync(versionName, ct) is not { } version)
        {
            return default;
        }

        var current = Volatile.Read(ref _current);
        if (current.Version != version)
        {
            var next = new Generation(version, maxBytes);
            current = Interlocked.CompareExchange(ref _current, next, current) == current ? next : Volatile.Read(ref _current);
        }

        return current.Version == version ? new Scope(current) : default;
    }

    internal sealed class Generation(int version, long maxBytes = 0)
    {
        public int Version { get; } = version;

        internal long MaxBytes { get; } = maxBytes;

        internal ConcurrentDictionary<string, byte[]> Entries { get; } = new(StringComparer.Ordinal);

        internal long Bytes;
    }

    /// <summary>One request's view of the cache; the default one keeps nothing (no version yet, or it moved meanwhile).</summary>
    public readonly struct Scope
    {
        private readonly Generation? _generation;

        internal Scope(Generation generation) => _generation = generation;

        public bool TryGet(string key, out byte[] bytes)
        {
            bytes = [];
            return _generation is not null && _generation.Entries.TryGetValue(key, out bytes!);
        }

        public void Put(string key, byte[] bytes)
        {
            if (_generation is not null && !_generation.Entries.ContainsKey(key)
                && Interlocked.Add(ref _generation.Bytes, bytes.Length + key.Length * 2) <= _generation.MaxBytes)
            {
                _generation.Entries.TryAdd(key, bytes);
            }
        }
    }
}
