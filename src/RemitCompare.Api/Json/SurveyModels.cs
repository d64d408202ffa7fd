namespace RemitCompare.Api.Json;

/// <summary>What happened to one row of an upload.</summary>
/// <param name="Row">Row number in the file (the header is row 1).</param>
/// <param name="Status"><c>accepted</c> or <c>quarantined</c>.</param>
/// <param name="Field">The column to blame, for a quarantined row, when one is.</param>
/// <param name="Reason">Why the row was quarantined.</param>
public sealed record SurveyRowReportDto(int Row, string Status, string? Field, string? Reason);

/// <summary>POST /v1/surveys: the batch an upload became, and a report per row.</summary>
/// <param name="BatchId">The batch written, or the earlier batch that already holds this exact file.</param>
/// <param name="AlreadyUploaded">The same file was uploaded before: nothing was added.</param>
/// <param name="Layout"><c>remitcompare-survey</c>, or the RPW layout: <c>worldbank-42</c>, <c>cleaned-30</c>, <c>rpw</c>.</param>
/// <param name="KeyId">The key the batch is attributed to.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="Accepted">Rows stored now.</param>
/// <param name="AlreadyStored">Valid rows that the store already held.</param>
/// <param name="Quarantined">Rows rejected.</param>
/// <param name="Rows">Every row's outcome, in file order.</param>
public sealed record SurveyUploadDto(
    long BatchId, bool AlreadyUploaded, string Layout, string KeyId, int RowsRead, int Accepted, int AlreadyStored, int Quarantined,
    IReadOnlyList<SurveyRowReportDto> Rows);
