using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Features.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Data;

/// <summary>
/// Loads Dortmund's reference data (Data/Seed/reference-data.json) idempotently.
/// </summary>
/// <remarks>
/// Rules: a row is found by its seed key. A missing row is inserted. An existing row is updated to a
/// newer seed only if its seeded values are still exactly those last seeded (its <see cref="ISeeded.SeedHash"/>
/// matches), so an edit made in the platform is never overwritten. Rows are never deleted by seeding.
/// When the stored version equals the file's version nothing is read or written at all.
/// </remarks>
public sealed class ReferenceDataSeeder(AppDbContext db, TimeProvider time)
{
    private const string SetName = "reference";

    /// <summary>08.11.2022, the date of paper 26093-22 that proposed the catalogue (00:00 in Dortmund).</summary>
    public static readonly DateTimeOffset CatalogueOrigin = new(2022, 11, 7, 23, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Returns true when something was written.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default) => await SeedAsync(Load(), ct);

    /// <summary>Applies <paramref name="seed"/>; returns true when something was written.</summary>
    public async Task<bool> SeedAsync(ReferenceData seed, CancellationToken ct = default)
    {
        var applied = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == SetName, ct);
        if (applied is not null && applied.Version >= seed.Version)
        {
            return false;
        }

        // Several instances may start at once; only one seeds, the others wait and then see the new version. On SQLite
        // the transaction holds the write lock from its start (BEGIN IMMEDIATE), on PostgreSQL an advisory lock.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);
        }

        applied = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == SetName, ct);
        if (applied is not null && applied.Version >= seed.Version)
        {
            return false;
        }

        var body = await db.Bodies.ToListAsync(ct);
        Sync(body, [seed.Body], s => s.Key, (s, b) =>
        {
            b.Name = s.Name;
            b.ShortName = s.ShortName;
            b.Ags = s.Ags;
            b.Rgs = s.Rgs;
            b.Classification = s.Classification;
            b.Website = s.Website;
        }, b => new { b.Name, b.ShortName, b.Ags, b.Rgs, b.Classification, b.Website }, () => new Body { Name = "" });

        var districts = await db.Districts.ToListAsync(ct);
        Sync(districts, seed.Districts, s => s.Key, (s, d) =>
        {
            d.Name = s.Name;
            d.Position = s.Position;
            d.Residents = s.Residents;
            d.ResidentsAsOf = s.ResidentsAsOf;
            d.Source = s.Source;
        }, d => new { d.Name, d.Position, d.Residents, d.ResidentsAsOf, d.Source }, () => new District { Name = "" });
        var districtByKey = districts.Where(d => d.SeedKey is not null).ToDictionary(d => d.SeedKey!);

        var organizations = await db.Organizations.ToListAsync(ct);
        var orgByKey = organizations.Where(o => o.SeedKey is not null).ToDictionary(o => o.SeedKey!);
        Sync(organizations, seed.Organizations, s => s.Key, (s, o) =>
        {
            o.Name = s.Name;
            o.ShortName = s.ShortName;
            o.Kind = s.Kind;
            o.Classification = s.Classification;
            o.Parent = s.Parent is null ? null : orgByKey[s.Parent];
            o.District = s.District is null ? null : districtByKey[s.District];
            o.Purpose = s.Purpose;
            o.StartDate = s.StartDate;
            o.EndDate = s.EndDate;
            o.CouncilSeats = s.CouncilSeats;
            o.Source = s.Source;
            o.PlanEdition = s.PlanEdition;
            orgByKey[s.Key] = o;
        }, o => new { o.Name, o.ShortName, o.Kind, o.Classification, Parent = o.Parent?.SeedKey, District = o.District?.SeedKey, o.Purpose, o.StartDate, o.EndDate, o.CouncilSeats, o.Source, o.PlanEdition },
        () => new Organization { Name = "" });

        var fields = await db.FieldsOfAction.ToListAsync(ct);
        var fieldByKey = fields.Where(f => f.SeedKey is not null).ToDictionary(f => f.SeedKey!);
        Sync(fields, seed.FieldsOfAction, s => "field:" + s.Number, (s, f) =>
        {
            var dot = s.Number.LastIndexOf('.');
            f.Parent = dot < 0 ? null : fieldByKey["field:" + s.Number[..dot]];
            f.Position = int.Parse(s.Number[(dot + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            f.Title = s.Title;
            f.GuidingSentence = s.GuidingSentence;
            f.Description = s.Description;
            f.Source = s.Source;
            fieldByKey["field:" + s.Number] = f;
        }, f => new { Parent = f.Parent?.SeedKey, f.Position, f.Title, f.GuidingSentence, f.Description, f.Source }, () => new FieldOfAction { Title = "" });

        var papers = await db.Papers.Include(p => p.Consultations).ToListAsync(ct);
        var paperByKey = papers.Where(p => p.SeedKey is not null).ToDictionary(p => p.SeedKey!);
        Sync(papers, seed.Papers, s => s.Key, (s, p) =>
        {
            p.Reference = s.Reference;
            p.Name = s.Name;
            p.PaperType = s.PaperType;
            p.Date = s.Date;
            p.ResponsibleOrganization = s.Responsible is null ? null : orgByKey[s.Responsible];
            p.Originator = s.Originator;
            p.DecisionProposal = s.DecisionProposal;
            p.AmendsPaper = s.Amends is null ? null : paperByKey[s.Amends];
            p.Source = s.Source;
            db.Consultations.RemoveRange(p.Consultations);
            p.Consultations = s.Consultations
                .Select((c, i) => new Consultation { Position = i + 1, Organization = orgByKey[c.Organization], Date = c.Date, Role = c.Role })
                .ToList();
            paperByKey[s.Key] = p;
        }, p => new
        {
            p.Reference, p.Name, p.PaperType, p.Date, Responsible = p.ResponsibleOrganization?.SeedKey, p.Originator, p.DecisionProposal,
            Amends = p.AmendsPaper?.SeedKey, p.Source,
            Consultations = p.Consultations.OrderBy(c => c.Position).Select(c => new { Organization = c.Organization.SeedKey, c.Date, c.Role }),
        }, () => new Paper { Name = "", PaperType = "" });

        // Categories refer to departments and fields by key, so those need their ids first (same transaction).
        await db.SaveChangesAsync(ct);
        var categories = await db.ServiceCategories.ToListAsync(ct);
        Sync(categories, seed.ServiceCategories ?? [], s => s.Key, (s, c) =>
        {
            c.Code = s.Code;
            c.Name = s.Name;
            c.Description = s.Description;
            c.DepartmentId = orgByKey[s.Department].Id;
            c.FieldOfActionId = s.FieldOfAction is null ? null : fieldByKey["field:" + s.FieldOfAction].Id;
            c.OverdueAfterDays = s.OverdueAfterDays;
            c.Position = s.Position;
        }, c => new { c.Code, c.Name, c.Description, c.DepartmentId, c.FieldOfActionId, c.OverdueAfterDays, c.Position }, () => new ServiceCategory { Code = "", Name = "", Description = "" });

        if (applied is null)
        {
            db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = SetName, Version = seed.Version, AppliedAt = time.GetUtcNow() });
        }
        else
        {
            applied.Version = seed.Version;
            applied.AppliedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);

        // The catalogue's history starts with the tree of 001 §II on the paper's date.
        await new CatalogueEditor(db, time).RecordInitialVersionsAsync(CatalogueOrigin, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The reference data shipped with this build.</summary>
    public static ReferenceData Load()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("Masterplan.Web.Data.Seed.reference-data.json")
            ?? throw new InvalidOperationException("The embedded reference data is missing from the build.");
        return JsonSerializer.Deserialize<ReferenceData>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The embedded reference data is empty.");
    }

    private void Sync<TEntity, TSeed>(
        List<TEntity> existing,
        IEnumerable<TSeed> seeds,
        Func<TSeed, string> key,
        Action<TSeed, TEntity> apply,
        Func<TEntity, object> seededValues,
        Func<TEntity> create)
        where TEntity : class, ISeeded
    {
        var byKey = existing.Where(e => e.SeedKey is not null).ToDictionary(e => e.SeedKey!);
        foreach (var s in seeds)
        {
            var k = key(s);
            if (!byKey.TryGetValue(k, out var entity))
            {
                entity = create();
                entity.SeedKey = k;
                apply(s, entity);
                entity.SeedHash = Hash(seededValues(entity));
                db.Add(entity);
                existing.Add(entity);
                byKey[k] = entity;
            }
            else if (entity.SeedHash == Hash(seededValues(entity)))
            {
                // Unedited since it was seeded: move it forward to the new seed's values.
                apply(s, entity);
                entity.SeedHash = Hash(seededValues(entity));
            }
        }
    }

    private static string Hash(object values) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values, JsonOptions))));
}

/// <summary>The shape of Data/Seed/reference-data.json.</summary>
public sealed record ReferenceData(
    int Version,
    ReferenceData.BodySeed Body,
    IReadOnlyList<ReferenceData.DistrictSeed> Districts,
    IReadOnlyList<ReferenceData.OrganizationSeed> Organizations,
    IReadOnlyList<ReferenceData.FieldSeed> FieldsOfAction,
    IReadOnlyList<ReferenceData.PaperSeed> Papers,
    IReadOnlyList<ReferenceData.ServiceCategorySeed>? ServiceCategories = null)
{
    public sealed record BodySeed(string Key, string Name, string? ShortName, string? Ags, string? Rgs, string? Classification, string? Website);

    public sealed record DistrictSeed(string Key, string Name, int Position, int? Residents, DateOnly? ResidentsAsOf, string? Source);

    public sealed record OrganizationSeed(
        string Key, string Name, OrganizationKind Kind, string? ShortName, string? Parent, string? District, string? Purpose,
        DateOnly? StartDate, DateOnly? EndDate, int? CouncilSeats, string? Classification, string? Source, int? PlanEdition = null);

    public sealed record FieldSeed(string Number, string Title, string? GuidingSentence, string? Description, string? Source);

    public sealed record PaperSeed(
        string Key, string? Reference, string Name, string PaperType, DateOnly Date, string? Responsible, string? Originator,
        string? DecisionProposal, string? Amends, string? Source, IReadOnlyList<ConsultationSeed> Consultations);

    /// <summary>A category of Meldungen; <paramref name="FieldOfAction"/> is a catalogue number (1.2.3).</summary>
    public sealed record ServiceCategorySeed(
        string Key, string Code, string Name, string Description, string Department, string? FieldOfAction, int OverdueAfterDays, int Position, string? Source);

    public sealed record ConsultationSeed(string Organization, DateOnly Date, ConsultationRole Role);
}
