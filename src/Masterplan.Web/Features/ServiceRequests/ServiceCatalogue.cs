using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>An active category as a report is checked against it: its department's name and its extra questions in order.</summary>
public sealed record CatalogueCategory(ServiceCategory Category, string Department, IReadOnlyList<ServiceCategoryQuestion> Questions);

/// <summary>
/// What every report is checked against (the active categories by service code, their questions, the districts), as read
/// for one number of the <see cref="DataVersion"/> <see cref="VersionName"/>. Its rows are shared by all requests: read only.
/// </summary>
public sealed record ServiceCatalogueSnapshot(int Version, IReadOnlyDictionary<string, CatalogueCategory> ActiveByCode, IReadOnlyDictionary<int, District> Districts);

/// <summary>
/// The latest <see cref="ServiceCatalogueSnapshot"/> of this instance (a singleton). A report then costs one small command
/// for these rows instead of five (category twice, questions twice, district): measured in bench/ServiceRequests. Any save
/// of a category, question, district or department moves the version in its transaction, so an edit on another instance
/// shows at the next request.
/// </summary>
public sealed class ServiceCatalogue
{
    public const string VersionName = "service-catalogue";

    public static readonly DataVersion Version = new(VersionName, new HashSet<Type>
    {
        typeof(ServiceCategory), typeof(ServiceCategoryQuestion), typeof(District), typeof(Organization),
    });

    private ServiceCatalogueSnapshot? _current;

    public async Task<ServiceCatalogueSnapshot> GetAsync(AppDbContext db, CancellationToken ct)
    {
        // No row yet means no change of these types was ever saved through the context: version 0 stays valid until one is.
        var version = await db.DataVersionAsync(VersionName, ct) ?? 0;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version)
        {
            return current;
        }

        // Read after the number, so at least as new as it; a change saved meanwhile moves it and the next request reads again.
        var categories = await (
            from c in db.ServiceCategories.AsNoTracking()
            where c.IsActive
            join o in db.Organizations on c.DepartmentId equals o.Id
            select new { Category = c, Department = o.Name }).ToListAsync(ct);
        var questions = (await db.ServiceCategoryQuestions.AsNoTracking().OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct)).ToLookup(q => q.CategoryId);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var next = new ServiceCatalogueSnapshot(version,
            categories.ToDictionary(c => c.Category.Code, c => new CatalogueCategory(c.Category, c.Department, [.. questions[c.Category.Id]]), StringComparer.Ordinal),
            districts);
        Volatile.Write(ref _current, next);
        return next;
    }
}
