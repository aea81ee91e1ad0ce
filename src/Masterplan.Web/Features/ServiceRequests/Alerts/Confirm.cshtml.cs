using Masterplan.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ServiceRequests.Alerts;

/// <summary>The double opt-in of an alert (<see cref="ConfirmLinkPage"/>).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(ServiceRequestAlerts alerts) : ConfirmLinkPage(alerts);
