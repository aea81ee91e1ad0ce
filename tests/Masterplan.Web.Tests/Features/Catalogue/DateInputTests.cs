using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>Every date a person can put into an address: far-off and unreadable dates get a message, never a 500.</summary>
public class DateInputTests
{
    private const string German = "Bitte geben Sie ein Datum zwischen dem 01.01.1900 und dem 31.12.2200 an.";
    private const string English = "Please enter a date between 1 January 1900 and 31 December 2200.";

    private static readonly string[] OutOfRange = ["9999-12-31", "0001-01-01"];

    /// <summary>Public pages and the staff pages with a date in the query; {0} is the date.</summary>
    private static readonly string[] PublicPages = ["/handlungsfelder?stand={0}", "/handlungsfelder/aenderungen?von={0}", "/handlungsfelder/aenderungen?bis={0}"];

    private static readonly string[] OfficePages = ["/verwaltung/statusuebersicht?von={0}", "/verwaltung/statusuebersicht?bis={0}", "/verwaltung/statusuebersicht?handler=Pdf&bis={0}"];

    [Theory, Engines]
    public async Task Dates_out_of_range_get_the_field_message_on_pages_and_a_400_naming_the_parameter_on_the_api(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var anonymous = Users.Client(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        foreach (var (client, template) in PublicPages.Select(p => (anonymous, p)).Concat(OfficePages.Select(p => (office, p))))
        {
            foreach (var date in OutOfRange)
            {
                var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, date);
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
                var page = await Html.ParseAsync(response);
                Assert.True(page.QuerySelector(".error-summary")?.Text().Contains(German, StringComparison.Ordinal) == true, $"GET {url} shows no message");
            }

            // A value that is no date at all: the message that says so, no 500 either.
            var garbage = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "kein-datum");
            var unreadable = await client.GetAsync(garbage);
            Assert.True(unreadable.StatusCode == HttpStatusCode.OK, $"GET {garbage} answered {(int)unreadable.StatusCode}");
            Assert.Contains("„kein-datum“ ist hier kein gültiger Wert.", (await Html.ParseAsync(unreadable)).QuerySelector(".error-summary")!.Text());
        }

        // The audit log's filter (staff only) binds through the same rule: no overflow, the log shows.
        foreach (var date in OutOfRange.Append("kein-datum"))
        {
            var response = await office.GetAsync($"/verwaltung/protokoll?From={date}&To={date}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // In English when English is chosen.
        var englishReader = Users.Client(app);
        englishReader.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await Html.ParseAsync(await englishReader.GetAsync("/handlungsfelder?stand=9999-12-31"));
        Assert.Contains(English, english.QuerySelector(".error-summary")!.Text());

        foreach (var date in OutOfRange.Append("kein-datum"))
        {
            var response = await anonymous.GetAsync($"/api/v1/catalogue?asOf={date}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var messages = problem.GetProperty("errors").GetProperty("asOf").EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.Single(messages);
            if (date != "kein-datum")
            {
                Assert.Equal(German, messages[0]);
            }
        }

        // The edges of the range are fine.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/catalogue?asOf=2200-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/catalogue?asOf=1900-01-01")).StatusCode);
        var edge = await anonymous.GetPageAsync("/handlungsfelder?stand=2200-12-31");
        Assert.Null(edge.QuerySelector(".error-summary"));
    }
}
