namespace Masterplan.Web.Features.Confidential.Assaults;

public sealed class IndexModel(CaseDesk desk) : CaseListPage(desk, ConfidentialModule.Assaults);
