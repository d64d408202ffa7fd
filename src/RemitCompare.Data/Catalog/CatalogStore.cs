using Dapper;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;

namespace RemitCompare.Data.Catalog;

/// <summary>The SQL of the reference tables: currencies and countries.</summary>
public sealed class CatalogStore(Store store)
{
    /// <summary>True when the reference tables hold nothing yet.</summary>
    public bool IsEmpty()
    {
        using var connection = store.Open();
        return connection.ExecuteScalar<long>("SELECT (SELECT COUNT(*) FROM currencies) + (SELECT COUNT(*) FROM countries)") == 0;
    }

    /// <summary>Inserts or updates currencies and countries in one transaction.</summary>
    public void Upsert(IEnumerable<Currency> currencies, IEnumerable<Country> countries)
    {
        using var connection = store.Open();
        using var tx = store.BeginWrite(connection);
        connection.Execute(
            """
            INSERT INTO currencies (code, numeric_code, minor_units, name) VALUES (@Code, @NumericCode, @MinorUnits, @Name)
            ON CONFLICT (code) DO UPDATE SET numeric_code = excluded.numeric_code, minor_units = excluded.minor_units, name = excluded.name
            """,
            currencies, tx);
        connection.Execute(
            """
            INSERT INTO countries (iso3, iso2, name, currency_code, region, sub_region) VALUES (@Iso3, @Iso2, @Name, @CurrencyCode, @Region, @SubRegion)
            ON CONFLICT (iso3) DO UPDATE SET iso2 = excluded.iso2, name = excluded.name, currency_code = excluded.currency_code,
                region = excluded.region, sub_region = excluded.sub_region
            """,
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
