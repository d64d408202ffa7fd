using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Fees;

/// <summary>One line of a provider's price list: the fee schedule for a funding method and/or payout method (null = any).</summary>
/// <param name="Funding">Funding method the line applies to, or null for every method.</param>
/// <param name="Payout">Payout method the line applies to, or null for every method.</param>
/// <param name="Schedule">The sender fee schedule.</param>
public sealed record PriceListLine(FundingMethod? Funding, PayoutMethod? Payout, FeeSchedule Schedule);

/// <summary>
/// Fees that differ by funding and payout method (card dearer than bank transfer, cash pickup dearer than wallet).
/// The most specific line wins: both methods, then payout only, then funding only, then the default.
/// </summary>
public sealed class PriceList(IReadOnlyList<PriceListLine> lines)
{
    /// <summary>The lines as given.</summary>
    public IReadOnlyList<PriceListLine> Lines { get; } = lines;

    /// <summary>The fee schedule for one combination, or null when no line covers it.</summary>
    public FeeSchedule? For(FundingMethod funding, PayoutMethod payout) =>
        Find(l => l.Funding == funding && l.Payout == payout)
        ?? Find(l => l.Funding is null && l.Payout == payout)
        ?? Find(l => l.Funding == funding && l.Payout is null)
        ?? Find(l => l.Funding is null && l.Payout is null);

    private FeeSchedule? Find(Func<PriceListLine, bool> match) => Lines.FirstOrDefault(match)?.Schedule;
}
