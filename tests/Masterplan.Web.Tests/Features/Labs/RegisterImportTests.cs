using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>Bad input (docs/domain.md#bad-input): register extracts with problems get line-numbered German messages and import nothing.</summary>
public class RegisterImportTests
{
    [Theory, Engines]
    public async Task A_register_extract_with_problems_is_refused_with_line_numbers_and_nothing_is_stored(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await LabChainTests.ApprovedLabAsync(office);
        var draw = $"/verwaltung/quartierslabore/{id}/losverfahren";

        async Task<string> ImportAsync(byte[] csv)
        {
            var response = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", csv);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await LabChainTests.BodyAsync(response);
        }

        const string header = "name;anschrift;geburtsjahr;geschlecht;stadtbezirk\n";
        var windows1252 = Encoding.Latin1.GetBytes(header + "Jürgen Weiß;Hansastr. 1, 44137 Dortmund;1970;m;Innenstadt-West\n");
        Assert.Contains("Die Datei ist nicht in UTF-8 gespeichert", await ImportAsync(windows1252));

        Assert.Contains("In der Kopfzeile fehlt: geburtsjahr, geschlecht.", await ImportAsync(Encoding.UTF8.GetBytes("name;anschrift;stadtbezirk\nA;B;Eving\n")));

        var problems = await ImportAsync(Encoding.UTF8.GetBytes(header
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West\n"
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West\n"
            + "Bernd Bau;Hansastr. 2, 44137 Dortmund;1850;m;Innenstadt-West\n"
            + "Cem Can;Hansastr. 3, 44137 Dortmund;2030;m;Innenstadt-West\n"
            + "Dora Dahl;Hansastr. 4, 44137 Dortmund;1980;q;Innenstadt-West\n"
            + "Emil Ende;Hansastr. 5, 44137 Dortmund;1980;m;Bochum\n"));
        Assert.Contains("Zeile 3: Dieselbe Person (gleicher Name, gleiche Anschrift, gleiches Geburtsjahr) steht schon in Zeile 2.", problems);
        Assert.Contains("Zeile 4: Das Geburtsjahr 1850 ergibt ein Alter über 120 Jahren; das ist unmöglich.", problems);
        Assert.Contains("Zeile 5: Das Geburtsjahr 2030 liegt nach dem Stichtag.", problems);
        Assert.Contains("Zeile 6: Das Geschlecht „q“ ist unbekannt", problems);
        Assert.Contains("Zeile 7: Der Stadtbezirk „Bochum“ ist keiner der zwölf Dortmunder Stadtbezirke.", problems);
        Assert.Contains("Eine Datei mit Fehlern wird gar nicht übernommen.", problems);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.RegisterEntries.CountAsync());
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "lab.register.imported");
    }
}
