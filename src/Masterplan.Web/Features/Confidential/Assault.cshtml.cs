using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// Staff of the Ordnungsdienst, rescue services and volunteers report a verbal or physical attack (002 lines 52–56, 182–186)
/// to the Fachstelle: signed in with their staff account, or anonymously with the same receipt and mailbox.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
[RequestFormLimits(MultipartBodyLengthLimit = 40 * 1024 * 1024)]
[RequestSizeLimit(40 * 1024 * 1024)]
public sealed class AssaultModel(CaseDesk desk, FormGuard guard) : IntakePage(desk, guard, ConfidentialModule.Assaults);
