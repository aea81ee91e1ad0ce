using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using static Masterplan.Web.Features.OParl.OParlJson;

namespace Masterplan.Web.Features.OParl;

/// <summary>A council term (Wahlperiode) of Dortmund's council; NRW terms run from 1 November of the election year for five years.</summary>
public sealed record LegislativeTerm(int Id, string Name, DateOnly StartDate, DateOnly EndDate)
{
    public static readonly IReadOnlyList<LegislativeTerm> All =
    [
        new(1, "Wahlperiode 2020–2025", new(2020, 11, 1), new(2025, 10, 31)),
        new(2, "Wahlperiode 2025–2030", new(2025, 11, 1), new(2030, 10, 31)),
    ];
}

/// <summary>
/// What the OParl API shows and how each object type is written. The sets here are the only place that decides what is
/// public: meetings, agenda items and documents through the meetings module's one rule (<see cref="MeetingViewer.Public"/>),
/// persons only with their consent (and then by name and memberships only, never contact data), their memberships likewise.
/// Each writer takes a page of rows and loads what the page links to in a few queries.
/// </summary>
public sealed class OParlObjects(AppDbContext db, OParlUrls urls, OParlWriter writer)
{
    public IQueryable<Body> Bodies => db.Bodies;

    public IQueryable<Organization> Organizations => db.Organizations;

    public IQueryable<Person> Persons => db.Persons.Where(p => p.PublicConsent);

    public IQueryable<Membership> Memberships => db.Memberships.Where(m => m.Person.PublicConsent);

    public IQueryable<Meeting> Meetings => db.Meetings.VisibleTo(MeetingViewer.Public);

    public IQueryable<AgendaItem> AgendaItems => db.AgendaItems.PublicOnly();

    public IQueryable<MeetingDocument> Files => db.MeetingDocuments.PublicOnly(db);

    public IQueryable<Paper> Papers => db.Papers;

    public IQueryable<Consultation> Consultations => db.Consultations;

    /// <summary>The files of papers; papers are public, so are their files.</summary>
    public IQueryable<PaperFile> PaperFiles => db.PaperFiles;

    public IQueryable<District> Locations => db.Districts;

    public OParlUrls Urls => urls;

    public OParlWriter Writer => writer;

    private string BodyUrl(int id) => urls.Of("Body", id);

    /// <summary>
    /// The body every object belongs to (papers, organizations and persons all name it), read once per process: it is
    /// reference data, created with the database and never removed.
    /// </summary>
    private async Task<string> MainBodyUrlAsync(CancellationToken ct) =>
        urls.MainBody ??= BodyUrl(await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(ct));

    public async Task<Written> SystemAsync(CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).FirstAsync(ct);
        return writer.Begin(urls.System, "System")
            .Put("oparlVersion", OParlJson.Version)
            .Put("body", urls.List("body"))
            .Put("name", "Masterplan Kommunale Sicherheit 2.0 – Stadt Dortmund")
            .Put("website", urls.Web("/"))
            .Put("web", urls.Web("/api/docs"))
            .Stamp(body);
    }

    public Task<List<Written>> BodiesAsync(List<Body> bodies, bool omitInternal, CancellationToken ct) =>
        Task.FromResult(bodies.Select(b =>
        {
            var id = BodyUrl(b.Id);
            // Mandatory, so written even where omit_internal allows leaving it out (it is two short objects).
            var terms = LegislativeTerm.All.Select(t => Term(t, b)).ToList();
            return writer.Begin(id, "Body")
                .Put("system", urls.System)
                .Put("name", b.Name)
                .Put("shortName", b.ShortName)
                .Put("website", b.Website)
                .Put("ags", b.Ags)
                .Put("rgs", b.Rgs)
                .Put("classification", b.Classification)
                .Put("organization", id + "/organization")
                .Put("person", id + "/person")
                .Put("meeting", id + "/meeting")
                .Put("paper", id + "/paper")
                .Put("agendaItem", id + "/agendaItem")
                .Put("consultation", id + "/consultation")
                .Put("file", id + "/file")
                .Put("membership", id + "/membership")
                .Put("locationList", id + "/location")
                .Put("legislativeTermList", id + "/legislativeTerm")
                .Objects("legislativeTerm", terms)
                .Put("web", urls.Web("/"))
                .Stamp(b);
        }).ToList());

    /// <summary>Terms belong to the body's reference data and carry its times.</summary>
    public Written Term(LegislativeTerm term, Body body) =>
        writer.Begin(urls.Of("LegislativeTerm", term.Id), "LegislativeTerm")
            .Put("body", BodyUrl(body.Id))
            .Put("name", term.Name)
            .Put("startDate", Day(term.StartDate))
            .Put("endDate", Day(term.EndDate))
            .Stamp(body);

    public async Task<List<Written>> OrganizationsAsync(List<Organization> organizations, bool omitInternal, CancellationToken ct)
    {
        var ids = organizations.Select(o => o.Id).ToList();
        var memberships = (await Memberships.Where(m => ids.Contains(m.OrganizationId)).Select(m => new { m.OrganizationId, m.Id }).ToListAsync(ct))
            .ToLookup(m => m.OrganizationId, m => m.Id);
        var districtIds = organizations.Where(o => o.DistrictId != null).Select(o => o.DistrictId!.Value).Distinct().ToList();
        var districts = districtIds.Count == 0 ? [] : await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToListAsync(ct);
        var locations = districts.Zip(await LocationsAsync(districts, omitInternal, ct)).ToDictionary(x => x.First.Id, x => x.Second);
        var body = await MainBodyUrlAsync(ct);
        return organizations.Select(o =>
        {
            var id = urls.Of("Organization", o.Id);
            return writer.Begin(id, "Organization")
                .Put("body", body)
                .Put("name", o.Name)
                .Put("shortName", o.ShortName)
                .Strings("membership", memberships[o.Id].Order().Select(m => urls.Of("Membership", m)))
                .Put("meeting", id + "/meeting")
                .Put("consultation", id + "/consultation")
                .Put("subOrganizationOf", o.ParentId is { } parent ? urls.Of("Organization", parent) : null)
                .Put("organizationType", o.Kind switch
                {
                    OrganizationKind.Fraction => "Fraktion",
                    OrganizationKind.Department => "Verwaltungsbereich",
                    OrganizationKind.Institution => "Institution",
                    _ => "Gremium",
                })
                .Put("classification", o.Classification ?? OrganizationsModule.KindLabel(o.Kind))
                .Put("startDate", o.StartDate is { } start ? Day(start) : null)
                .Put("endDate", o.EndDate is { } end ? Day(end) : null)
                .Embedded("location", o.DistrictId is { } district ? locations[district] : null)
                .Put("web", urls.Web($"/gremien/{o.Id}"))
                .Stamp(o);
        }).ToList();
    }

    public async Task<List<Written>> PersonsAsync(List<Person> persons, bool omitInternal, CancellationToken ct)
    {
        var ids = persons.Select(p => p.Id).ToList();
        var rows = omitInternal ? [] : await Memberships.AsNoTracking().Where(m => ids.Contains(m.PersonId)).OrderBy(m => m.Id).ToListAsync(ct);
        var byPerson = rows.Zip(await MembershipsAsync(rows, omitInternal, ct)).ToLookup(x => x.First.PersonId, x => x.Second);
        var body = await MainBodyUrlAsync(ct);
        return persons.Select(p => writer.Begin(urls.Of("Person", p.Id), "Person")
            .Put("body", body)
            .Put("name", p.DisplayName)
            .Put("familyName", p.FamilyName)
            .Put("givenName", p.GivenName)
            .Strings("title", string.IsNullOrWhiteSpace(p.Title) ? [] : [p.Title])
            .Objects("membership", byPerson[p.Id])
            .Stamp(p)).ToList();
    }

    public Task<List<Written>> MembershipsAsync(List<Membership> memberships, bool omitInternal, CancellationToken ct) =>
        Task.FromResult(memberships.Select(m => writer.Begin(urls.Of("Membership", m.Id), "Membership")
            .Put("person", urls.Of("Person", m.PersonId))
            .Put("organization", urls.Of("Organization", m.OrganizationId))
            .Put("role", m.Role)
            .With("votingRight", m.VotingRight == VotingRight.Voting)
            .Put("startDate", Day(m.StartDate))
            .Put("endDate", m.EndDate is { } end ? Day(end) : null)
            .Put("onBehalfOf", m.OnBehalfOfId is { } behalf ? urls.Of("Organization", behalf) : null)
            .Stamp(m)).ToList());

    public async Task<List<Written>> MeetingsAsync(List<Meeting> meetings, bool omitInternal, CancellationToken ct)
    {
        var ids = meetings.Select(m => m.Id).ToList();
        ILookup<int, Written> items = Enumerable.Empty<Written>().ToLookup(i => 0);
        ILookup<int, Written> files = items;
        if (!omitInternal)
        {
            // All public files of the meetings in one command: those of the meeting itself here, those of its items below.
            var documents = await Files.AsNoTracking().Where(d => ids.Contains(d.MeetingId)).OrderBy(d => d.Id).ToListAsync(ct);
            // The meetings' public items are all the siblings the items' positions need: read once, with the papers they link.
            var rows = await ItemRowsAsync(AgendaItems.AsNoTracking().Where(i => ids.Contains(i.MeetingId)), ct);
            items = (await AgendaItemsAsync(rows, rows, omitInternal, [.. documents.Where(d => d.AgendaItemId != null)], ct))
                .OrderBy(i => i.Order).ToLookup(i => i.Item.MeetingId, i => i.Json);
            files = documents.Where(d => d.AgendaItemId == null).ToLookup(d => d.MeetingId, File);
        }

        return meetings.Select(m => writer.Begin(urls.Of("Meeting", m.Id), "Meeting")
            .Put("name", m.Title)
            .Put("meetingState", m.State switch
            {
                MeetingState.Held => "durchgeführt",
                MeetingState.Invited => "eingeladen",
                MeetingState.Cancelled when m.InvitedAt is not null => "eingeladen",
                _ => "terminiert",
            })
            .TrueOnly("cancelled", m.State == MeetingState.Cancelled)
            .Put("start", Moment(m.Start))
            .Put("end", Moment(m.End))
            .Strings("organization", [urls.Of("Organization", m.OrganizationId)])
            .Objects("auxiliaryFile", files[m.Id])
            .Objects("agendaItem", items[m.Id])
            .Put("web", urls.Web($"/sitzungen/{m.Id}"))
            .Stamp(m)).ToList();
    }

    /// <summary>An agenda item with the papers it links (for its consultation).</summary>
    private sealed record ItemRow(AgendaItem Item, List<int> Papers);

    private static Task<List<ItemRow>> ItemRowsAsync(IQueryable<AgendaItem> items, CancellationToken ct) =>
        // The columns OParl shows, not the item's text (a paragraph on most items, which OParl does not show).
        items.Select(i => new ItemRow(
                new AgendaItem { Id = i.Id, MeetingId = i.MeetingId, Number = i.Number, SortKey = i.SortKey, Title = i.Title, IsPublic = i.IsPublic, Created = i.Created, Modified = i.Modified },
                i.Links.Where(l => l.Kind == AgendaLinkKind.Paper && l.TargetId != null).Select(l => l.TargetId!.Value).ToList()))
            .ToListAsync(ct);

    public async Task<List<Written>> AgendaItemsAsync(List<AgendaItem> items, bool omitInternal, CancellationToken ct)
    {
        // The position among the public items of the meeting: non-public items leave no gaps that would reveal them. The
        // same query brings the papers the items link (one command instead of two per page or single item).
        var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
        var siblings = await ItemRowsAsync(AgendaItems.AsNoTracking().Where(i => meetingIds.Contains(i.MeetingId)), ct);
        var wanted = siblings.ToDictionary(s => s.Item.Id);
        return [.. (await AgendaItemsAsync([.. items.Select(i => wanted.TryGetValue(i.Id, out var row) ? row with { Item = i } : new ItemRow(i, []))], siblings, omitInternal, null, ct))
            .Select(i => i.Json)];
    }

    /// <param name="siblings">All public items of the items' meetings, for their positions.</param>
    /// <param name="itemFiles">The public files of these items when the caller has them already (a meeting's page).</param>
    private async Task<List<(AgendaItem Item, int Order, Written Json)>> AgendaItemsAsync(
        List<ItemRow> items, List<ItemRow> siblings, bool omitInternal, List<MeetingDocument>? itemFiles, CancellationToken ct)
    {
        var itemIds = items.Select(i => i.Item.Id).ToList();
        var order = siblings
            .GroupBy(i => i.Item.MeetingId)
            .SelectMany(g => g.OrderBy(i => i.Item.SortKey, StringComparer.Ordinal).ThenBy(i => i.Item.Id).Select((i, n) => (i.Item.Id, Order: n + 1)))
            .ToDictionary(x => x.Id, x => x.Order);
        var files = omitInternal
            ? Enumerable.Empty<Written>().ToLookup(f => 0)
            : (itemFiles ?? await Files.AsNoTracking().Where(d => d.AgendaItemId != null && itemIds.Contains(d.AgendaItemId.Value)).OrderBy(d => d.Id).ToListAsync(ct))
                .ToLookup(d => d.AgendaItemId!.Value, File);
        var papers = items.SelectMany(i => i.Papers).Distinct().ToList();
        var (_, consultationOf) = await PairsAsync(papers, ct);
        return [.. items.Select(row =>
        {
            var i = row.Item;
            var json = writer.Begin(urls.Of("AgendaItem", i.Id), "AgendaItem")
                .Put("meeting", urls.Of("Meeting", i.MeetingId))
                .Put("number", i.Number)
                .With("order", order[i.Id])
                .Put("name", i.Title)
                .With("public", true)
                .Put("consultation", consultationOf.TryGetValue(i.Id, out var c) ? urls.Of("Consultation", c) : null)
                .Objects("auxiliaryFile", files[i.Id])
                .Stamp(i);
            return (i, order[i.Id], json);
        })];
    }

    public Task<List<Written>> FilesAsync(List<MeetingDocument> documents, bool omitInternal, CancellationToken ct) =>
        Task.FromResult(documents.Select(File).ToList());

    /// <summary>What every OParl File says of itself, for a meeting's document and a paper's file alike.</summary>
    private ObjectBuilder FileObject(string id, string title, string fileName, string mediaType, DateTimeOffset at, long size, string sha512, string downloadPath) =>
        writer.Begin(id, "File")
            .Put("name", title)
            .Put("fileName", fileName)
            .Put("mimeType", mediaType)
            .Put("date", Day(DateOnly.FromDateTime(CityTime.Local(at))))
            .With("size", size)
            .Put("sha512Checksum", sha512.ToLowerInvariant())
            .Put("accessUrl", id + "/content")
            .Put("downloadUrl", urls.Web(downloadPath));

    private Written File(MeetingDocument d) =>
        FileObject(urls.Of("File", d.Id), d.Title, d.FileName, d.MediaType, d.UploadedAt, d.Size, d.Sha512, $"/sitzungen/{d.MeetingId}/dokumente/{d.Id}")
            .Strings("meeting", [urls.Of("Meeting", d.MeetingId)])
            .Strings("agendaItem", d.AgendaItemId is { } item ? [urls.Of("AgendaItem", item)] : [])
            .Stamp(d);

    public async Task<List<Written>> PapersAsync(List<Paper> papers, bool omitInternal, CancellationToken ct)
    {
        var ids = papers.Select(p => p.Id).ToList();
        var consultationRows = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.PaperId)).OrderBy(c => c.Position).ToListAsync(ct);
        var consultations = consultationRows.Zip(await ConsultationsAsync(consultationRows, omitInternal, ct)).ToLookup(x => x.First.PaperId, x => x.Second);
        var files = (await db.PaperFiles.AsNoTracking().Where(f => ids.Contains(f.PaperId)).OrderBy(f => f.Id).ToListAsync(ct)).ToLookup(f => f.PaperId);
        // Motions that amend these papers and the Office's relations in either direction, in one command.
        var relations = (await db.Papers.Where(p => p.AmendsPaperId != null && ids.Contains(p.AmendsPaperId.Value)).Select(p => new { A = p.AmendsPaperId!.Value, B = p.Id })
                .Concat(db.PaperRelations.Where(r => ids.Contains(r.PaperId) || ids.Contains(r.RelatedPaperId)).Select(r => new { A = r.PaperId, B = r.RelatedPaperId }))
                .ToListAsync(ct))
            .SelectMany(r => new[] { (Paper: r.A, Other: r.B), (Paper: r.B, Other: r.A) })
            .ToLookup(r => r.Paper, r => r.Other);
        var body = await MainBodyUrlAsync(ct);
        return papers.Select(p =>
        {
            // A motion and the paper it amends refer to each other, and so do papers the Office named as related.
            var related = relations[p.Id].Concat(p.AmendsPaperId is { } amends ? [amends] : []).Distinct().Order();
            var (main, auxiliary) = MainFile([.. files[p.Id]]);
            var mainJson = main is null ? null : PaperFile(main);
            var auxiliaryJson = auxiliary.Select(PaperFile).ToList();
            return writer.Begin(urls.Of("Paper", p.Id), "Paper")
                .Put("body", body)
                .Put("name", p.Name)
                .Put("reference", p.Reference)
                .Put("date", Day(p.Date))
                .Put("paperType", p.PaperType)
                .Strings("relatedPaper", related.Select(r => urls.Of("Paper", r)))
                .Embedded("mainFile", mainJson)
                .Objects("auxiliaryFile", auxiliaryJson)
                .Strings("underDirectionOf", p.ResponsibleOrganizationId is { } org ? [urls.Of("Organization", org)] : [])
                .Objects("consultation", consultations[p.Id])
                .Put("web", urls.Web($"/vorlagen/{p.Id}"))
                .Stamp(p);
        }).ToList();
    }

    /// <summary>
    /// The paper's main file: the newest PDF the platform generated from the paper itself (its text as it stands), or else the
    /// first file added; the others are its auxiliary files, in the order they were added.
    /// </summary>
    private static (PaperFile? Main, List<PaperFile> Auxiliary) MainFile(List<PaperFile> files)
    {
        var main = files.LastOrDefault(f => f.IsGenerated) ?? files.FirstOrDefault();
        return (main, [.. files.Where(f => f != main)]);
    }

    public Task<List<Written>> PaperFilesAsync(List<PaperFile> files, bool omitInternal, CancellationToken ct) =>
        Task.FromResult(files.Select(PaperFile).ToList());

    private Written PaperFile(PaperFile f) =>
        FileObject(urls.Of("PaperFile", f.Id), f.Title, f.FileName, f.MediaType, f.AddedAt, f.Size, f.Sha512, $"/vorlagen/{f.PaperId}/dateien/{f.Id}")
            .Strings("paper", [urls.Of("Paper", f.PaperId)])
            .Put("web", urls.Web($"/vorlagen/{f.PaperId}"))
            .Stamp(f);

    public async Task<List<Written>> ConsultationsAsync(List<Consultation> consultations, bool omitInternal, CancellationToken ct)
    {
        var (itemOf, _) = await PairsAsync(consultations.Select(c => c.PaperId).Distinct().ToList(), ct);
        return consultations.Select(c =>
        {
            var scheduled = itemOf.TryGetValue(c.Id, out var at) ? at : ((int Item, int Meeting)?)null;
            return writer.Begin(urls.Of("Consultation", c.Id), "Consultation")
                .Put("paper", urls.Of("Paper", c.PaperId))
                .Put("agendaItem", scheduled is { } s1 ? urls.Of("AgendaItem", s1.Item) : null)
                .Put("meeting", scheduled is { } s2 ? urls.Of("Meeting", s2.Meeting) : null)
                .Strings("organization", [urls.Of("Organization", c.OrganizationId)])
                .With("authoritative", c.Authoritative)
                .Put("role", PapersModule.RoleLabel(c.Role))
                .Put("web", urls.Web($"/vorlagen/{c.PaperId}"))
                .Stamp(c);
        }).ToList();
    }

    public async Task<List<Written>> LocationsAsync(List<District> districts, bool omitInternal, CancellationToken ct)
    {
        var ids = districts.Select(d => d.Id).ToList();
        var organizations = ids.Count == 0 ? Enumerable.Empty<int>().ToLookup(o => 0) : (await db.Organizations.Where(o => o.DistrictId != null && ids.Contains(o.DistrictId.Value)).Select(o => new { o.Id, District = o.DistrictId!.Value }).ToListAsync(ct))
            .ToLookup(o => o.District, o => o.Id);
        return districts.Select(d => writer.Begin(urls.Of("Location", d.Id), "Location")
            .Put("description", $"Stadtbezirk {d.Name}")
            .Put("subLocality", d.Name)
            .Put("locality", "Dortmund")
            .Strings("organizations", organizations[d.Id].Order().Select(o => urls.Of("Organization", o)))
            .Put("web", urls.Web("/stadtbezirke"))
            .Stamp(d)).ToList();
    }

    /// <summary>
    /// Which public agenda item treats which consultation: the one the Office scheduled it on (its agenda link); for a
    /// consultation without one, an agenda item that links its paper (<see cref="AgendaLink"/>) in the consultation's body,
    /// matched in order of meetings, so the first consultation of a body gets its first meeting on the paper. Each item
    /// has at most one consultation. Both directions of the link come from this one matching, so they always agree.
    /// </summary>
    private async Task<(Dictionary<int, (int Item, int Meeting)> ItemOf, Dictionary<int, int> ConsultationOf)> PairsAsync(List<int> paperIds, CancellationToken ct)
    {
        var itemOf = new Dictionary<int, (int, int)>();
        var consultationOf = new Dictionary<int, int>();
        if (paperIds.Count == 0)
        {
            return (itemOf, consultationOf);
        }

        // The consultations of the papers and the public items that link them, in one command (both row kinds in one UNION ALL; the columns a kind does not have are placeholders).
        var rows = await db.Consultations.Where(c => paperIds.Contains(c.PaperId))
            .Select(c => new { IsItem = false, c.Id, c.PaperId, c.OrganizationId, c.Position, Link = c.AgendaLinkId, MeetingId = 0, Start = c.Created })
            .Concat(
                from l in db.AgendaLinks
                where l.Kind == AgendaLinkKind.Paper && l.TargetId != null && paperIds.Contains(l.TargetId.Value)
                join i in AgendaItems on l.AgendaItemId equals i.Id
                select new { IsItem = true, i.Id, PaperId = l.TargetId!.Value, i.Meeting.OrganizationId, Position = 0, Link = (int?)l.Id, i.MeetingId, i.Meeting.Start })
            .ToListAsync(ct);
        var consultations = rows.Where(r => !r.IsItem).Select(r => new { r.Id, r.PaperId, r.OrganizationId, r.Position, AgendaLinkId = r.Link }).ToList();
        var items = rows.Where(r => r.IsItem).Select(r => new { Link = r.Link!.Value, Paper = r.PaperId, r.Id, r.MeetingId, r.OrganizationId, r.Start }).ToList();

        // A consultation the Office scheduled names its agenda link: that is the item, if it is public.
        var byLink = items.ToDictionary(i => i.Link);
        foreach (var c in consultations.Where(c => c.AgendaLinkId != null).OrderBy(c => c.Id))
        {
            if (byLink.TryGetValue(c.AgendaLinkId!.Value, out var item) && !consultationOf.ContainsKey(item.Id))
            {
                itemOf[c.Id] = (item.Id, item.MeetingId);
                consultationOf[item.Id] = c.Id;
            }
        }

        // Consultations without one (the seeded ones) are matched with the items that link their paper.
        var scheduled = items.DistinctBy(i => (i.Paper, i.Id)).ToLookup(i => (i.Paper, i.OrganizationId));
        foreach (var group in consultations.Where(c => c.AgendaLinkId == null).GroupBy(c => (c.PaperId, c.OrganizationId)).OrderBy(g => g.Key))
        {
            // An item that treats two papers serves the first one only: an agenda item has one consultation.
            var free = scheduled[group.Key].Where(i => !consultationOf.ContainsKey(i.Id)).OrderBy(i => i.Start).ThenBy(i => i.Id).ToList();
            foreach (var (consultation, item) in group.OrderBy(c => c.Position).Zip(free))
            {
                itemOf[consultation.Id] = (item.Id, item.MeetingId);
                consultationOf[item.Id] = consultation.Id;
            }
        }

        return (itemOf, consultationOf);
    }
}
