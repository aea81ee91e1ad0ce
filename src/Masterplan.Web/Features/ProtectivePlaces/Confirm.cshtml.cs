using Masterplan.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>The venue's e-mail confirmation (<see cref="ConfirmLinkPage"/>).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(VenueDesk desk) : ConfirmLinkPage(desk);
