using RemitCompare.Domain.Ranking;

namespace RemitCompare.Api.Web;

/// <summary>The ranked offers of a comparison as HTML: used by the page and by the widget frame.</summary>
public static class ResultsView
{
    /// <summary>Heading, ranking note, the offers in order, and where and when the prices come from.</summary>
    public static void Write(Html html, PageModel model, PageComparison comparison)
    {
        var (l, text) = (model.Language, new OfferText(model.Language));
        var request = comparison.Request;
        var amountCurrency = request.Mode == CompareMode.Send ? request.SendCurrency : request.ReceiveCurrency!;
        var heading = l.Format(request.Mode == CompareMode.Send ? "results_send" : "results_receive",
            text.Money(request.Amount, amountCurrency), l.Countries.Name(comparison.Corridor.From), l.Countries.Name(comparison.Corridor.To));
        html.Raw("<section class=\"results\" aria-labelledby=\"results-heading\">")
            .Element("h2", heading, "id=\"results-heading\"")
            .Element("p", l[request.Mode == CompareMode.Send ? "ranked_send" : "ranked_receive"], "class=\"note\"");
        if (comparison.Ranking.Offers.Count == 0) html.Element("p", l["no_offers"]);
        else
        {
            html.Raw("<ol class=\"offers\">");
            foreach (var offer in comparison.Ranking.Offers) Offer(html, l, text, offer, request.Mode);
            html.Raw("</ol>");
        }
        html.Element("p", Source(model, comparison), "class=\"source\"").Raw("</section>");
    }

    /// <summary>The attribution line: when the newest price shown was collected, and the sources.</summary>
    public static string Source(PageModel model, PageComparison comparison)
    {
        var text = new OfferText(model.Language);
        var newest = comparison.Corridor.LastCollected ?? model.Snapshot.AsOf ?? model.Now;
        return model.Language.Format("source", text.Date(newest));
    }

    private static void Offer(Html html, Language l, OfferText text, Offer offer, CompareMode mode)
    {
        var (q, c) = (offer.Quote, offer.Cost);
        html.Raw(offer.Group == OfferGroup.NotTransparent ? "<li class=\"offer opaque\">" : "<li class=\"offer\">")
            .Raw("<h3>").Text(q.Provider).Raw("</h3>");
        if (!q.Transparent) html.Element("p", l["not_transparent"], "class=\"badge\"");
        html.Raw("<dl>");
        Pair(html, l["recipient_gets"], text.Money(c.RecipientGets, q.PayoutCurrency), mode == CompareMode.Send ? "gets key" : "gets");
        Pair(html, l["you_pay"], text.Money(c.SenderPays, q.SendCurrency), mode == CompareMode.Receive ? "pays key" : "pays");
        Pair(html, l["fee"], text.Money(c.Fee, q.SendCurrency));
        Pair(html, l["rate"], text.RateVsMid(offer));
        Pair(html, l["total_cost"], text.TotalCost(offer));
        Pair(html, l["speed"], text.Speed(q.Speed));
        Pair(html, l["payout"], text.Payout(q.Payout));
        Pair(html, l["collected"], text.ShortDate(q.CollectedAt));
        html.Raw("</dl>");
        var flags = text.Flags(offer).ToList();
        if (flags.Count > 0)
        {
            html.Raw("<ul class=\"flags\">");
            foreach (var flag in flags) html.Element("li", flag);
            html.Raw("</ul>");
        }
        html.Raw("</li>");
    }

    private static void Pair(Html html, string term, string value, string? cssClass = null) =>
        html.Raw(cssClass is null ? "<div>" : $"<div class=\"{cssClass}\">").Element("dt", term).Element("dd", value).Raw("</div>");
}
