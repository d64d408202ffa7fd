using RemitCompare.Domain.Pricing;

namespace RemitCompare.Domain.Ranking;

/// <summary>
/// Where an offer ranks, as a value sorted in place: group, then the mode's key (send mode: value delivered, highest
/// first, unknown last; receive mode: what the sender pays, lowest first), then total cost % (unknown last), then
/// speed (unknown last), then service id. Holds no reference, so keys can be staged on the stack.
/// </summary>
internal readonly struct RankKey : IComparable<RankKey>
{
    private readonly bool _hasPrimary;
    private readonly decimal _primary;
    private readonly bool _highestFirst;
    private readonly bool _hasCost;
    private readonly decimal _totalCostPct;
    private readonly int _speed;
    private readonly long _serviceId;

    /// <param name="group">The offer's group.</param>
    /// <param name="primary">Value delivered (send mode) or what the sender pays (receive mode).</param>
    /// <param name="highestFirst">True when a higher primary ranks first.</param>
    /// <param name="totalCostPct">Total cost %, when known.</param>
    /// <param name="quote">The quote priced.</param>
    /// <param name="index">Where the quote is in the corridor.</param>
    /// <param name="slot">Where its cost is staged.</param>
    /// <param name="flags">The offer's flags.</param>
    public RankKey(OfferGroup group, decimal? primary, bool highestFirst, decimal? totalCostPct, ServiceQuote quote, int index, int slot, OfferFlags flags)
    {
        Group = group;
        _hasPrimary = primary is not null;
        _primary = primary ?? 0m;
        _highestFirst = highestFirst;
        _hasCost = totalCostPct is not null;
        _totalCostPct = totalCostPct ?? 0m;
        _speed = quote.Speed is { } speed ? (int)speed : int.MaxValue;
        _serviceId = quote.ServiceId;
        Index = index;
        Slot = slot;
        Flags = flags;
    }

    public OfferGroup Group { get; }
    public decimal? Primary => _hasPrimary ? _primary : null;
    public int Index { get; }
    public int Slot { get; }
    public OfferFlags Flags { get; }

    public int CompareTo(RankKey other)
    {
        if (Group != other.Group) return Group < other.Group ? -1 : 1;
        var byPrimary = _highestFirst
            ? NullsLast(_hasPrimary, other._primary, other._hasPrimary, _primary)
            : NullsLast(_hasPrimary, _primary, other._hasPrimary, other._primary);
        if (byPrimary != 0) return byPrimary;
        var byCost = NullsLast(_hasCost, _totalCostPct, other._hasCost, other._totalCostPct);
        if (byCost != 0) return byCost;
        if (_speed != other._speed) return _speed < other._speed ? -1 : 1;
        return _serviceId != other._serviceId ? _serviceId.CompareTo(other._serviceId) : Index.CompareTo(other.Index);
    }

    private static int NullsLast(bool hasA, decimal a, bool hasB, decimal b) =>
        hasA ? (hasB ? decimal.Compare(a, b) : -1) : (hasB ? 1 : 0);
}
