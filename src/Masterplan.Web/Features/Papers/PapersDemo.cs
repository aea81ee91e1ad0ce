using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>Demo papers (flagged <c>IsDemo</c>) with a Beratungsfolge; one is on the agenda of the held demo plenary meeting.</summary>
internal static class PapersDemo
{
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Papers.AnyAsync(p => p.IsDemo, ct))
        {
            return false;
        }

        var today = CityTime.Today(time);
        var bodies = await db.Organizations.Where(o => o.SeedKey != null).ToDictionaryAsync(o => o.SeedKey!, ct);
        var department = await db.Organizations.Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name).FirstOrDefaultAsync(ct);
        var original = await db.Papers.Where(p => p.Reference == "26093-22").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        Consultation At(string body, int days, ConsultationRole role, bool authoritative = false, ConsultationResult? result = null) => new()
        {
            // Consultations are meetings: on working days, as the meetings module's demo meetings (the report's is one of them).
            Organization = bodies[body], Date = PublicHolidays.WorkingDayFrom(today.AddDays(days), forward: days >= 0), Role = role, Authoritative = authoritative,
            Result = result, ResultDate = result is null ? null : PublicHolidays.WorkingDayFrom(today.AddDays(days), forward: days >= 0),
        };

        var report = new Paper
        {
            Reference = "90001-26", PaperType = "Bericht", Name = "Halbjahresbericht zum Masterplan Kommunale Sicherheit 2.0 (Demo)", Date = today.AddDays(-75),
            ResponsibleOrganization = department, Originator = "Geschäftsstelle Masterplan", IsDemo = true,
            DecisionProposal = "Die Vollversammlung und der Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden nehmen den Halbjahresbericht zur Kenntnis.",
            Reasons = "Die Geschäftsstelle berichtet halbjährlich über den Stand der Maßnahmen in den Handlungsfeldern.",
            Consultations = [At("org:vollversammlung", -60, ConsultationRole.Acknowledgement, result: ConsultationResult.Acknowledged), At("org:aboeoab", 30, ConsultationRole.Acknowledgement, authoritative: true)],
        };
        var lighting = new Paper
        {
            Reference = "90002-26", PaperType = "Beschlussvorlage", Name = "Bessere Beleuchtung am Nordausgang des Hauptbahnhofs (Demo)", Date = today.AddDays(-20),
            ResponsibleOrganization = department, IsDemo = true,
            DecisionProposal = "Der Rat beschließt, die Beleuchtung am Nordausgang des Hauptbahnhofs bis zum Jahresende zu verbessern.",
            Reasons = "Die Vollversammlung hat die Maßnahme empfohlen; Beteiligte nennen den Nordausgang als Angstraum.",
            Consultations = [At("org:bv-innenstadt-nord", 14, ConsultationRole.Recommendation), At("org:aboeoab", 28, ConsultationRole.Deliberation, authoritative: true), At("org:rat", 42, ConsultationRole.Decision)],
        };
        var question = new Paper
        {
            Reference = "90003-26", PaperType = "Anfrage", Name = "Anfrage zur Zahl der Quartierslabore (Demo)", Date = today.AddDays(-10), Originator = "Demo-Fraktion", IsDemo = true,
            AmendsPaperId = null, Consultations = [At("org:aboeoab", 28, ConsultationRole.Acknowledgement)],
        };
        db.Papers.AddRange(report, lighting, question);
        if (original is { } o)
        {
            lighting.Related.Add(new PaperRelation { RelatedPaperId = o });
        }

        foreach (var (c, i) in new[] { report, lighting, question }.SelectMany(p => p.Consultations.Select((c, i) => (c, i))))
        {
            c.Position = i + 1;
        }

        await db.SaveChangesAsync(ct);

        // The report is on the agenda of the held demo plenary meeting (the meetings module seeds it before this one).
        var item = await db.AgendaItems.Where(a => a.Number == "2" && db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.IsDemo && m.State == MeetingState.Held))
            .FirstOrDefaultAsync(ct);
        if (item is not null)
        {
            var link = new AgendaLink { AgendaItemId = item.Id, Kind = AgendaLinkKind.Paper, TargetId = report.Id, Label = Beratungsfolge.LinkLabel(report) };
            db.AgendaLinks.Add(link);
            await db.SaveChangesAsync(ct);
            report.Consultations[0].AgendaLinkId = link.Id;
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
