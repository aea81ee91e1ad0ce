namespace Masterplan.Web.Features.Confidential.Assaults;

public sealed class CaseModel(CaseDesk desk) : CasePage(desk, ConfidentialModule.Assaults);
