using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Grants;

/// <summary>
/// Förderprogramm: the grant programme for associations and initiatives with violence-prevention and anti-knife projects
/// (002 lines 141–150), paid from the masterplan's yearly budget (001): calls, applications, review, decision, payments,
/// proof of use, the public list of funded projects.
/// </summary>
public sealed class GrantsModule : IModule
{
    public const int MaxTitle = 200;
    public const int MaxShort = 2000;
    public const int MaxText = 8000;
}
