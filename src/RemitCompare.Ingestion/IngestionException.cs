namespace RemitCompare.Ingestion;

/// <summary>A payload that cannot be ingested at all (wrong layout, unreadable): nothing from it is stored.</summary>
public sealed class IngestionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IngestionException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public IngestionException(string message, Exception inner) : base(message, inner) { }
}
