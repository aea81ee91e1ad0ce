using System.Reflection;
using Masterplan.Web.Data;
using Xunit.Sdk;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>
/// Runs a test once per database engine: always on SQLite, and on PostgreSQL when
/// <c>MASTERPLAN_TEST_POSTGRES</c> holds a server connection string (CI sets it). The engine is part of the
/// test's name, so the output shows which engines ran.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EnginesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (TestDatabase.PostgresServer is not null)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}
