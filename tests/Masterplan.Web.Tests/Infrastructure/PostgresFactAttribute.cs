namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>A test that only means something on PostgreSQL (several instances on one server). Skipped with a clear
/// line when MASTERPLAN_TEST_POSTGRES is unset; CI always sets it, so there it always runs.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = $"Needs a PostgreSQL server: set {TestDatabase.PostgresVariable} (CI does).";
        }
    }
}
