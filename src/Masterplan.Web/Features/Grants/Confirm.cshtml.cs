using Masterplan.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Grants;

/// <summary>The e-mail confirmation of an association's account (<see cref="ConfirmLinkPage"/>); it gives the account the role Applicant.</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(GrantDesk desk) : ConfirmLinkPage(desk);
