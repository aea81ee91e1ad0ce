using Masterplan.Web.Shared.Mail;

namespace Masterplan.Web.Features.Accounts;

/// <summary>The start of links in account mails.</summary>
public static class AccountMailLinks
{
    /// <summary>
    /// The configured public address (<c>Mail:PlatformUrl</c>) where there is one: a link built from the
    /// request's Host header would let anybody who asks for a reset mail choose where its link points.
    /// </summary>
    public static string BaseUrl(HttpRequest request, MailOptions mail) =>
        string.IsNullOrWhiteSpace(mail.PlatformUrl) ? $"{request.Scheme}://{request.Host}" : mail.PlatformUrl.TrimEnd('/');
}
