using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Open311;

/// <summary>A report as an Open311 client sends it, already read from the form; the fields are named after the spec's parameters.</summary>
public sealed record Open311Submission(
    string ServiceCode, double Latitude, double Longitude, string? Address, int DistrictId, string? Description, string? Name, string? Email);

/// <summary>
/// Stores a report sent through Open311 and answers only after the commit, with its number and receipt number.
/// <para>
/// Stop-gap: the Meldungen module does not yet offer the service its web form uses. Once it does, this class only maps the
/// submission onto that service, so that validation and duplicate rules stay one code path; until then it applies the
/// same rules as the model (category active, point in Dortmund, description 1–4000 characters, district, contact).
/// </para>
/// </summary>
public sealed class Open311Intake(AppDbContext db)
{
    // Dortmund's city limits, generously rounded, as the labs' place mapping uses them: a point outside is a typing error.
    public const double MinLatitude = 51.41, MaxLatitude = 51.60, MinLongitude = 7.30, MaxLongitude = 7.64;

    public async Task<Outcome<(int Id, string Receipt)>> SubmitAsync(Open311Submission s, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var category = await db.ServiceCategories.AsNoTracking().Where(c => c.Code == s.ServiceCode && c.IsActive).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            errors.Add("service_code", "Diese Kategorie gibt es nicht.");
        }

        if (s.Latitude is < MinLatitude or > MaxLatitude || s.Longitude is < MinLongitude or > MaxLongitude)
        {
            errors.Add("lat", "Der Punkt {0:0.0000}, {1:0.0000} liegt nicht in Dortmund (Breite {2} bis {3}, Länge {4} bis {5}).",
                s.Latitude, s.Longitude, MinLatitude, MaxLatitude, MinLongitude, MaxLongitude);
        }

        var description = Clean(s.Description);
        if (description.Length == 0)
        {
            errors.Add("description", "Bitte beschreiben Sie, was Sie melden.");
        }
        else if (description.Length > ServiceRequestsModule.MaxDescriptionLength)
        {
            errors.Add("description", "Die Beschreibung darf höchstens {0} Zeichen lang sein.", ServiceRequestsModule.MaxDescriptionLength);
        }

        var address = Clean(s.Address);
        if (address.Length > ServiceRequestsModule.MaxAddressLength)
        {
            errors.Add("address_string", "Die Adresse darf höchstens {0} Zeichen lang sein.", ServiceRequestsModule.MaxAddressLength);
        }

        if (!await db.Districts.AnyAsync(d => d.Id == s.DistrictId, ct))
        {
            errors.Add("attribute[district]", "Diesen Stadtbezirk gibt es nicht.");
        }

        var name = Clean(s.Name);
        if (name.Length > 200)
        {
            errors.Add("first_name", "Der Name darf höchstens {0} Zeichen lang sein.", 200);
        }

        var email = (s.Email ?? "").Trim();
        if (email.Length > 0 && !(email.Length <= 320 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add("email", "Das ist keine gültige E-Mail-Adresse.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var (receipt, hash) = HashedCodes.Create();
        var report = new ServiceRequest
        {
            ReceiptHash = hash, CategoryId = category!.Value, Description = description, Latitude = s.Latitude, Longitude = s.Longitude,
            Address = address.Length == 0 ? null : address, DistrictId = s.DistrictId, ReporterName = name.Length == 0 ? null : name,
            ReporterEmail = email.Length == 0 ? null : email,
        };
        db.ServiceRequests.Add(report);
        await db.SaveChangesAsync(ct);
        return Outcome<(int, string)>.Ok((report.Id, receipt));
    }

    /// <summary>Trimmed, line breaks kept as \n, other control characters dropped.</summary>
    private static string Clean(string? text) =>
        new string([.. (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Where(c => c == '\n' || !char.IsControl(c))]).Trim();
}
