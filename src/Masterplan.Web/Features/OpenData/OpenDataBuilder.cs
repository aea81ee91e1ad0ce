using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Enforcement;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.OpenData;

/// <summary>The rows of one dataset, in the order of its columns, and the days its content covers (null when it has none).</summary>
public sealed record DatasetTable(DatasetDefinition Definition, IReadOnlyList<object?[]> Rows, DateOnly? From, DateOnly? To);

/// <summary>
/// Reads each dataset through what its module shows to anyone: public measures and indicators, what
/// <see cref="MeetingViewer.Public"/> sees, the labs' public pages, <see cref="PublicServiceRequests"/> without the
/// resident's description and address, public Schutzorte, and the committee figures as their modules suppress them.
/// </summary>
public sealed class OpenDataBuilder(AppDbContext db, CatalogueTree tree, ConfidentialFigures confidential, EnforcementFigures enforcement, TimeProvider time)
{
    public async Task<DatasetTable> BuildAsync(DatasetDefinition dataset, CancellationToken ct) => dataset.Slug switch
    {
        OpenDataSets.Catalogue => await CatalogueAsync(dataset, ct),
        OpenDataSets.Measures => await MeasuresAsync(dataset, ct),
        OpenDataSets.Indicators => await IndicatorsAsync(dataset, ct),
        OpenDataSets.Meetings => await MeetingsAsync(dataset, ct),
        OpenDataSets.Recommendations => await RecommendationsAsync(dataset, ct),
        OpenDataSets.Labs => await LabsAsync(dataset, ct),
        OpenDataSets.LabRecommendations => await LabRecommendationsAsync(dataset, ct),
        OpenDataSets.ServiceRequests => await ServiceRequestsAsync(dataset, ct),
        OpenDataSets.ProtectivePlaces => await ProtectivePlacesAsync(dataset, ct),
        OpenDataSets.CommitteeFigures => await CommitteeFiguresAsync(dataset, ct),
        _ => throw new ArgumentException($"Unknown dataset {dataset.Slug}.", nameof(dataset)),
    };

    private static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(CityTime.Local(moment));

    private static DatasetTable Table(DatasetDefinition dataset, List<object?[]> rows, IEnumerable<DateOnly?> days)
    {
        var known = days.OfType<DateOnly>().ToList();
        return new DatasetTable(dataset, rows, known.Count == 0 ? null : known.Min(), known.Count == 0 ? null : known.Max());
    }

    private async Task<Dictionary<int, string>> FieldNumbersAsync(CancellationToken ct) =>
        (await tree.LoadAsync(ct)).SelectMany(f => f.SelfAndDescendants()).ToDictionary(n => n.Id, n => n.Number);

    private async Task<DatasetTable> CatalogueAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        void Add(CatalogueNode node, int? parent)
        {
            rows.Add([node.Id, node.Number, node.Title, node.GuidingSentence, node.Description, parent]);
            foreach (var child in node.Children)
            {
                Add(child, node.Id);
            }
        }

        foreach (var field in await tree.LoadAsync(ct))
        {
            Add(field, null);
        }

        return Table(dataset, rows, [CityTime.Today(time)]);
    }

    private async Task<DatasetTable> MeasuresAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var numbers = await FieldNumbersAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var measures = await db.Measures.AsNoTracking().Where(m => m.IsPublic).OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.FieldOfActionId, m.Title, m.Description, m.Status, m.Progress, m.StartDate, m.EndDate, m.PlannedBudget, m.SpentBudget,
                Districts = m.Districts.Select(d => d.DistrictId).ToList(), m.Place, m.Partners, m.PlanEdition, m.UpdatedAt,
            })
            .ToListAsync(ct);
        var rows = measures.Select(m => new object?[]
        {
            m.Id, m.FieldOfActionId, numbers.GetValueOrDefault(m.FieldOfActionId), m.Title, m.Description, Catalogue.Measures.StatusLabel(m.Status), m.Progress,
            m.StartDate, m.EndDate, m.PlannedBudget, m.SpentBudget,
            string.Join("; ", m.Districts.Select(d => districts.GetValueOrDefault(d)).Order(StringComparer.Ordinal)), m.Place, m.Partners, m.PlanEdition, m.UpdatedAt,
        }).ToList();
        return Table(dataset, rows, measures.SelectMany(m => new[] { m.StartDate, m.EndDate }));
    }

    private async Task<DatasetTable> IndicatorsAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var numbers = await FieldNumbersAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.IsPublic).OrderBy(i => i.Id).ToListAsync(ct);
        var rows = new List<object?[]>();
        foreach (var i in indicators)
        {
            object?[] head =
            [
                i.Id, i.Name, numbers.GetValueOrDefault(i.FieldOfActionId), i.MeasureId, i.Definition, i.Unit, i.DataSource, Catalogue.Indicators.Label(i.Direction),
                i.BaselineValue, i.BaselineDate, i.TargetValue, i.TargetDate,
            ];
            if (i.Values.Count == 0)
            {
                rows.Add([.. head, null, null]);
            }

            rows.AddRange(i.Values.OrderBy(v => v.Date).Select(v => (object?[])[.. head, v.Date, v.Value]));
        }

        return Table(dataset, rows, indicators.SelectMany(i => i.Values.Select(v => (DateOnly?)v.Date).Append(i.BaselineDate)));
    }

    private async Task<DatasetTable> MeetingsAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().VisibleTo(MeetingViewer.Public).OrderBy(m => m.Start).ThenBy(m => m.Id)
            .Select(m => new { m.Id, Body = m.Organization.Name, m.Title, m.Start, m.End, m.Room, m.Address, m.State }).ToListAsync(ct);
        var rows = meetings.Select(m => new object?[]
        {
            m.Id, m.Body, m.Title, m.Start, m.End, string.Join(", ", new[] { m.Room, m.Address }.Where(s => !string.IsNullOrWhiteSpace(s))), MeetingsModule.StateLabel(m.State),
        }).ToList();
        return Table(dataset, rows, meetings.Select(m => (DateOnly?)Day(m.Start)));
    }

    private async Task<DatasetTable> RecommendationsAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.Meeting).ThenInclude(m => m.Organization).Include(r => r.Updates)
            .VisibleTo(MeetingViewer.Public, db.AgendaItems).OrderBy(r => r.AdoptedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var rows = recommendations.Select(r =>
        {
            var last = r.Updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.Id).FirstOrDefault();
            var addressee = MeetingsModule.AddresseeLabel(r.AddresseeKind)
                            + (r.AddresseeOrganizationId is { } o && organizations.TryGetValue(o, out var name) ? ": " + name : "");
            return new object?[]
            {
                r.Id, r.MeetingId, r.Meeting.Organization.Name, r.AdoptedOn, r.Title, r.Text, addressee, MeetingsModule.StatusLabel(r.Status), last?.Date, last?.Note,
            };
        }).ToList();
        return Table(dataset, rows, recommendations.Select(r => (DateOnly?)r.AdoptedOn));
    }

    private async Task<DatasetTable> LabsAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var labs = await db.Labs.AsNoTracking().OrderBy(l => l.Year).ThenBy(l => l.Quarter).ThenBy(l => l.Id)
            .Select(l => new
            {
                l.Id, l.Title, l.District, l.Year, l.Quarter, l.State, l.HeldOn, l.ResultsSummary, l.ReportedOn,
                Recommendations = db.Set<LabRecommendation>().Count(r => r.LabId == l.Id),
            })
            .ToListAsync(ct);
        var rows = labs.Select(l => new object?[]
        {
            l.Id, l.Title, l.District, l.Year, l.Quarter, LabsModule.StateLabel(l.State), l.HeldOn, l.ResultsSummary, l.ReportedOn, l.Recommendations,
        }).ToList();
        return Table(dataset, rows, labs.SelectMany(l => new[] { (DateOnly?)new DateOnly(l.Year, (Math.Clamp(l.Quarter, 1, 4) * 3) - 2, 1), l.HeldOn }));
    }

    private async Task<DatasetTable> LabRecommendationsAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var list = await (from r in db.Set<LabRecommendation>().AsNoTracking()
                          join l in db.Labs on r.LabId equals l.Id
                          orderby r.LabId, r.Id
                          select new { r.Id, r.LabId, l.District, r.Text, r.Outcome, r.MeasureId, r.ForwardedTo, r.DeclineReason, r.DecidedAt, l.HeldOn })
            .ToListAsync(ct);
        var rows = list.Select(r => new object?[]
        {
            r.Id, r.LabId, r.District, r.Text, LabsModule.OutcomeLabel(r.Outcome), r.MeasureId, r.ForwardedTo, r.DeclineReason, r.DecidedAt,
        }).ToList();
        return Table(dataset, rows, list.SelectMany(r => new[] { r.HeldOn, r.DecidedAt is { } d ? Day(d) : (DateOnly?)null }));
    }

    private async Task<DatasetTable> ServiceRequestsAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        // Only what the public map and list show of a report, and of that not the resident's own words (description), the
        // address they typed or the staff's status notes: a dataset is copied and kept where a report's later correction
        // or take-down cannot follow it.
        var reports = await PublicServiceRequests.Query(db).AsNoTracking()
            .Select(r => new
            {
                r.Id, r.CategoryCode, r.CategoryName, r.DistrictName, r.Latitude, r.Longitude, r.Status, r.DepartmentName, r.DuplicateOfId, r.SupportCount,
                r.Created, r.Modified, r.ClosedAt,
            })
            .ToListAsync(ct);
        var rows = reports.OrderBy(r => r.Id).Select(r => new object?[]
        {
            r.Id, r.CategoryCode, r.CategoryName, r.DistrictName, r.Latitude, r.Longitude, ServiceRequestsModule.StatusLabel(r.Status), r.DepartmentName, r.DuplicateOfId,
            r.SupportCount, r.Created, r.Modified, r.ClosedAt,
        }).ToList();
        return Table(dataset, rows, reports.Select(r => (DateOnly?)Day(r.Created)));
    }

    private async Task<DatasetTable> ProtectivePlacesAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var events = await db.PlaceEvents.AsNoTracking().ToDictionaryAsync(e => e.Id, e => new { e.Name, e.Starts, e.Ends }, ct);
        var places = await db.ProtectivePlaces.AsNoTracking().Where(p => p.IsPublic).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Name, p.Kind, p.Address, p.DistrictId, p.Latitude, p.Longitude, p.Help, p.Phone, p.StepFree, p.AccessibleToilet, p.QuietRoom, p.Languages, p.EventId,
            })
            .ToListAsync(ct);
        var rows = places.Select(p => new object?[]
        {
            p.Id, p.Name, ProtectivePlacesModule.KindLabel(p.Kind), p.Address, p.DistrictId is { } d ? districts.GetValueOrDefault(d) : null, p.Latitude, p.Longitude, p.Help,
            p.Phone, p.StepFree, p.AccessibleToilet, p.QuietRoom, p.Languages, p.EventId is { } e ? events.GetValueOrDefault(e)?.Name : null,
        }).ToList();
        return Table(dataset, rows, places.Where(p => p.EventId is not null).SelectMany(p =>
            events.TryGetValue(p.EventId!.Value, out var e) ? new[] { (DateOnly?)Day(e.Starts), Day(e.Ends) } : []));
    }

    private async Task<DatasetTable> CommitteeFiguresAsync(DatasetDefinition dataset, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        var years = new List<int>();
        foreach (var unit in ConfidentialModule.Units)
        {
            foreach (var year in await confidential.YearsAsync(ct))
            {
                years.Add(year);
                foreach (var table in await confidential.ForYearAsync(unit, year, ct))
                {
                    AddTable(rows, year, ConfidentialModule.UnitLabel(unit), table);
                }
            }
        }

        foreach (var year in await enforcement.YearsAsync(ct))
        {
            years.Add(year);
            var figures = await enforcement.ForPeriodAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
            const string unit = "Kommunaler Ordnungsdienst";
            foreach (var table in figures.Receipts.Concat(figures.Force).Concat(figures.Feedback))
            {
                AddTable(rows, year, unit, table);
            }

            rows.AddRange(figures.BodycamByKind.Select(r => new object?[] { year, unit, "Bodycam an, nach Art der Maßnahme", r.Label, EnforcementFigures.Format(r.Yes), EnforcementFigures.Format(r.Total) }));
            rows.AddRange(figures.Means.Select(r => new object?[] { year, unit, "Einsätze mit Zwangsmitteln, Verletzungen und Beschwerden", r.Label, EnforcementFigures.Format(r.Yes), EnforcementFigures.Format(r.Total) }));
        }

        return Table(dataset, rows, years.Count == 0 ? [] : [new DateOnly(years.Min(), 1, 1), new DateOnly(years.Max(), 12, 31)]);
    }

    private static void AddTable(List<object?[]> rows, int year, string unit, FigureTable table)
    {
        rows.AddRange(table.Rows.Select(r => new object?[] { year, unit, table.Title, r.Label, ConfidentialFigures.Format(r.Count), null }));
        rows.Add([year, unit, table.Title, "Summe", ConfidentialFigures.Format(table.Total.Count), null]);
    }
}
