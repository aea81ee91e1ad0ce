using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>What a call belongs to, as a text and a link, for its public page and the Office's list.</summary>
public static class CallView
{
    public static async Task<(string Label, string? Name, string? Link)> BelongsToAsync(AppDbContext db, InputCall call, CancellationToken ct)
    {
        var label = ParticipationModule.KindLabel(call.BelongsToKind);
        return call.BelongsToKind switch
        {
            "lab" when call.BelongsToId is { } id => (label, await db.Labs.Where(l => l.Id == id).Select(l => l.Title).FirstOrDefaultAsync(ct), $"/quartierslabore/{id}"),
            "field" when call.BelongsToId is { } id => (label, await db.FieldsOfAction.Where(f => f.Id == id).Select(f => f.Title).FirstOrDefaultAsync(ct), "/handlungsfelder"),
            "body" when call.BelongsToId is { } id => (label, await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct), $"/gremien/{id}"),
            _ => (label, call.Topic, null),
        };
    }
}
