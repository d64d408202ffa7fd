using System.Data;
using System.Data.Common;
using System.Globalization;

namespace RemitCompare.Data.Batches;

/// <summary>
/// A statement prepared once per batch and run once per row, its parameters set by position: looking parameters
/// up by name on every row, and re-preparing per-row statements, were most of the cost of writing a batch.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    /// <summary>Rows sent per round trip by <see cref="Queue"/> where the engine batches statements.</summary>
    private const int RowsPerRoundTrip = 500;

    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly (string Name, DbType Type)[] _definitions;
    private DbBatch? _batch;
    private int _queuedChanges;

    /// <summary>Prepares <paramref name="sql"/>, whose placeholders are <c>@name</c> for each of <paramref name="parameters"/> (text or 64-bit integer).</summary>
    public PreparedCommand(DbConnection connection, DbTransaction tx, string sql, params (string Name, DbType Type)[] parameters)
    {
        _connection = connection;
        _definitions = parameters;
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sql;
        _parameters = new DbParameter[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = _command.CreateParameter();
            // The prefix matches the placeholder exactly: SQLite otherwise tries every prefix on every execution.
            parameter.ParameterName = "@" + parameters[i].Name;
            parameter.DbType = parameters[i].Type;
            parameter.Value = DBNull.Value;
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
        _command.Prepare();
    }

    /// <summary>Text parameters named <paramref name="names"/>.</summary>
    public static (string, DbType)[] Texts(params string[] names) => names.Select(n => (n, DbType.String)).ToArray();

    /// <summary>Runs the statement with <paramref name="values"/> in parameter order (null for SQL NULL); returns rows changed.</summary>
    public int Execute(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    /// <summary>Runs the statement and returns the first column of its first row as a 64-bit integer, or null when there is none.</summary>
    public long? Scalar(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Runs the statement for one row, at once where the engine is in-process (SQLite), or with up to
    /// <see cref="RowsPerRoundTrip"/> rows per round trip where it batches statements (PostgreSQL: one network round
    /// trip per row was most of a batch's time). <see cref="Flush"/> sends what is queued and returns the rows changed.
    /// </summary>
    public void Queue(params object?[] values)
    {
        if (!_connection.CanCreateBatch)
        {
            _queuedChanges += Execute(values);
            return;
        }
        CheckCount(values);
        _batch ??= NewBatch();
        var command = _batch.CreateBatchCommand();
        command.CommandText = _command.CommandText;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = _definitions[i].Name;
            parameter.DbType = _definitions[i].Type;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= RowsPerRoundTrip) Send();
    }

    /// <summary>Sends the queued rows; returns the rows changed by every <see cref="Queue"/> since the last flush.</summary>
    public int Flush()
    {
        Send();
        var changes = _queuedChanges;
        _queuedChanges = 0;
        return changes;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _batch?.Dispose();
        _command.Dispose();
    }

    private DbBatch NewBatch()
    {
        var batch = _connection.CreateBatch();
        batch.Transaction = _command.Transaction;
        return batch;
    }

    private void Send()
    {
        if (_batch is not { BatchCommands.Count: > 0 }) return;
        _queuedChanges += _batch.ExecuteNonQuery();
        _batch.Dispose();
        _batch = null;
    }

    private void Bind(object?[] values)
    {
        CheckCount(values);
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private void CheckCount(object?[] values)
    {
        if (values.Length != _definitions.Length)
            throw new ArgumentException($"{_definitions.Length} values expected, {values.Length} given.", nameof(values));
    }
}
