namespace Masterplan.Algorithms.Sortition;

/// <summary>No panel of the requested size meets all quotas; <see cref="Report"/> says why and how to relax them.</summary>
public sealed class InfeasibleQuotasException : Exception
{
    /// <summary>Creates the exception from its report.</summary>
    public InfeasibleQuotasException(InfeasibilityReport report)
        : base("No panel meets all quotas." + Environment.NewLine + (report ?? throw new ArgumentNullException(nameof(report))))
    {
        Report = report;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InfeasibleQuotasException(string message)
        : base(message)
    {
        Report = new InfeasibilityReport([message], []);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InfeasibleQuotasException(string message, Exception innerException)
        : base(message, innerException)
    {
        Report = new InfeasibilityReport([message], []);
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public InfeasibleQuotasException()
        : this("No panel meets all quotas.")
    {
    }

    /// <summary>The explanation and the proposed relaxation.</summary>
    public InfeasibilityReport Report { get; }
}
