using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The shared map piece in the browser: the Office's import page with its errors, a lab place set by keyboard alone through a
/// typed address (the map is never the only way, WCAG 2.1.1), and the public lab page with its map next to the table; every
/// state passes axe. Tiles are off (SiteFixture), so the maps show their points on a plain background.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class GeoPagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_geodata_page_the_lab_place_form_and_the_lab_map_pass_axe_and_a_place_is_set_by_keyboard_alone()
    {
        var failures = new List<string>();
        Task Check(IPage page, string what) => Axe.CheckAsync(page, what, failures, output);

        var office = await SignedInOfficeAsync();
        await office.GotoAsync(site.BaseUrl + "/verwaltung/geodaten");
        Assert.Contains("Demo", await office.Locator("main").TextContentAsync());
        await Check(office, "/verwaltung/geodaten");
        await office.Locator("#address-file").SetInputFilesAsync(new FilePayload { Name = "adressen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Straße;Hausnummer;PLZ;Breite;Länge\nKampstraße;1;4413;51,5;7,4\n") });
        await office.GetByRole(AriaRole.Button, new() { Name = "Adressen importieren" }).ClickAsync();
        Assert.Contains("Zeile 2: „4413“ ist keine fünfstellige Postleitzahl.", await office.Locator(".error-summary").TextContentAsync());
        await Check(office, "/verwaltung/geodaten (address errors)");
        await office.Locator("#boundary-file").SetInputFilesAsync(new FilePayload { Name = "grenzen.geojson", MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Atlantis\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[7.4,51.5],[7.5,51.5],[7.5,51.6],[7.4,51.5]]]}}]}") });
        await office.GetByRole(AriaRole.Button, new() { Name = "Grenzen importieren" }).ClickAsync();
        Assert.Contains("Objekt 1: keine Eigenschaft nennt einen der zwölf Stadtbezirke", await office.Locator(".error-summary").TextContentAsync());
        await Check(office, "/verwaltung/geodaten (boundary errors)");

        // The demo lab (reported, so its results forms are open).
        await office.GotoAsync(site.BaseUrl + "/verwaltung/quartierslabore");
        await office.GetByRole(AriaRole.Link, new() { Name = "Quartierslabor Innenstadt-Nord (Demo)" }).First.ClickAsync();
        await office.WaitForURLAsync(new Regex("/verwaltung/quartierslabore/[0-9]+$"));
        var labUrl = office.Url;
        var id = labUrl.Split('/').Last();
        Assert.True(await office.Locator("[data-map] .leaflet-container, [data-map].leaflet-container").CountAsync() > 0, "the map script ran");
        await Check(office, "/verwaltung/quartierslabore/{id} (place form with map)");

        // Keyboard alone: Tab to the address, type it, Tab to the category, Space, Tab to the comment, type, Tab to the button, Enter.
        await TabToAsync(office, "input[name='Place.Address']");
        await office.Keyboard.TypeAsync("Kampstr. 1");
        await TabToAsync(office, "input[name='category']");
        await office.Keyboard.PressAsync("Space");
        await TabToAsync(office, "textarea[name='comment']");
        await office.Keyboard.TypeAsync("Eingang Kampstraße, abends belebt");
        await TabToAsync(office, "form[action*='handler=Place'] button[type='submit']");
        await office.Keyboard.PressAsync("Enter");
        await office.WaitForURLAsync(new Regex("gespeichert=1"));
        Assert.Contains("Kampstraße 1, 44137 Dortmund – Eingang Kampstraße, abends belebt", await office.Locator("main").TextContentAsync());

        // Errors of the location part: an address the gazetteer does not know.
        await office.Locator("#Place_Address").FillAsync("Nirgendwoweg 5");
        await office.GetByRole(AriaRole.Button, new() { Name = "Ort hinzufügen" }).ClickAsync();
        Assert.Contains("Die Adresse „Nirgendwoweg 5“ steht nicht im Adressverzeichnis.", await office.Locator(".error-summary").TextContentAsync());
        Assert.Equal("true", await office.Locator("#Place_Address").GetAttributeAsync("aria-invalid"));
        await Check(office, "/verwaltung/quartierslabore/{id} (place errors)");

        // The public page: the map (clustered markers) next to the table that lists the same places.
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var reader = await site.NewPageAsync(locale: locale);
            reader.Console += (_, m) => output.WriteLine($"console {m.Type}: {m.Text}");
            reader.PageError += (_, e) => output.WriteLine($"page error: {e}");
            await reader.GotoAsync(site.BaseUrl + $"/quartierslabore/{id}");
            await reader.Locator("[data-map-view] .leaflet-marker-icon").First.WaitForAsync(new() { Timeout = 10_000 });
            Assert.Contains("Kampstraße 1, 44137 Dortmund", await reader.Locator("#orte").TextContentAsync());
            await Check(reader, $"/quartierslabore/{{id}} with map ({locale})");
            await reader.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most 300 times).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    private async Task<IPage> SignedInOfficeAsync()
    {
        var office = await site.CreateAccountAsync("Office");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(office.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(office.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
        return page;
    }
}
