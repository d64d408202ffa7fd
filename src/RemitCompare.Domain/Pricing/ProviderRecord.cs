namespace RemitCompare.Domain.Pricing;

/// <summary>A provider and its transparency record over every observation held.</summary>
/// <param name="Id">Store id.</param>
/// <param name="Name">Provider name.</param>
/// <param name="FirmType">Firm type.</param>
/// <param name="Observations">Price observations held.</param>
/// <param name="UndisclosedRate">Observations whose exchange rate was not disclosed.</param>
/// <param name="Promotions">Observations of promotional prices.</param>
/// <param name="FirstCollected">Earliest observation.</param>
/// <param name="LastCollected">Latest observation.</param>
public sealed record ProviderRecord(
    long Id, string Name, string FirmType, int Observations, int UndisclosedRate, int Promotions,
    DateTimeOffset? FirstCollected, DateTimeOffset? LastCollected)
{
    /// <summary>Share of observations with a disclosed rate, in percent.</summary>
    public decimal TransparentPct => Observations == 0 ? 0m : Math.Round((Observations - UndisclosedRate) * 100m / Observations, 2);
}
