namespace Masterplan.Web.Features.Confidential.Complaints;

public sealed class CaseModel(CaseDesk desk) : CasePage(desk, ConfidentialModule.Complaints);
