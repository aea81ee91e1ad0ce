using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>A field of action with its visible number and ordered children, as pages and the API show it.</summary>
public sealed record CatalogueNode(int Id, string Number, string Title, string? GuidingSentence, string? Description, IReadOnlyList<CatalogueNode> Children)
{
    public int Depth => Number.Count(c => c == '.');

    public IEnumerable<CatalogueNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>Builds the numbered tree in one query; shared by the catalogue page and API.</summary>
public sealed class CatalogueTree(AppDbContext db)
{
    public async Task<IReadOnlyList<CatalogueNode>> LoadAsync(CancellationToken ct = default)
    {
        var rows = await db.FieldsOfAction.AsNoTracking()
            .Select(f => new { f.Id, f.ParentId, f.Position, f.Title, f.GuidingSentence, f.Description })
            .ToListAsync(ct);
        var byParent = rows.ToLookup(r => r.ParentId);

        // The number follows the position along the path (001 §II numbering), so a moved node renumbers itself.
        IReadOnlyList<CatalogueNode> Build(int? parentId, string prefix) =>
            byParent[parentId].OrderBy(r => r.Position).ThenBy(r => r.Id)
                .Select((r, i) =>
                {
                    var number = prefix + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return new CatalogueNode(r.Id, number, r.Title, r.GuidingSentence, r.Description, Build(r.Id, number + "."));
                })
                .ToList();

        return Build(null, "");
    }
}

public static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services) => services.AddScoped<CatalogueTree>();

    public static WebApplication MapCatalogueApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/catalogue").WithTags("Catalogue").AllowAnonymous();
        api.MapGet("/", async (CatalogueTree tree, CancellationToken ct) => TypedResults.Ok(await tree.LoadAsync(ct)))
            .WithSummary("The catalogue of fields of action (Handlungsfelder) as a numbered tree.");
        return app;
    }
}
