using RemitCompare.Api.Web;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using static RemitCompare.Tests.Domain.QuoteBuilder;

namespace RemitCompare.Tests.Web;

/// <summary>The text message in receive mode when one of the best services hides its rate.</summary>
public sealed class SmsUndisclosedRateTests
{
    private static readonly Country Usa = new("USA", "US", "United States", "USD", "Americas", "Northern America");
    private static readonly Country Kenya = new("KEN", "KE", "Kenya", "KES", "Africa", "Sub-Saharan Africa");

    private static string Text(RankingRequest request)
    {
        var corridor = new CorridorSnapshot(Usa, Kenya, [UsdToKes(1, rate: 128m, fee: 5m) with { Provider = "Open" }, UsdToKes(2, rate: null) with { Provider = "Hidden" }]);
        return SmsText.Compose(new PageComparison(corridor, request, Ranker.Rank(corridor, request)), new LanguageCatalog().Find("en")!).Text;
    }

    [Test]
    public void Receive_mode_names_a_service_that_hides_its_rate_after_the_priced_one_with_what_you_pay_unknown()
    {
        // 25,600 KES at 128 is 200 USD, plus the 5 USD fee.
        Assert.That(Text(Receive(25600m)), Does.StartWith("USA>KEN 25,600 KES: 1.Open You pay 205 USD (").And.Contain(") 2.Hidden unknown "));
    }

    [Test]
    public void Send_mode_says_unknown_for_it_in_the_same_place()
    {
        Assert.That(Text(Send(200m)), Does.Contain(") 2.Hidden unknown "));
    }
}
