using System.Security.Cryptography;
using RemitCompare.Data.Batches;
using RemitCompare.Domain.Services;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Survey;

/// <summary>
/// What makes two survey rows the same row: a hash of their values, as <see cref="RowHash"/> gives them, in
/// <see cref="SurveyCsvReader.Columns"/> order. Numbers count as numbers (<c>120</c> and <c>120.00</c> are one value),
/// text is trimmed with every run of white space as one space and compared without case, countries, currencies and
/// methods count as the code they name, the collection time as one UTC instant, and the promotion flag as yes or no.
/// </summary>
internal static class SurveyRowHash
{
    /// <summary>The hash of a parsed row; <paramref name="fee"/> and <paramref name="receiveFee"/> as the row stated them.</summary>
    public static string Of(ObservationRecord row, decimal fee, decimal? receiveFee, IncrementalHash sha256) => RowHash.Digest(
    [
        RowHash.Text(row.Provider).ToLowerInvariant(), RowHash.Text(row.FirmType).ToLowerInvariant(), row.From, row.To,
        row.SendCurrency, row.PayoutCurrency, RowHash.Number(row.SurveyedLow), RowHash.Number(fee), RowHash.Number(row.Rate),
        RowHash.Number(receiveFee), row.Payout.Name(), row.Funding.Name(), row.Speed?.Name() ?? "", CollectedAt(row),
        row.Promotion ? "yes" : "no",
    ], sha256);

    /// <summary>
    /// The hash earlier versions stored for the same row: over each column's text trimmed and in lower case, the
    /// collection time as parsed. A row stored under it is the same row, so a file uploaded before is not stored again.
    /// </summary>
    public static string Previous(Func<string, string> text, ObservationRecord row, IncrementalHash sha256) =>
        RowHash.Digest([.. SurveyCsvReader.Columns.Select(c => c == "collected_at" ? CollectedAt(row) : text(c).Trim().ToLowerInvariant())], sha256);

    private static string CollectedAt(ObservationRecord row) => row.CollectedAt.ToString("O");
}
