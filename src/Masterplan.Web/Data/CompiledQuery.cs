using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Masterplan.Web.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) kept once per model: EF refuses to run a compiled query on another
/// model than the one it first ran on, and one process may use both engines (the tests; the CLI copying between them).
/// Worth it only on paths that run very often (each report submitted, each API key checked): it skips EF's per-call
/// reading of the expression and its query-cache lookup, a third of a submission's CPU (bench/ServiceRequests).
/// </summary>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile) where TDelegate : Delegate
{
    private readonly ConcurrentDictionary<IModel, TDelegate> _byModel = new();

    public TDelegate For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
