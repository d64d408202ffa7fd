namespace RemitCompare.Domain.Fees;

/// <summary>One amount band of a fee schedule: amounts from <see cref="From"/> (inclusive) up to <see cref="UpTo"/> (exclusive, open when null).</summary>
/// <param name="From">Lowest amount in the band.</param>
/// <param name="UpTo">First amount past the band, or null for no upper bound.</param>
/// <param name="Fixed">Fixed part of the fee, in the schedule's currency.</param>
/// <param name="Percent">Percentage of the amount, e.g. 1.5 for 1.5 %.</param>
public sealed record FeeBand(decimal From, decimal? UpTo, decimal Fixed, decimal Percent)
{
    /// <summary>True when the amount falls inside the band.</summary>
    public bool Contains(decimal amount) => amount >= From && (UpTo is null || amount < UpTo);
}

/// <summary>
/// A fee as a function of the amount: fixed, percent, fixed + percent, tiers by amount band, with optional
/// minimum and maximum caps. Amounts outside every band cannot be sent with the service.
/// </summary>
public sealed class FeeSchedule
{
    private readonly FeeBand[] _bands;
    private readonly Line[] _lines;

    private FeeSchedule(FeeBand[] bands, decimal? minimum, decimal? maximum)
    {
        if (bands.Length == 0) throw new ArgumentException("A fee schedule needs at least one band.", nameof(bands));
        if (minimum is < 0 || maximum is < 0) throw new ArgumentException("Fee caps cannot be negative.");
        if (minimum is not null && maximum is not null && minimum > maximum)
            throw new ArgumentException("The minimum fee is above the maximum fee.");
        for (var i = 0; i < bands.Length; i++)
        {
            var band = bands[i];
            if (band.Fixed < 0 || band.Percent < 0 || band.Percent >= 100)
                throw new ArgumentException($"Band {i} has a negative fee or a percentage of 100 or more.");
            if (band.UpTo is not null && band.UpTo <= band.From)
                throw new ArgumentException($"Band {i} ends before it starts.");
            if (i > 0 && bands[i - 1].UpTo != band.From)
                throw new ArgumentException($"Band {i} does not start where band {i - 1} ends.");
        }
        _bands = bands;
        _lines = Array.ConvertAll(bands, Line.Of);
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The bands, lowest first, each starting where the previous one ends.</summary>
    public IReadOnlyList<FeeBand> Bands => _bands;

    /// <summary>Lowest fee charged, if capped.</summary>
    public decimal? Minimum { get; }

    /// <summary>Highest fee charged, if capped.</summary>
    public decimal? Maximum { get; }

    /// <summary>Lowest amount the service accepts.</summary>
    public decimal LowestAmount => _bands[0].From;

    /// <summary>First amount the service no longer accepts, or null when unbounded.</summary>
    public decimal? AmountLimit => _bands[^1].UpTo;

    /// <summary>No fee at any amount.</summary>
    public static FeeSchedule Free { get; } = Fixed(0m);

    /// <summary>The same fee at every amount.</summary>
    public static FeeSchedule Fixed(decimal fee) => new([new FeeBand(0m, null, fee, 0m)], null, null);

    /// <summary>A percentage of the amount.</summary>
    public static FeeSchedule Percent(decimal percent) => new([new FeeBand(0m, null, 0m, percent)], null, null);

    /// <summary>A fixed fee plus a percentage of the amount.</summary>
    public static FeeSchedule FixedPlusPercent(decimal fee, decimal percent) => new([new FeeBand(0m, null, fee, percent)], null, null);

    /// <summary>Bands by amount, each with its own fixed and percentage part.</summary>
    public static FeeSchedule Tiered(IEnumerable<FeeBand> bands) => new(bands.OrderBy(b => b.From).ToArray(), null, null);

    /// <summary>A schedule from explicit bands and caps.</summary>
    public static FeeSchedule Create(IEnumerable<FeeBand> bands, decimal? minimum, decimal? maximum) =>
        new(bands.OrderBy(b => b.From).ToArray(), minimum, maximum);

    /// <summary>This schedule with a minimum and/or maximum fee.</summary>
    public FeeSchedule WithCaps(decimal? minimum, decimal? maximum) => new(_bands, minimum, maximum);

    /// <summary>
    /// The fee model through two surveyed points (RPW cc1 and cc2): equal fees give a fixed fee, otherwise the line
    /// fixed + percent through both points. Where that line would need a negative part (a fee that falls with the
    /// amount, or grows faster than the amount), two bands split at the larger amount reproduce both points instead:
    /// fixed fees for a falling fee, percentages for a steep one. Negative survey fees count as zero.
    /// </summary>
    public static FeeSchedule FromTwoPoints(decimal amount1, decimal fee1, decimal amount2, decimal fee2)
    {
        (fee1, fee2) = (Math.Max(0m, fee1), Math.Max(0m, fee2));
        if (fee1 == fee2 || amount1 == amount2) return Fixed(Math.Max(fee1, fee2));
        if (amount1 > amount2) (amount1, fee1, amount2, fee2) = (amount2, fee2, amount1, fee1);
        var slope = (fee2 - fee1) / (amount2 - amount1);
        var fixedPart = fee1 - (slope * amount1);
        if (slope >= 0m && fixedPart >= 0m && slope < 0.99m) return FixedPlusPercent(fixedPart, slope * 100m);
        return slope < 0m
            ? Tiered([new FeeBand(0m, amount2, fee1, 0m), new FeeBand(amount2, null, fee2, 0m)])
            : Tiered([new FeeBand(0m, amount2, 0m, fee1 / amount1 * 100m), new FeeBand(amount2, null, 0m, fee2 / amount2 * 100m)]);
    }

    /// <summary>The fee for an amount, or null when the service does not take that amount.</summary>
    public decimal? FeeFor(decimal amount) => TryFee(amount, out var fee) ? fee : null;

    /// <summary>The fee for an amount; false when the service does not take that amount.</summary>
    public bool TryFee(decimal amount, out decimal fee)
    {
        var lines = _lines;
        for (var i = 0; i < lines.Length; i++)
        {
            ref readonly var line = ref lines[i];
            if (amount < line.From || (!line.Open && amount >= line.UpTo)) continue;
            fee = line.Fixed + (amount * line.Percent / 100m);
            if (Minimum is { } min && fee < min) fee = min;
            if (Maximum is { } max && fee > max) fee = max;
            return true;
        }
        fee = 0m;
        return false;
    }

    /// <summary>
    /// The smallest gross amount whose net of fee (gross − fee(gross)) reaches <paramref name="net"/>; null when no
    /// band can deliver it. Fee jumps between bands make this a search over bands, not one division.
    /// </summary>
    public decimal? GrossForNet(decimal net)
    {
        Span<decimal> candidates = CandidateCount <= 64 ? stackalloc decimal[CandidateCount] : new decimal[CandidateCount];
        decimal? best = null;
        foreach (var gross in candidates[..GrossCandidates(net, candidates)])
        {
            if (gross < 0m || (best is not null && gross >= best)) continue;
            // Decimal division leaves a rounding residue of ~1e-26; this tolerance is far below any minor unit.
            if (TryFee(gross, out var fee) && gross - fee >= net - 0.0000000001m) best = gross;
        }
        return best;
    }

    /// <summary>How many gross candidates <see cref="GrossCandidates"/> writes at most.</summary>
    internal int CandidateCount => _lines.Length * (2 + (Minimum is null ? 0 : 1) + (Maximum is null ? 0 : 1));

    /// <summary>
    /// Writes every gross amount that may be the smallest to net <paramref name="net"/> within one band: the band's
    /// start and the exact solutions without caps, at the minimum and at the maximum; returns how many. Unchecked:
    /// callers verify each one.
    /// </summary>
    internal int GrossCandidates(decimal net, Span<decimal> into)
    {
        var count = 0;
        foreach (ref readonly var line in _lines.AsSpan())
        {
            into[count++] = line.From;
            into[count++] = (net + line.Fixed) / line.NetShare;
            if (Minimum is { } min) into[count++] = net + min;
            if (Maximum is { } max) into[count++] = net + max;
        }
        return count;
    }

    /// <summary>A band in flat form: no nullable bound, and the share of an amount left after the percentage.</summary>
    private readonly record struct Line(decimal From, decimal UpTo, bool Open, decimal Fixed, decimal Percent, decimal NetShare)
    {
        public static Line Of(FeeBand band) =>
            new(band.From, band.UpTo ?? 0m, band.UpTo is null, band.Fixed, band.Percent, 1m - (band.Percent / 100m));
    }
}
