namespace Masterplan.Web.Features.Confidential.Complaints;

public sealed class IndexModel(CaseDesk desk) : CaseListPage(desk, ConfidentialModule.Complaints);
