using Masterplan.Web.Data;
using Masterplan.Web.Tests.Features.Home;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Data;

/// <summary>
/// The platform starts with the compiled models in Data/CompiledModels (cold start ≤ 3 s, docs/domain.md#performance-targets). At run time
/// EF uses them instead of the entity classes, so a compiled model that lags behind the classes would
/// silently drop a new property. These tests generate each model again and compare it with the stored one.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_stored_compiled_model_matches_the_entity_classes(DatabaseProvider engine)
    {
        using DbContext context = engine == DatabaseProvider.Sqlite
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        var folder = Path.Combine(TranslationTests.RepositoryRoot(), "src", "Masterplan.Web", "Data", "CompiledModels", engine.ToString());
        var command = $"dotnet ef dbcontext optimize --project src/Masterplan.Web --context {engine}AppDbContext " +
                      $"--output-dir Data/CompiledModels/{engine} --namespace Masterplan.Web.Data.CompiledModels.{engine}";

        var generated = Generate(context, $"Masterplan.Web.Data.CompiledModels.{engine}");

        var stored = Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Order().ToList();
        Assert.True(generated.Keys.Order().SequenceEqual(stored), $"The compiled model's files differ from the entity classes. Run: {command}");
        foreach (var (file, code) in generated)
        {
            Assert.True(WithoutModelId(code) == WithoutModelId(File.ReadAllText(Path.Combine(folder, file))), $"{file} differs from the entity classes. Run: {command}");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_platform_runs_on_the_compiled_model(DatabaseProvider engine)
    {
        using DbContext context = engine == DatabaseProvider.Sqlite
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.IsAssignableFrom<RuntimeModel>(context.Model);
        Assert.Equal($"{engine}AppDbContextModel", context.Model.GetType().Name);
    }

    /// <summary>Each generation gives the model a new random id.</summary>
    private static string WithoutModelId(string code) =>
        System.Text.RegularExpressions.Regex.Replace(code, @"modelId: new Guid\(""[0-9a-f-]+""\)", "modelId: …");

#pragma warning disable EF1001 // The design-time services are what `dotnet ef dbcontext optimize` itself uses.
    private static Dictionary<string, string> Generate(DbContext context, string modelNamespace)
    {
        var reporter = new OperationReporter(handler: null);
        var assembly = typeof(AppDbContext).Assembly;
        var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
        var files = services.GetRequiredService<ICompiledModelCodeGenerator>().GenerateModel(
            context.GetService<IDesignTimeModel>().Model,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = context.GetType(),
                ModelNamespace = modelNamespace,
                Language = "C#",
                UseNullableReferenceTypes = true,
            });
        return files.ToDictionary(f => f.Path, f => f.Code);
    }
#pragma warning restore EF1001
}
