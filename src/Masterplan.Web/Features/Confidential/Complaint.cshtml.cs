using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Confidential;

/// <summary>A complaint about the conduct of the Ordnungsamt or the police to the independent Beschwerdestelle (002 lines 36–39); anonymous by default.</summary>
[EnableRateLimiting(PublicForms.Policy)]
[RequestFormLimits(MultipartBodyLengthLimit = 40 * 1024 * 1024)]
[RequestSizeLimit(40 * 1024 * 1024)]
public sealed class ComplaintModel(CaseDesk desk, FormGuard guard) : IntakePage(desk, guard, ConfidentialModule.Complaints);
