using RemitCompare.Data;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Api;

/// <summary>One running API over its own SQLite store, and one client, shared by the tests of a fixture.</summary>
public abstract class ApiFixture
{
    private ApiFactory? _factory;
    private HttpClient? _client;

    /// <summary>The running API.</summary>
    protected ApiFactory Factory => _factory ?? throw new InvalidOperationException("The API starts in OneTimeSetUp.");

    /// <summary>A client of the running API.</summary>
    protected HttpClient Client => _client ?? throw new InvalidOperationException("The API starts in OneTimeSetUp.");

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new ApiFactory();
        Fill(_factory.Store.Store);
        _client = _factory.CreateClient();
    }

    /// <summary>Fills the store before the API starts; by default nothing, and the API loads the default data itself.</summary>
    protected virtual void Fill(Store store)
    {
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    /// <summary>GETs a path (with its query, already escaped) and reads the whole answer.</summary>
    protected Task<ApiAnswer> Get(string pathAndQuery) => ApiAnswer.GetAsync(Client, pathAndQuery);

    /// <summary>GETs a path with query parameters, escaping each value; parameters whose value is null are left out.</summary>
    protected Task<ApiAnswer> Get(string path, params (string Name, string? Value)[] query) => Get(path + Query.Of(query));
}
