using Masterplan.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Participation;

/// <summary>The double opt-in of a contribution's address (<see cref="ConfirmLinkPage"/>).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(Contributions contributions) : ConfirmLinkPage(contributions);
