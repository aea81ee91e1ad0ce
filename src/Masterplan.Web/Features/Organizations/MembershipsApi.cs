using System.Globalization;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>A membership as the public sees it: the name and whom the person represents only with consent, never contact data.</summary>
public sealed record MembershipDto(
    int Id, string? Name, string? OnBehalfOf, int? OnBehalfOfId, VotingRight VotingRight, string Role, bool IsDeputy, int? DeputyForId,
    bool IsExternal, DateOnly StartDate, DateOnly? EndDate, bool IsDemo);

public static class MembershipsApi
{
    /// <summary>Memberships active on <paramref name="day"/> (membership history: "who sat there on 1 March 2025").</summary>
    public static Task<List<MembershipDto>> OnDayAsync(AppDbContext db, int organizationId, DateOnly day, CancellationToken ct) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day))
            .OrderBy(m => m.VotingRight).ThenBy(m => m.DeputyForId != null).ThenBy(m => m.Id)
            .Select(m => new MembershipDto(
                m.Id,
                m.Person.PublicConsent ? (m.Person.Title != null ? m.Person.Title + " " : "") + m.Person.GivenName + " " + m.Person.FamilyName : null,
                m.Person.PublicConsent && m.OnBehalfOf != null ? m.OnBehalfOf.Name : null,
                m.Person.PublicConsent ? m.OnBehalfOfId : null,
                m.VotingRight, m.Role, m.DeputyForId != null, m.DeputyForId, m.IsExternal, m.StartDate, m.EndDate, m.IsDemo))
            .ToListAsync(ct);

    public static WebApplication MapMembershipsApi(this WebApplication app)
    {
        app.MapGet("/api/v1/organizations/{id:int}/memberships", Get)
            .WithTags("Organizations").AllowAnonymous()
            .WithSummary("Memberships of a body on a day (default: today). Names and whom a member represents only with the person's consent.");
        return app;
    }

    private static async Task<Results<Ok<List<MembershipDto>>, NotFound, ValidationProblem>> Get(int id, string? at, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var day = Masterplan.Web.Shared.CityTime.Today(time);
        if (at is not null && !DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Masterplan.Web.Shared.OutcomeAdapters.Invalid(http, [new Masterplan.Web.Shared.FieldError("at", "at muss ein Datum der Form JJJJ-MM-TT sein.")], "Die Anfrage ist nicht gültig.");
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await OnDayAsync(db, id, day, ct));
    }
}
