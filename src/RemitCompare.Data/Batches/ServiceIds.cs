using System.Data;
using System.Data.Common;
using RemitCompare.Domain.Services;

namespace RemitCompare.Data.Batches;

/// <summary>
/// Finds or creates the provider, corridor and service of each observation inside a batch's transaction, with
/// statements prepared once per batch and ids cached for the batch. A row another writer created first is found.
/// </summary>
internal sealed class ServiceIds : IDisposable
{
    private readonly Dictionary<string, long> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), long> _corridors = new();
    private readonly Dictionary<(long, long, string, string, string, string), long> _services = new();
    private readonly PreparedCommand _insertProvider;
    private readonly PreparedCommand _findProvider;
    private readonly PreparedCommand _insertCorridor;
    private readonly PreparedCommand _findCorridor;
    private readonly PreparedCommand _insertService;
    private readonly PreparedCommand _findService;

    public ServiceIds(DbConnection connection, DbTransaction tx)
    {
        PreparedCommand Prepare(string sql, params (string, DbType)[] parameters) => new(connection, tx, sql, parameters);
        _insertProvider = Prepare("INSERT INTO providers (name, firm_type) VALUES (@name, @firm_type) ON CONFLICT DO NOTHING RETURNING id",
            PreparedCommand.Texts("name", "firm_type"));
        _findProvider = Prepare("SELECT id FROM providers WHERE name = @name", PreparedCommand.Texts("name"));
        _insertCorridor = Prepare("INSERT INTO corridors (from_country, to_country) VALUES (@from, @to) ON CONFLICT DO NOTHING RETURNING id",
            PreparedCommand.Texts("from", "to"));
        _findCorridor = Prepare("SELECT id FROM corridors WHERE from_country = @from AND to_country = @to", PreparedCommand.Texts("from", "to"));
        (string, DbType)[] service = [("provider", DbType.Int64), ("corridor", DbType.Int64), .. PreparedCommand.Texts("funding", "payout", "send", "receive")];
        _insertService = Prepare(
            """
            INSERT INTO services (provider_id, corridor_id, funding_method, payout_method, send_currency, payout_currency)
            VALUES (@provider, @corridor, @funding, @payout, @send, @receive) ON CONFLICT DO NOTHING RETURNING id
            """, service);
        _findService = Prepare(
            """
            SELECT id FROM services WHERE provider_id = @provider AND corridor_id = @corridor AND funding_method = @funding
            AND payout_method = @payout AND send_currency = @send AND payout_currency = @receive
            """, service);
    }

    /// <summary>The service id of an observation, created with its provider and corridor when new.</summary>
    public long For(ObservationRecord o)
    {
        var provider = Provider(o.Provider, o.FirmType);
        var corridor = Corridor(o.From, o.To);
        var key = (provider, corridor, o.Funding.Name(), o.Payout.Name(), o.SendCurrency, o.PayoutCurrency);
        if (_services.TryGetValue(key, out var id)) return id;
        object?[] values = [provider, corridor, key.Item3, key.Item4, o.SendCurrency, o.PayoutCurrency];
        return _services[key] = FindOrCreate(_insertService, values, _findService, values);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in new[] { _insertProvider, _findProvider, _insertCorridor, _findCorridor, _insertService, _findService }) command.Dispose();
    }

    private long Provider(string name, string firmType)
    {
        if (_providers.TryGetValue(name, out var id)) return id;
        return _providers[name] = FindOrCreate(_insertProvider, [name, firmType], _findProvider, [name]);
    }

    private long Corridor(string from, string to)
    {
        if (_corridors.TryGetValue((from, to), out var id)) return id;
        return _corridors[(from, to)] = FindOrCreate(_insertCorridor, [from, to], _findCorridor, [from, to]);
    }

    /// <summary>The new row's id, or, when the row already exists (the insert did nothing), the existing one's.</summary>
    private static long FindOrCreate(PreparedCommand insert, object?[] row, PreparedCommand find, object?[] key) =>
        insert.Scalar(row) ?? find.Scalar(key) ?? throw new InvalidOperationException("A row that conflicted on insert could not be found.");
}
