using Masterplan.Documents;

namespace Masterplan.Web.Shared;

/// <summary>
/// PDFsharp 6 is dual-licensed (AGPL-3.0 or commercial) and refuses to render until the host chooses.
/// The platform's source is published, so AGPL is the default; a city with a commercial licence sets
/// <c>Documents:PdfSharpLicenseKey</c> (docs/operations.md).
/// </summary>
public static class DocumentLicensing
{
    public static void ChoosePdfLicense(IConfiguration configuration)
    {
        if (configuration["Documents:PdfSharpLicenseKey"] is { Length: > 0 } key)
        {
            PdfRenderer.UseCommercialLicense(key);
        }
        else
        {
            PdfRenderer.UseAgplLicense();
        }
    }
}
