using System.Net;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Masterplan.Web.Tests.Features.Home;

public class ApiAndHealthTests
{
    [Theory, Engines]
    public async Task Health_is_200_when_the_database_answers(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, Engines]
    public async Task Health_is_503_when_the_database_is_gone(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var db = app.Database;
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await db.DisposeAsync(); // drops the PostgreSQL database / deletes the SQLite file under the running app

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        if (engine == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(db.Name); // opening a missing SQLite file creates an empty one
        }
    }

    [Fact]
    public async Task An_unknown_api_route_gets_problem_details()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_failing_api_gets_a_500_problem_without_internals()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var db = app.Database;
        await db.DisposeAsync(); // the database disappears under the running app: every query fails

        var response = await app.CreateClient().GetAsync("/api/v1/organizations");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("no such table", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body);
        SqliteConnection.ClearAllPools();
        File.Delete(db.Name);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_JSON_APIs()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString());
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organizations", paths);
        Assert.Contains("/api/v1/catalogue", paths);
        Assert.Contains("/api/v1/papers/{id}", paths);
        Assert.Contains("/api/v1/districts", paths);
    }
}
