using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Audit;

/// <summary>The audit log with filters; each reader sees only the scopes of their role.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scopes = AuditModule.ReadableScopes(User);
        var query = db.AuditEntries.AsNoTracking().Where(e => scopes.Contains(e.Scope));
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At < end);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action.StartsWith(Action.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(e => e.ActorName.Contains(Actor.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType.Trim());
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Entries = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
