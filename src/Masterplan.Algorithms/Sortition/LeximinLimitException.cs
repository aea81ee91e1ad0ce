namespace Masterplan.Algorithms.Sortition;

/// <summary>LEXIMIN stopped at its time limit or round cap before the lottery was proven fair; no result is given.</summary>
public sealed class LeximinLimitException : Exception
{
    /// <summary>Creates the exception with where the computation stood.</summary>
    public LeximinLimitException(string message, LeximinProgress progress)
        : base(message)
    {
        Progress = progress;
    }

    /// <summary>Creates the exception with where the computation stood and which limit stopped it.</summary>
    public LeximinLimitException(string message, LeximinProgress progress, LeximinLimit limit)
        : base(message)
    {
        Progress = progress;
        Limit = limit;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LeximinLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LeximinLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LeximinLimitException()
        : this("LEXIMIN stopped at its limit.")
    {
    }

    /// <summary>Where the computation stood when it stopped; null if unknown.</summary>
    public LeximinProgress? Progress { get; }

    /// <summary>Which limit stopped the computation, so that a caller can say it in its own language.</summary>
    public LeximinLimit Limit { get; }
}
