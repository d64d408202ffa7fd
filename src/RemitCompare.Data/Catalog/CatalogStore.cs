using Dapper;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;

namespace RemitCompare.Data.Catalog;

/// <summary>The SQL of the reference tables: currencies and countries.</summary>
public sealed class CatalogStore(SqliteStore store)
{
    /// <summary>True when the reference tables hold nothing yet.</summary>
    public bool IsEmpty()
    {
        using var connection = store.Open();
        return connection.ExecuteScalar<long>("SELECT (SELECT COUNT(*) FROM currencies) + (SELECT COUNT(*) FROM countries)") == 0;
    }

    /// <summary>Inserts or replaces currencies and countries in one transaction.</summary>
    public void Upsert(IEnumerable<Currency> currencies, IEnumerable<Country> countries)
    {
        using var connection = store.Open();
        using var tx = connection.BeginTransaction();
        connection.Execute(
            "INSERT OR REPLACE INTO currencies (code, numeric_code, minor_units, name) VALUES (@Code, @NumericCode, @MinorUnits, @Name)",
            currencies, tx);
        connection.Execute(
            "INSERT OR REPLACE INTO countries (iso3, iso2, name, currency_code, region, sub_region) VALUES (@Iso3, @Iso2, @Name, @CurrencyCode, @Region, @SubRegion)",
            countries, tx);
        tx.Commit();
    }

    /// <summary>Every currency.</summary>
    public CurrencyCatalog Currencies()
    {
        using var connection = store.Open();
        return new CurrencyCatalog(connection.Query<(string Code, string NumericCode, long MinorUnits, string Name)>(
                "SELECT code, numeric_code, minor_units, name FROM currencies")
            .Select(r => new Currency(r.Code, r.NumericCode, (int)r.MinorUnits, r.Name)));
    }

    /// <summary>Every country.</summary>
    public CountryCatalog Countries()
    {
        using var connection = store.Open();
        return new CountryCatalog(connection.Query<Country>(
            "SELECT iso3 AS Iso3, iso2 AS Iso2, name AS Name, currency_code AS CurrencyCode, region AS Region, sub_region AS SubRegion FROM countries"));
    }
}
