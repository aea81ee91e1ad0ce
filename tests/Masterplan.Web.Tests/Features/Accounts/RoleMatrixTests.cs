using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>
/// Deny by default, checked (docs/domain.md#access): every endpoint of the running app, for every kind of user, answers as classified here.
/// An endpoint that is not in <see cref="Matrix"/> fails the test: whoever adds one must decide who may use it.
/// </summary>
public class RoleMatrixTests(ITestOutputHelper output)
{
    private const string Anonymous = "(anonym)";
    private const string NoRole = "(ohne Rolle)";

    private static readonly string[] Everyone = [Anonymous, NoRole, .. Roles.Assignable, Roles.Member, Roles.Applicant];
    private static readonly string[] SignedIn = [NoRole, .. Roles.Assignable, Roles.Member, Roles.Applicant];
    private static readonly string[] AuditReaders = [Roles.Administrator, Roles.Office, Roles.ComplaintsOffice, Roles.AssaultReportsUnit];

    /// <summary>Route pattern → (methods to try, who may use it); "METHOD pattern" where methods of one route differ in who may use them.</summary>
    private static readonly Dictionary<string, (string[] Methods, string[] Allowed)> Matrix = new()
    {
        [""] = (["GET"], Everyone),
        ["barrierefreiheit"] = (["GET"], Everyone),
        ["datenschutz"] = (["GET"], Everyone),
        ["impressum"] = (["GET"], Everyone),
        ["mitmachen"] = (["GET"], Everyone),
        ["suche"] = (["GET"], Everyone),
        ["kontakt"] = (["GET"], Everyone),
        ["leichte-sprache"] = (["GET"], Everyone),
        ["gebaerdensprache"] = (["GET"], Everyone),
        ["gebaerdensprache/video"] = (["GET"], Everyone),
        ["gebaerdensprache/untertitel"] = (["GET"], Everyone),
        ["fehler/{code:int?}"] = (["GET"], Everyone),
        ["handlungsfelder"] = (["GET"], Everyone),
        ["handlungsfelder/aenderungen"] = (["GET"], Everyone),
        ["verwaltung/handlungsfelder"] = (["GET", "POST"], [Roles.Office]),
        ["gremien"] = (["GET"], Everyone),
        ["gremien/{id:int}"] = (["GET"], Everyone),
        ["gremien/{id:int}/lagebild"] = (["GET"], Everyone),
        ["vorlagen"] = (["GET"], Everyone),
        ["vorlagen/{id:int}"] = (["GET"], Everyone),
        ["vorlagen/{paperId:int}/dateien/{id:int}"] = (["GET"], Everyone),
        ["verwaltung/vorlagen"] = (["GET"], [Roles.Office]),
        ["verwaltung/vorlagen/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/vorlagen/{id:int}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/vorlagen/{id:int}/beratung/{consultationId:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["stadtbezirke"] = (["GET"], Everyone),
        ["sprache/{culture}"] = (["GET"], Everyone),
        ["branding/brand.css"] = (["GET"], Everyone),
        ["branding/logo"] = (["GET"], Everyone),
        ["branding/font/{index:int}"] = (["GET"], Everyone),
        ["health"] = (["GET"], Everyone),
        ["openapi/{documentName}.json"] = (["GET"], Everyone),
        ["oparl/v1/"] = (["GET"], Everyone),
        ["oparl/v1/body"] = (["GET"], Everyone),
        ["oparl/v1/body/{id:int}/{list}"] = (["GET"], Everyone),
        ["oparl/v1/organization/{id:int}/meeting"] = (["GET"], Everyone),
        ["oparl/v1/organization/{id:int}/consultation"] = (["GET"], Everyone),
        ["oparl/v1/file/{id:int}/content"] = (["GET"], Everyone),
        ["oparl/v1/paperFile/{id:int}/content"] = (["GET"], Everyone),
        ["oparl/v1/{type}/{id:int}"] = (["GET"], Everyone),
        ["api/docs"] = (["GET"], Everyone),
        ["api/v1/organizations/"] = (["GET"], Everyone),
        ["api/v1/organizations/{id:int}"] = (["GET"], Everyone),
        ["api/v1/organizations/{id:int}/memberships"] = (["GET"], Everyone),
        ["api/v1/catalogue/"] = (["GET"], Everyone),
        ["api/v1/papers/"] = (["GET"], Everyone),
        ["api/v1/papers/{id:int}"] = (["GET"], Everyone),
        ["api/v1/districts/"] = (["GET"], Everyone),
        ["api/geo/adressen"] = (["GET"], Everyone),
        ["verwaltung/geodaten"] = (["GET", "POST"], [Roles.Office]),
        ["api/v1/seat-allocation"] = (["POST"], Everyone),
        ["konto/anmelden"] = (["GET", "POST"], Everyone),
        ["konto/anmelden/zweiter-faktor"] = (["GET", "POST"], Everyone),
        ["konto/einladung/{token}"] = (["GET", "POST"], Everyone),
        ["konto/passwort-vergessen"] = (["GET", "POST"], Everyone),
        ["konto/passwort-zuruecksetzen/{token}"] = (["GET", "POST"], Everyone),
        ["konto/passwort"] = (["GET", "POST"], SignedIn),
        ["konto/ueberall-abmelden"] = (["GET", "POST"], SignedIn),
        ["konto"] = (["GET"], SignedIn),
        ["konto/zwei-faktor"] = (["GET", "POST"], SignedIn),
        ["konto/abmelden"] = (["GET", "POST"], SignedIn),
        ["konto/sitzung"] = (["POST"], SignedIn),
        ["verwaltung/benutzer"] = (["GET", "POST"], [Roles.Administrator]),
        ["verwaltung/benutzer/{id}"] = (["GET", "POST"], [Roles.Administrator]),
        ["verwaltung/personen/{id:int}"] = (["GET"], [Roles.Office, Roles.Administrator]),
        ["verwaltung/protokoll"] = (["GET"], AuditReaders),
        ["verwaltung/gremien/{id:int}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/ratssitze"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/gremien/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["sitzungen"] = (["GET"], Everyone),
        ["sitzungen/{id:int}"] = (["GET"], Everyone),
        ["sitzungen/kalender"] = (["GET", "POST"], SignedIn),
        ["sitzungen/{meetingId:int}/dokumente/{id:int}"] = (["GET"], Everyone),
        ["kalender/sitzungen.ics"] = (["GET"], Everyone),
        ["kalender/gremien/{id:int}.ics"] = (["GET"], Everyone),
        ["kalender/persoenlich/{token}.ics"] = (["GET"], Everyone),
        ["empfehlungen"] = (["GET"], Everyone),
        ["verwaltung/sitzungen"] = (["GET"], [Roles.Office]),
        ["verwaltung/statusuebersicht"] = (["GET"], [Roles.Office]),
        // The progress of long work (register upload, letters, panel draw) and the letters PDF: any signed-in user reaches the
        // page, whose handler answers 403 unless the user meets the policy the task was started under (BackgroundTaskTests).
        ["verwaltung/auftraege/{id:int}"] = (["GET", "POST"], SignedIn),
        ["verwaltung/berichte/halbjahr"] = (["GET"], [Roles.Office]),
        ["verwaltung/berichte/halbjahr/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/berichte/halbjahr/{id:int}/fassung/{version:int?}"] = (["GET"], [Roles.Office, Roles.Member]),
        ["verwaltung/berichte/halbjahr/{id:int}/freigabe"] = (["GET", "POST"], [Roles.Office, Roles.Member]),
        ["verwaltung/berichte/freigabe"] = (["GET"], [Roles.Office, Roles.Member]),
        ["verwaltung/berichte/schlussbericht"] = (["GET"], [Roles.Office]),
        ["verwaltung/berichte/schlussbericht/{measureId:int}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/sitzungen/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/sitzungen/{id:int}/tagesordnung"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/sitzungen/{id:int}/ablauf"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/sitzungen/{id:int}/niederschrift"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/empfehlungen/{id:int}"] = (["GET", "POST"], [Roles.Office]),
        ["massnahmen"] = (["GET"], Everyone),
        ["massnahmen/{id:int}"] = (["GET"], Everyone),
        ["verwaltung/massnahmen/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["GET api/v1/measures/"] = (["GET"], Everyone),
        ["POST api/v1/measures/"] = (["POST"], [Roles.Office]),
        ["GET api/v1/measures/{id:int}"] = (["GET"], Everyone),
        ["PUT api/v1/measures/{id:int}"] = (["PUT"], [Roles.Office]),
        ["verwaltung/massnahmen/import"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/massnahmen/{id:int}/verlauf"] = (["GET"], [Roles.Office]),
        ["verwaltung/meilensteine"] = (["GET"], [Roles.Office]),
        ["verwaltung/gremien/{id:int}/kennzahlen-und-ziele"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/programmbudget"] = (["GET", "POST"], [Roles.Office]),
        ["kennzahlen"] = (["GET"], Everyone),
        ["kennzahlen/{id:int}"] = (["GET"], Everyone),
        ["verwaltung/kennzahlen/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["GET api/v1/indicators/"] = (["GET"], Everyone),
        ["POST api/v1/indicators/"] = (["POST"], [Roles.Office]),
        ["GET api/v1/indicators/{id:int}"] = (["GET"], Everyone),
        ["PUT api/v1/indicators/{id:int}"] = (["PUT"], [Roles.Office]),
        ["api/v1/indicators/{id:int}/values"] = (["POST"], [Roles.Office]),
        ["api/v1/indicators/{id:int}/values/csv"] = (["POST"], [Roles.Office]),
        ["api/v1/catalogue/nodes/"] = (["POST"], [Roles.Office]),
        ["api/v1/catalogue/nodes/{id:int}"] = (["PUT"], [Roles.Office]),
        ["api/v1/catalogue/nodes/{id:int}/move"] = (["POST"], [Roles.Office]),
        ["api/v1/catalogue/nodes/{id:int}/merge"] = (["POST"], [Roles.Office]),
        ["api/v1/catalogue/nodes/{id:int}/retire"] = (["POST"], [Roles.Office]),
        ["quartierslabore"] = (["GET"], Everyone),
        ["quartierslabore/{id:int}"] = (["GET"], Everyone),
        ["quartierslabore/{id:int}/losverfahren"] = (["GET"], Everyone),
        ["quartierslabore/{id:int}/losverfahren/ziehung.json"] = (["GET"], Everyone),
        ["gremien/sitzlose/{id:int}"] = (["GET"], Everyone),
        ["quartierslabore/anmeldung"] = (["GET", "POST"], Everyone),
        ["verwaltung/quartierslabore"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/quartierslabore/{id:int}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/quartierslabore/{id:int}/losverfahren"] = (["GET", "POST"], [Roles.Office]),
        ["beteiligung"] = (["GET"], Everyone),
        ["api/v1/input-calls/"] = (["GET"], Everyone),
        ["api/v1/input-calls/{id:int}/contributions"] = (["GET"], Everyone),
        ["beteiligung/{id:int}"] = (["GET", "POST"], Everyone),
        ["beteiligung/{id:int}/beitrag"] = (["GET", "POST"], Everyone),
        ["beteiligung/eingegangen"] = (["GET"], Everyone),
        ["beteiligung/bestaetigen/{token}"] = (["GET", "POST"], Everyone),
        ["beteiligung/beitraege/{id:int}"] = (["GET"], Everyone),
        ["beteiligung/massnahmen/{id:int}"] = (["GET"], Everyone),
        ["beteiligung/so-machen-sie-mit"] = (["GET"], Everyone),
        ["verwaltung/beteiligung"] = (["GET"], [Roles.Office]),
        ["verwaltung/beteiligung/bearbeiten/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/beteiligung/{id:int}"] = (["GET", "POST"], [Roles.Office]),
        ["meldungen"] = (["GET"], Everyone),
        ["meldungen/neu"] = (["GET", "POST"], Everyone),
        ["meldungen/eingegangen"] = (["GET"], Everyone),
        ["meldungen/bestaetigen/{token}"] = (["GET", "POST"], Everyone),
        ["meldungen/{id:int}"] = (["GET", "POST"], Everyone),
        ["meldungen/{id:int}/fotos/{photoId:int}"] = (["GET"], Everyone),
        ["meldungen/feed.atom"] = (["GET"], Everyone),
        ["meldungen/karte.geojson"] = (["GET"], Everyone),
        ["meldungen/unsichere-orte"] = (["GET"], Everyone),
        ["meldungen/benachrichtigungen"] = (["GET", "POST"], Everyone),
        ["meldungen/benachrichtigungen/bestaetigen/{token}"] = (["GET", "POST"], Everyone),
        ["meldungen/benachrichtigungen/abmelden/{token}"] = (["GET", "POST"], Everyone),
        ["verwaltung/meldungen"] = (["GET"], [Roles.Office, Roles.DepartmentStaff]),
        ["schutzorte"] = (["GET"], Everyone),
        ["schutzorte/{id:int}"] = (["GET"], Everyone),
        ["schutzorte/druck"] = (["GET"], Everyone),
        ["schutzorte/mitmachen"] = (["GET", "POST"], Everyone),
        ["schutzorte/mitmachen/eingegangen"] = (["GET"], Everyone),
        ["schutzorte/bestaetigen/{token}"] = (["GET", "POST"], Everyone),
        ["schutzorte/weiter-dabei/{token}"] = (["GET", "POST"], Everyone),
        ["schutzorte/orte.geojson"] = (["GET"], Everyone),
        ["schutzorte/orte.csv"] = (["GET"], Everyone),
        ["schutzorte/veranstaltungen.ics"] = (["GET"], Everyone),
        ["offene-daten"] = (["GET"], Everyone),
        ["opendata/{file}"] = (["GET"], Everyone),
        ["verwaltung/schutzorte"] = (["GET"], [Roles.Office]),
        ["verwaltung/schutzorte/orte/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/schutzorte/veranstaltungen/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/schutzorte/anmeldungen"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/schutzorte/material"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/meldungen/{id:int}"] = (["GET", "POST"], [Roles.Office, Roles.DepartmentStaff]),
        ["verwaltung/meldungen/kategorien/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["open311/v2/discovery.{format}"] = (["GET"], Everyone),
        ["open311/v2/services.{format}"] = (["GET"], Everyone),
        ["open311/v2/services/{service_code}.{format}"] = (["GET"], Everyone),
        ["GET open311/v2/requests.{format}"] = (["GET"], Everyone),
        // Sending needs an API key, not a role: without one everybody gets 403.
        ["POST open311/v2/requests.{format}"] = (["POST"], []),
        ["open311/v2/requests/{service_request_id}.{format}"] = (["GET"], Everyone),
        ["open311/v2/tokens/{token}.{format}"] = (["GET"], Everyone),
        ["verwaltung/open311"] = (["GET", "POST"], [Roles.Administrator]),
        ["vertraulich"] = (["GET"], Everyone),
        ["vertraulich/beschwerde"] = (["GET", "POST"], Everyone),
        ["vertraulich/uebergriff"] = (["GET", "POST"], Everyone),
        ["vertraulich/eingegangen"] = (["GET"], Everyone),
        ["vertraulich/postfach"] = (["GET", "POST"], Everyone),
        ["vertraulich/zahlen"] = (["GET"], Everyone),
        // Each unit alone: not the administrators, not the Office, not the other unit (ConfidentialIsolationTests reads real cases).
        ["verwaltung/beschwerdestelle"] = (["GET"], [Roles.ComplaintsOffice]),
        ["verwaltung/beschwerdestelle/{id:int}"] = (["GET", "POST"], [Roles.ComplaintsOffice]),
        ["verwaltung/fachstelle-uebergriffe"] = (["GET"], [Roles.AssaultReportsUnit]),
        ["verwaltung/fachstelle-uebergriffe/{id:int}"] = (["GET", "POST"], [Roles.AssaultReportsUnit]),
        ["quittung"] = (["GET", "POST"], Everyone),
        ["ordnungsdienst/zahlen"] = (["GET"], Everyone),
        // Field officers only; the lead's pages show the officers' identities and are the lead's alone.
        ["ordnungsdienst"] = (["GET", "POST"], [Roles.FieldOfficer]),
        ["ordnungsdienst/kontrolle"] = (["GET", "POST"], [Roles.FieldOfficer]),
        ["ordnungsdienst/einsatz"] = (["GET", "POST"], [Roles.FieldOfficer]),
        ["ordnungsdienst/quittungen/{id:int}"] = (["GET", "POST"], [Roles.FieldOfficer]),
        ["verwaltung/ordnungsdienst"] = (["GET", "POST"], [Roles.EnforcementLead]),
        ["verwaltung/ordnungsdienst/einsaetze/{id:int}"] = (["GET", "POST"], [Roles.EnforcementLead]),
        ["verwaltung/ordnungsdienst/bericht/{id:int?}"] = (["GET", "POST"], [Roles.EnforcementLead]),
        ["foerderung"] = (["GET"], Everyone),
        ["verwaltung/foerderung"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/foerderung/aufrufe/{id:int?}"] = (["GET", "POST"], [Roles.Office]),
        ["verwaltung/foerderung/antraege/{id:int}"] = (["GET", "POST"], [Roles.Office]),
        ["foerderung/bewertung"] = (["GET"], [Roles.Office, Roles.Member]),
        ["foerderung/bewertung/antraege/{id:int}"] = (["GET", "POST"], [Roles.Office, Roles.Member]),
        ["foerderung/aufrufe/{id:int}"] = (["GET"], Everyone),
        ["foerderung/gefoerderte-projekte"] = (["GET"], Everyone),
        ["foerderung/gefoerderte-projekte.csv"] = (["GET"], Everyone),
        ["foerderung/registrieren"] = (["GET", "POST"], Everyone),
        ["foerderung/bestaetigen/{token}"] = (["GET", "POST"], Everyone),
        ["foerderung/antraege"] = (["GET"], [Roles.Applicant]),
        ["foerderung/antraege/{id:int}"] = (["GET", "POST"], [Roles.Applicant]),
        ["foerderung/antraege/neu/{callId:int}"] = (["GET", "POST"], [Roles.Applicant]),
        // The Office or a person of the application's own association; the handler answers 404 to everyone else.
        ["foerderung/antraege/{id:int}/bescheid.pdf"] = (["GET"], SignedIn),
        ["foerderung/antraege/{id:int}/dateien/{fileId:int}"] = (["GET"], SignedIn),
        ["GET api/v1/grants/calls"] = (["GET"], Everyone),
        ["POST api/v1/grants/calls"] = (["POST"], [Roles.Office]),
        ["api/v1/grants/funded"] = (["GET"], Everyone),
        ["api/v1/grants/calls/{id:int}"] = (["PUT"], [Roles.Office]),
        ["api/v1/grants/calls/{id:int}/publish"] = (["POST"], [Roles.Office]),
        ["api/v1/grants/calls/{id:int}/applications"] = (["GET"], [Roles.Office]),
        ["api/v1/grants/calls/{id:int}/ranking"] = (["GET"], [Roles.Office]),
        ["api/v1/grants/applications/{id:int}/completeness"] = (["POST"], [Roles.Office]),
        ["api/v1/grants/applications/{id:int}/decision"] = (["POST"], [Roles.Office]),
        ["api/v1/grants/applications/{id:int}/payments"] = (["POST"], [Roles.Office]),
        ["api/v1/grants/applications/{id:int}/proof/decision"] = (["POST"], [Roles.Office]),
        ["api/v1/grants/budgets/{year:int}"] = (["GET", "PUT"], [Roles.Office]),
        ["api/v1/grants/calls/{id:int}/reviews"] = (["GET"], [Roles.Office, Roles.Member]),
        ["api/v1/grants/applications/{id:int}/conflict"] = (["POST"], [Roles.Office, Roles.Member]),
        ["api/v1/grants/applications/{id:int}/scores"] = (["POST"], [Roles.Office, Roles.Member]),
    };

    private static string PatternOf(string key) => key.Contains(' ', StringComparison.Ordinal) ? key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..] : key;

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_user_as_classified()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var classified = Matrix.Keys.Select(PatternOf).ToHashSet();
        var unclassified = endpoints.Where(e => !classified.Contains(e)).ToList();
        Assert.True(unclassified.Count == 0, "Endpoints nobody classified in the role matrix:\n" + string.Join('\n', unclassified));
        var vanished = Matrix.Keys.Where(k => !endpoints.Contains(PatternOf(k))).ToList();
        Assert.True(vanished.Count == 0, "Classified but no longer in the app:\n" + string.Join('\n', vanished));

        var ids = await SampleIdsAsync(app);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = Users.Client(app) };
        clients[NoRole] = await Users.SignInAsync(app, await Users.CreateAsync(app, "ohne.rolle@stadtdo.de"));
        foreach (var role in Roles.Assignable)
        {
            clients[role] = await Users.SignInAsync(app, await Users.CreateAsync(app, $"{role.ToLowerInvariant()}@stadtdo.de", role));
        }

        clients[Roles.Member] = await Users.SignInAsync(app, await Users.CreateAsync(app, "mitglied@stadtdo.de", ids.MemberPersonId));
        clients[Roles.Applicant] = await Users.SignInAsync(app, await Users.CreateAsync(app, "verein@verein.example", Roles.Applicant));

        var failures = new List<string>();
        var checks = 0;
        foreach (var (key, (methods, allowed)) in Matrix)
        {
            var pattern = PatternOf(key);
            var url = "/" + pattern
                .Replace("{meetingId:int}/dokumente/{id:int}", $"{ids.Meeting}/dokumente/{ids.Document}", StringComparison.Ordinal)
                .Replace("{paperId:int}", ids.Paper, StringComparison.Ordinal)
                .Replace("{callId:int}", ids.Organization, StringComparison.Ordinal).Replace("{fileId:int}", ids.Organization, StringComparison.Ordinal).Replace("{year:int}", "2026", StringComparison.Ordinal).Replace("{consultationId:int?}", "", StringComparison.Ordinal)
                .Replace("{version:int?}", "1", StringComparison.Ordinal).Replace("{measureId:int}", ids.Measure, StringComparison.Ordinal)
                .Replace("{id}", ids.Account, StringComparison.Ordinal)
                .Replace("{id:int}", pattern.Contains("personen", StringComparison.Ordinal) ? ids.MemberPersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : pattern.Contains("quartierslabore", StringComparison.Ordinal) ? ids.Lab
                    : pattern.StartsWith("vorlagen", StringComparison.Ordinal) || pattern.StartsWith("api/v1/papers", StringComparison.Ordinal) ? ids.Paper
                    : pattern.Contains("sitzungen", StringComparison.Ordinal) ? ids.Meeting
                    : pattern.Contains("massnahmen", StringComparison.Ordinal) || pattern.Contains("measures", StringComparison.Ordinal) ? ids.Measure
                    : pattern.Contains("gremien", StringComparison.Ordinal) ? ids.Organization
                    : pattern.Contains("kennzahlen", StringComparison.Ordinal) || pattern.Contains("indicators", StringComparison.Ordinal) ? ids.Indicator
                    : pattern.Contains("catalogue/nodes", StringComparison.Ordinal) ? ids.Node
                    : pattern.Contains("empfehlungen", StringComparison.Ordinal) ? ids.Recommendation : ids.Organization, StringComparison.Ordinal)
                .Replace("{code:int?}", "404", StringComparison.Ordinal).Replace("{format}", "json", StringComparison.Ordinal).Replace("{culture}", "de", StringComparison.Ordinal)
                .Replace("{token}", "unbekannt", StringComparison.Ordinal).Replace("{file}", "massnahmen.csv", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
                .Replace("{documentName?}", "", StringComparison.Ordinal).Replace("{id:int?}", pattern.Contains("sitzungen", StringComparison.Ordinal) ? ids.Meeting
                    : pattern.Contains("massnahmen", StringComparison.Ordinal) ? ids.Measure
                    : pattern.Contains("kennzahlen", StringComparison.Ordinal) ? ids.Indicator : ids.Organization, StringComparison.Ordinal);
            foreach (var method in methods)
            {
                foreach (var (who, client) in clients)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method is "POST" or "PUT")
                    {
                        request.Content = url.StartsWith("/api", StringComparison.Ordinal)
                            ? new StringContent("{}", Encoding.UTF8, "application/json")
                            : new FormUrlEncodedContent(new Dictionary<string, string>());
                    }

                    var response = await client.SendAsync(request);
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        // The sign-in challenge carries ReturnUrl; a page's own redirect to the sign-in (no pending second step) does not.
                        || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/konto/anmelden?ReturnUrl=", StringComparison.Ordinal) || location.Contains("/konto/zwei-faktor", StringComparison.Ordinal)));
                    var mayUse = allowed.Contains(who);
                    checks++;
                    if (mayUse == refused)
                    {
                        failures.Add($"{method} {url} as {who}: {(int)response.StatusCode} {location} (expected {(mayUse ? "access" : "refusal")})");
                    }

                    if (response.StatusCode == HttpStatusCode.InternalServerError)
                    {
                        failures.Add($"{method} {url} as {who}: 500");
                    }
                }
            }
        }

        output.WriteLine($"{endpoints.Count} endpoints, {clients.Count} kinds of user, {checks} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record Ids(string Organization, string Paper, int MemberPersonId, string Meeting, string Document, string Recommendation, string Measure, string Indicator, string Node, string Lab, string Account);

    private static async Task<Ids> SampleIdsAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plenary = await data.Organizations.SingleAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var paper = await data.Papers.Select(p => p.Id).FirstAsync();
        var person = new Person { GivenName = "Mia", FamilyName = "Mitglied", PublicConsent = false };
        data.Memberships.Add(new Membership { Person = person, Organization = plenary, VotingRight = VotingRight.Voting, StartDate = new DateOnly(2024, 1, 1) });
        var meeting = new Meeting
        {
            Organization = plenary, Title = "Öffentliche Sitzung", Start = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero), IsPublic = true, CalendarUid = "matrix@test",
        };
        var recommendation = new Recommendation { Meeting = meeting, Title = "Empfehlung", Text = "Text", IsPublic = true, AdoptedOn = new DateOnly(2026, 12, 1) };
        data.AddRange(meeting, recommendation);
        await data.SaveChangesAsync();
        var document = new MeetingDocument
        {
            MeetingId = meeting.Id, Title = "Bericht", FileName = "bericht.pdf", MediaType = "application/pdf", Sha512 = new string('0', 128), IsPublic = true,
            UploadedBy = "Test", Content = new DocumentContent { Data = "%PDF-1.4"u8.ToArray() },
        };
        data.Add(document);
        var measure = new Masterplan.Web.Features.Catalogue.Measure { FieldOfActionId = await data.FieldsOfAction.Select(f => f.Id).FirstAsync(), Title = "Maßnahme", IsPublic = true };
        data.Measures.Add(measure);
        var indicator = new Masterplan.Web.Features.Catalogue.Indicator { FieldOfActionId = measure.FieldOfActionId, Name = "Kennzahl", Unit = "%", IsPublic = true };
        data.Indicators.Add(indicator);
        var lab = new Masterplan.Web.Features.Labs.NeighbourhoodLab { Title = "Quartierslabor", District = "Eving", Year = 2026, Quarter = 4 };
        data.Labs.Add(lab);
        await data.SaveChangesAsync();
        string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var account = await Users.CreateAsync(app, "konto@stadtdo.de");
        return new Ids(Text(plenary.Id), Text(paper), person.Id, Text(meeting.Id), Text(document.Id), Text(recommendation.Id), Text(measure.Id), Text(indicator.Id), Text(measure.FieldOfActionId), Text(lab.Id), account.Id);
    }
}
