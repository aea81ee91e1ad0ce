using Masterplan.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>The double opt-in for status mails (<see cref="ConfirmLinkPage"/>).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(ServiceRequestDesk desk) : ConfirmLinkPage(desk);
