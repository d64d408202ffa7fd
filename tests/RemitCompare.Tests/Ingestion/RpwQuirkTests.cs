using System.Globalization;
using Dapper;
using RemitCompare.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>The quirks of real RPW files (../shared/data/README.md) and how the reader infers what rows leave implicit.</summary>
public sealed class RpwQuirkTests
{
    [Test]
    public void Every_KEN_to_SSD_row_is_paid_out_in_USD()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var southSudan = store.Store.Observations().Where(o => o.FromCountry == "KEN" && o.ToCountry == "SSD").ToList();
        Assert.That(southSudan, Has.Count.EqualTo(RpwFile.Rows.Count(r => r["CORRIDOR"] == "KENSSD")));
        Assert.That(southSudan.Select(o => (o.SendCurrency, o.PayoutCurrency)), Is.All.EqualTo(("KES", "USD")));
        Assert.That(southSudan.Select(o => o.Inference), Is.All.Contains("paid out in USD"));
    }

    [Test]
    public void KEN_to_UGA_ABC_Bank_row_at_0_0068_is_paid_out_in_USD()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var row = RpwFile.Row(2);
        Assert.That((row["FIRM"], row["CORRIDOR"], row["CC1 LCU FX RATE"]), Is.EqualTo(("ABC Bank", "KENUGA", "0.0068")));
        var stored = store.Store.Observations().Single(o => o.SourceRow == 2);
        Assert.That((stored.SendCurrency, stored.PayoutCurrency, StoredObservation.D(stored.Rate)), Is.EqualTo(("KES", "USD", (decimal?)0.0068m)));
        Assert.That(stored.Inference, Does.Contain("paid out in USD"));
    }

    [Test]
    public void RWA_to_KEN_Western_Union_rows_of_200_are_sent_in_USD_and_paid_in_KES()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var usdRows = RpwFile.Rows.Where(r => r["CORRIDOR"] == "RWAKEN" && r.Number("CC1 LCU AMOUNT") == r.Number("CC1 DENOMINATION AMOUNT"))
            .Select(r => r.FileRow).ToList();
        Assert.That(usdRows, Has.Count.EqualTo(4), "the sample has four such rows");
        var stored = store.Store.Observations().Where(o => o.FromCountry == "RWA" && o.ToCountry == "KEN").ToList();
        var sentInUsd = stored.Where(o => usdRows.Contains((int)o.SourceRow)).ToList();
        Assert.That(sentInUsd.Select(o => (o.Provider, o.SendCurrency, o.PayoutCurrency)).ToList(), Has.Count.EqualTo(4).And.All.EqualTo(("Western Union", "USD", "KES")));
        Assert.That(sentInUsd.Select(o => o.Inference), Is.All.Contains("sent in USD"));
        Assert.That(stored.Except(sentInUsd).Select(o => o.SendCurrency), Is.Not.Empty.And.All.EqualTo("RWF"));
    }

    [Test]
    public void Both_spellings_of_yes_mark_a_row_transparent()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var spellings = store.Store.Observations().GroupBy(o => RpwFile.Row((int)o.SourceRow)["TRANSPARENT"])
            .ToDictionary(g => g.Key, g => g.All(o => o.Transparent == 1 && o.Rate is not null));
        Assert.That(spellings, Is.EquivalentTo(new Dictionary<string, bool> { ["yes"] = true, ["Yes"] = true }));
    }

    [Test]
    public void Amounts_written_18000_and_18000_00_are_the_same_amount()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var kenya = store.Store.Observations().Where(o => o.FromCountry == "KEN").ToList();
        var texts = kenya.Select(o => RpwFile.Row((int)o.SourceRow)["CC1 LCU AMOUNT"]).Distinct().Order(StringComparer.Ordinal);
        Assert.That(texts, Is.EqualTo(new[] { "18000", "18000.00" }));
        Assert.That(kenya.Select(o => StoredObservation.D(o.Cc1Amount)), Is.All.EqualTo(18000m));
    }

    [Test]
    public void Promotion_note_sets_the_promotion_flag_and_nothing_else_does()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var promoted = store.Store.Observations().Where(o => o.Promotion == 1).Select(o => o.SourceRow);
        var noted = RpwFile.Rows.Where(r => r["NOTE1"].Contains("promotion", StringComparison.Ordinal)).Select(r => (long)r.FileRow);
        Assert.That(promoted, Is.EquivalentTo(noted).And.Not.Empty);
    }

    [Test]
    public void Real_negative_margin_is_stored_as_stated()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var row = RpwFile.Row(477);
        Assert.That(row["CC1 FX MARGIN"], Is.EqualTo("-1.22"));
        var stored = store.Store.Observations().Single(o => o.SourceRow == 477);
        Assert.That((StoredObservation.D(stored.Cc1Margin), StoredObservation.D(stored.Cc2Margin)), Is.EqualTo(((decimal?)-1.22m, (decimal?)-1.22m)));
    }

    [Test]
    public void Recognises_the_layout_by_its_header([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var summary = store.IngestRpw(RpwFile.Write(RpwFile.RowsOf("KENUGA", "2025_3Q"), layout));
        Assert.That((summary.Layout, summary.Accepted), Is.EqualTo((layout == RpwLayoutKind.Cleaned30 ? "cleaned-30" : "worldbank-42", 16)));
    }

    [Test]
    public void Kosovo_as_KSV_and_as_XKX_is_one_corridor_to_XKX([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var ksv = EuroRow("KSV", "Western Union");
        var xkx = EuroRow("XKX", "MoneyGram");
        var summary = store.IngestRpw(RpwFile.Write([ksv, xkx], layout));
        Assert.That(summary.Quarantine.Select(q => q.Reason), Is.Empty);
        var stored = store.Store.Observations();
        Assert.That(stored.Select(o => (o.FromCountry, o.ToCountry, o.SendCurrency, o.PayoutCurrency)).ToList(), Has.Count.EqualTo(2).And.All.EqualTo(("DEU", "XKX", "EUR", "EUR")));
        Assert.That(store.Store.Count("corridors"), Is.EqualTo(1));
    }

    [Test]
    public void Row_sent_in_USD_with_no_reference_for_the_destination_is_paid_in_the_destination_currency()
    {
        // USA → KEN: the ECB has no KES rate and no row sends in a local currency other than USD, so there is no anchor
        // for KES per USD; 129 must be read as given (KES), not inverted and rescaled until it looks like USD per USD.
        using var store = TempStore.WithReferenceData();
        var header = string.Join(',', RpwFile.Header30);
        var row = "2025_3Q,USA,United States,KEN,Kenya,Acme,Money Transfer Operator,Cash,Same day,200,200,USD,5,127,1.55,4.05,500,500,USD,8,127,1.55,3.15,129.0,yes,,,Cash,2025-08-14,USAKEN";

        var summary = store.IngestRpw(header + "\n" + row + "\n");

        Assert.That(summary.Accepted, Is.EqualTo(1), string.Join("; ", summary.Quarantine.Select(q => q.Reason)));
        var stored = store.Store.Observations().Single();
        Assert.That((stored.SendCurrency, stored.PayoutCurrency, StoredObservation.D(stored.Rate)), Is.EqualTo(("USD", "KES", (decimal?)127m)));
    }

    [Test]
    public void Two_dots_and_N_A_are_missing_values([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        rows[0] = rows[0].With(("CC1 FX MARGIN", ".."), ("CC2 FX MARGIN", "N/A"));
        store.IngestRpw(RpwFile.Write(rows, layout));
        var stored = store.Store.Observations().Single(o => o.SourceRow == 2);
        Assert.That((stored.Cc1Margin, stored.Cc2Margin), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(StoredObservation.D(stored.Rate), Is.EqualTo(rows[0].Number("CC1 LCU FX RATE")));
    }

    [Test]
    public void Missing_interbank_rate_is_implied_by_the_cc1_rate_and_margin([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        var mpesa = rows.FindIndex(r => r["FIRM"] == "M-Pesa");
        rows[mpesa] = rows[mpesa].With(("INTER LCU BANK FX", ".."));
        store.IngestRpw(RpwFile.Write(rows, layout));
        var stored = store.Store.Observations().Single(o => o.SourceRow == mpesa + 2);
        Assert.That(StoredObservation.D(stored.InterbankRate), Is.EqualTo(26.374m / (1m - 0.0423m)));
        Assert.That(stored.Inference, Does.Contain("implied"));
    }

    [Test]
    public void Note_with_quoted_commas_stays_one_field([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        rows[0] = rows[0].With(("NOTE1", "Account required, \"agent\" rates differ, see provider"), ("DATE", "2025-08-21"));
        var csv = RpwFile.Write(rows, layout);
        Assert.That(csv, Does.Contain("\"Account required, \"\"agent\"\" rates differ, see provider\""));
        var summary = store.IngestRpw(csv);
        Assert.That((summary.Accepted, summary.Quarantine.Count), Is.EqualTo((rows.Count, 0)));
        using var connection = store.Store.Open();
        var collected = connection.ExecuteScalar<string>("SELECT collected_at FROM quote_observations WHERE source_row = 2");
        Assert.That(collected, Does.StartWith("2025-08-21"));
    }

    [Test]
    public void Promotion_written_in_a_note_is_flagged([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        rows[0] = rows[0].With(("NOTE2", "First transfer free: promotion, new customers only"));
        store.IngestRpw(RpwFile.Write(rows, layout));
        Assert.That(store.Store.Observations().Where(o => o.Promotion == 1).Select(o => o.SourceRow), Is.EqualTo(new[] { 2L }));
    }

    [Test]
    public void Older_period_with_inverted_rate_columns_is_read_back_as_payout_per_send([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        var mpesa = rows.First(r => r["FIRM"] == "M-Pesa");
        // Early rounds gave KES per UGX, with 4 significant figures.
        rows.Add(mpesa.With(("PERIOD", "2012_1Q"), ("DATE", "2012-02-15")).WithRates(rate => Significant(1m / rate, 4)));
        var summary = store.IngestRpw(RpwFile.Write(rows, layout));
        Assert.That(summary.Quarantine, Is.Empty);
        var stored = store.Store.Observations().Single(o => o.SourceRow == rows.Count + 1);
        Assert.That(rows[^1]["CC1 LCU FX RATE"], Is.EqualTo("0.03792"));
        Assert.That(StoredObservation.D(stored.Rate), Is.EqualTo(1m / 0.03792m));
        // 0.03792 holds the original to half a unit in its last digit: 0.013 %.
        Assert.That(StoredObservation.D(stored.Rate), Is.EqualTo(26.374m).Within(0.014m).Percent);
        Assert.That(StoredObservation.D(stored.InterbankRate), Is.EqualTo(27.5386996904024m).Within(0.014m).Percent);
        Assert.That((stored.PayoutCurrency, stored.Inference), Is.EqualTo(("UGX", "rate columns read inverted")));
    }

    [Test]
    public void Older_period_with_rates_per_100_units_is_scaled_back([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("TZAKEN", "2025_3Q").ToList();
        var mpesa = rows.First(r => r["FIRM"] == "M-Pesa");
        rows.Add(mpesa.With(("PERIOD", "2011_1Q"), ("DATE", "2011-02-15")).WithRates(rate => (rate * 100m).ToString("G29", CultureInfo.InvariantCulture)));
        var summary = store.IngestRpw(RpwFile.Write(rows, layout));
        Assert.That(summary.Quarantine, Is.Empty);
        var stored = store.Store.Observations().Single(o => o.SourceRow == rows.Count + 1);
        Assert.That(rows[^1]["CC1 LCU FX RATE"], Is.EqualTo("4.81"));
        Assert.That((StoredObservation.D(stored.Rate), StoredObservation.D(stored.InterbankRate)), Is.EqualTo(((decimal?)0.0481m, (decimal?)0.0516283716283716m)));
        Assert.That((stored.PayoutCurrency, stored.Inference), Is.EqualTo(("KES", "rate columns read as given, scaled by 10^-2")));
    }

    [Test]
    public void Undisclosed_rate_is_stored_as_null([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        var wu = rows.First(r => r["FIRM"] == "Western Union");
        rows.Add(wu.With(
            ("PERIOD", "2013_1Q"), ("DATE", "2013-02-15"), ("TRANSPARENT", "no"),
            ("CC1 LCU FX RATE", "1"), ("CC1 FX MARGIN", "0"), ("CC1 TOTAL COST %", "1.15"),
            ("CC2 LCU FX RATE", "1"), ("CC2 FX MARGIN", "0"), ("CC2 TOTAL COST %", "1.15")));
        var summary = store.IngestRpw(RpwFile.Write(rows, layout));
        Assert.That(summary.Quarantine, Is.Empty);
        var stored = store.Store.Observations().Single(o => o.SourceRow == rows.Count + 1);
        Assert.That((stored.Rate, stored.Cc1Rate, stored.Cc2Rate, stored.Transparent), Is.EqualTo(((string?)null, (string?)null, (string?)null, 0L)));
        Assert.That(stored.PayoutCurrency, Is.EqualTo("UGX"));
    }

    [Test]
    public void Row_whose_rate_fits_neither_currency_is_quarantined_with_the_reason([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q").ToList();
        var mpesa = rows.First(r => r["FIRM"] == "M-Pesa");
        // Five digits too many: no direction or power of ten up to 1000 brings it near UGX or USD per KES.
        rows.Add(mpesa.With(("DATE", "2025-08-20")).WithRates(rate => StoreRows.Text(rate * 100_000m)));
        var summary = store.IngestRpw(RpwFile.Write(rows, layout));
        Assert.That(summary.Accepted, Is.EqualTo(rows.Count - 1));
        var quarantined = store.Store.Quarantine().Single();
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((rows.Count + 1L, "inter lcu bank fx")));
        Assert.That(quarantined.Reason, Does.Contain("fits neither KES→UGX").And.Contain("nor KES→USD"));
    }

    [Test]
    public void Negative_margin_is_accepted([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("TZAKEN", "2025_3Q");
        var summary = store.IngestRpw(RpwFile.Write(rows, layout));
        Assert.That(summary.Quarantine, Is.Empty);
        var moneyGram = rows.ToList().FindIndex(r => r["CC1 FX MARGIN"].StartsWith('-'));
        var stored = store.Store.Observations().Single(o => o.SourceRow == moneyGram + 2);
        Assert.That((StoredObservation.D(stored.Cc1Margin), StoredObservation.D(stored.Rate)), Is.EqualTo(((decimal?)-1.22m, (decimal?)0.052m)));
    }

    /// <summary>A transfer from Germany to Kosovo: EUR to EUR at rate 1, EUR 185 ≈ USD 200 (RPW's cc1 in 2024).</summary>
    private static RpwLine EuroRow(string kosovo, string firm) => RpwFile.Row(2).With(
        ("SOURCE_CODE", "DEU"), ("SOURCE_NAME", "Germany"), ("DESTINATION_CODE", kosovo), ("DESTINATION_NAME", "Kosovo"),
        ("FIRM", firm), ("FIRM_TYPE", "Money Transfer Operator"), ("PAYMENT INSTRUMENT", "Cash"), ("SPEED ACTUAL", "Less than one hour"),
        ("CC1 LCU AMOUNT", "185"), ("CC1 DENOMINATION AMOUNT", "200"), ("CC1 LCU CODE", "EUR"), ("CC1 LCU FEE", "4.9"),
        ("CC1 LCU FX RATE", "1"), ("CC1 FX MARGIN", "0"), ("CC1 TOTAL COST %", "2.65"),
        ("CC2 LCU AMOUNT", "460"), ("CC2 DENOMINATION AMOUNT", "500"), ("CC2 LCU CODE", "EUR"), ("CC2 LCU FEE", "4.9"),
        ("CC2 LCU FX RATE", "1"), ("CC2 FX MARGIN", "0"), ("CC2 TOTAL COST %", "1.07"),
        ("INTER LCU BANK FX", "1"), ("PICK-UP METHOD", "Cash"), ("CORRIDOR", "DEU" + kosovo));

    private static string Significant(decimal value, int digits) =>
        Math.Round(value, digits - 1 - (int)Math.Floor(Math.Log10((double)value))).ToString(CultureInfo.InvariantCulture);
}
