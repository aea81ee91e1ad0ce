using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Geo;

/// <summary>
/// A small demo gazetteer (<c>Seed:Demo</c>): real Dortmund street names with plausible, hand-placed points — not the city's
/// address list, and marked as demo; the Office's first import replaces it. No demo boundaries: without them the forms ask
/// for the district, which is how a fresh installation behaves.
/// </summary>
internal static class GeoDemo
{
    private static readonly (string Street, string Postcode, double Latitude, double Longitude, int[] Numbers)[] Streets =
    [
        ("Kampstraße", "44137", 51.5150, 7.4615, [1, 2, 10, 24]),
        ("Westenhellweg", "44137", 51.5141, 7.4620, [1, 50, 102]),
        ("Ostenhellweg", "44135", 51.5138, 7.4702, [1, 20, 51]),
        ("Hansastraße", "44137", 51.5122, 7.4612, [3, 7, 40]),
        ("Königswall", "44137", 51.5173, 7.4580, [1, 15, 21]),
        ("Burgwall", "44135", 51.5178, 7.4662, [2, 8]),
        ("Ostwall", "44135", 51.5128, 7.4742, [7, 64]),
        ("Südwall", "44137", 51.5090, 7.4652, [2, 15]),
        ("Hoher Wall", "44137", 51.5103, 7.4560, [5, 15]),
        ("Friedensplatz", "44135", 51.5112, 7.4662, [1, 3]),
        ("Betenstraße", "44137", 51.5130, 7.4655, [1, 17]),
        ("Brückstraße", "44135", 51.5161, 7.4683, [9, 21, 45]),
        ("Münsterstraße", "44145", 51.5260, 7.4598, [10, 56, 101]),
        ("Mallinckrodtstraße", "44145", 51.5228, 7.4530, [32, 120]),
        ("Schützenstraße", "44147", 51.5262, 7.4632, [4, 42]),
        ("Bornstraße", "44145", 51.5240, 7.4700, [13, 90]),
        ("Leopoldstraße", "44147", 51.5243, 7.4620, [2, 50]),
        ("Kaiserstraße", "44135", 51.5142, 7.4850, [10, 71]),
        ("Lindemannstraße", "44137", 51.5030, 7.4580, [5, 78]),
        ("Hohe Straße", "44139", 51.5050, 7.4560, [21, 106]),
        ("Rheinlanddamm", "44139", 51.4992, 7.4640, [199, 201]),
        ("Hörder Bahnhofstraße", "44263", 51.4832, 7.4982, [6, 22]),
        ("Faßstraße", "44263", 51.4862, 7.5002, [1, 19]),
        ("Evinger Platz", "44339", 51.5492, 7.4781, [1, 5]),
        ("Deutsche Straße", "44339", 51.5503, 7.4802, [3, 14]),
        ("Gleiwitzstraße", "44328", 51.5410, 7.5461, [263, 277]),
        ("Brackeler Hellweg", "44309", 51.5242, 7.5463, [104, 160]),
        ("Köln-Berliner-Straße", "44287", 51.4941, 7.5551, [14, 40]),
        ("Harkortstraße", "44225", 51.4700, 7.4352, [50, 64]),
        ("Limbecker Straße", "44388", 51.5001, 7.3472, [1, 25]),
        ("Urbanusstraße", "44369", 51.5302, 7.4131, [7, 20]),
        ("Am Amtshaus", "44359", 51.5690, 7.3872, [1, 2]),
    ];

    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.GazetteerAddresses.AnyAsync(ct))
        {
            return false;
        }

        var rows = Streets.SelectMany(s => s.Numbers.Select((n, i) => new GazetteerAddress
        {
            Street = s.Street, HouseNumber = n.ToString(System.Globalization.CultureInfo.InvariantCulture), Postcode = s.Postcode,
            Latitude = s.Latitude + (i * 0.0004), Longitude = s.Longitude + (i * 0.0006),
            StreetKey = AddressText.StreetKey(s.Street), HouseKey = AddressText.HouseKey(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            HouseOrder = n, IsDemo = true,
        })).ToList();
        await services.GetRequiredService<Gazetteer>().ReplaceAsync(rows, "Demo-Adressverzeichnis", ct);
        return true;
    }
}
