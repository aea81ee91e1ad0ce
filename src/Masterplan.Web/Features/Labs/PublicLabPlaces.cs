using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>A place a lab mapped, as anyone may see it: where, what kind, and the lab's district; no comment.</summary>
public sealed record PublicLabPlace(int LabId, string LabTitle, string District, PlaceCategory Category, double Latitude, double Longitude);

/// <summary>
/// What other modules may read of the labs' places (the Meldungen' overview of unsafe places per district). It follows the
/// lab page's rule: every lab and its places are public (<c>/quartierslabore/{id}</c> shows them to anyone; what is not
/// public in a lab, the register extract and the registrations, is not a place). If labs ever get a non-public state, it is
/// filtered here once.
/// </summary>
public static class PublicLabPlaces
{
    public static IQueryable<PublicLabPlace> Query(AppDbContext db, PlaceCategory category) =>
        from p in db.Set<LabPlace>().AsNoTracking()
        where p.Category == category
        join l in db.Set<NeighbourhoodLab>() on p.LabId equals l.Id
        orderby l.District, p.Id
        select new PublicLabPlace(l.Id, l.Title, l.District, p.Category, p.Latitude, p.Longitude);
}
