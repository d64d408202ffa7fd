using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Web;

/// <summary>The comparison page: a form that works without JavaScript, the ranked offers, and the corridors covered.</summary>
public static class PageView
{
    /// <summary>The whole page.</summary>
    public static string Render(PageModel model)
    {
        var l = model.Language;
        var html = new Html();
        Document.Open(html, l, model.Comparison is null ? l["title"] : $"{l["title"]} · {Corridor(l, model.Comparison.Corridor)}");
        html.Raw("<header class=\"top\">").Raw($"<a class=\"brand\" href=\"/?lang={l.Code}\">RemitCompare</a>");
        Languages(html, model);
        html.Raw("</header><main id=\"main\">").Element("h1", l["title"]).Element("p", l["intro"], "class=\"intro\"");
        FormView.Write(html, model);
        if (model.Comparison is { } comparison) ResultsView.Write(html, model, comparison);
        Corridors(html, model);
        html.Raw("</main><footer>");
        html.Element("p", l.Format("printed", new OfferText(l).Date(model.Now)), "class=\"printed\"");
        html.Raw("</footer>");
        return Document.Close(html);
    }

    /// <summary>The widget frame: only the offers and the attribution, for sites that cannot run scripts.</summary>
    public static string Frame(PageModel model)
    {
        var l = model.Language;
        var html = new Html();
        Document.Open(html, l, "RemitCompare", "frame");
        html.Raw("<main>");
        if (model.Comparison is { } comparison)
        {
            ResultsView.Write(html, model, comparison);
            var collected = new OfferText(l).Date(comparison.Corridor.LastCollected ?? model.Now);
            html.Raw($"<p class=\"attribution\"><a href=\"/compare{model.Form.QueryString(l.Code)}\" target=\"_blank\" rel=\"noopener\">")
                .Text(l.Format("attribution", collected)).Raw("</a></p>");
        }
        else
        {
            html.Raw("<ul class=\"errors\">");
            foreach (var (field, reasons) in model.Errors) html.Element("li", $"{l[field]}: {string.Join("; ", reasons)}");
            html.Raw("</ul>");
        }
        html.Raw("</main>");
        return Document.Close(html);
    }

    private static void Languages(Html html, PageModel model)
    {
        html.Raw("<nav class=\"langs\" ").Raw(Html.Attr("aria-label", model.Language["language"])).Raw("><ul>");
        foreach (var other in model.Languages)
        {
            var current = other.Code == model.Language.Code ? " aria-current=\"page\"" : "";
            var href = (model.Comparison is null && model.Errors.Count == 0 ? "/" : "/compare") + model.Form.QueryString(other.Code);
            html.Raw("<li><a ").Raw(Html.Attr("href", href)).Raw($" lang=\"{other.Code}\" hreflang=\"{other.Code}\"{current}>")
                .Text(other.Name).Raw("</a></li>");
        }
        html.Raw("</ul></nav>");
    }

    private static void Corridors(Html html, PageModel model)
    {
        html.Raw("<section class=\"corridors\" aria-labelledby=\"corridors-heading\">")
            .Element("h2", model.Language["corridors"], "id=\"corridors-heading\"").Raw("<ul>");
        var names = model.Language.Countries;
        var corridors = model.Snapshot.Corridors.Values
            .OrderBy(c => names.Name(c.From), names.Order).ThenBy(c => names.Name(c.To), names.Order);
        foreach (var corridor in corridors)
        {
            var href = $"/compare?from={corridor.From.Iso3}&to={corridor.To.Iso3}&amount={SampleAmount(corridor)}&lang={model.Language.Code}";
            html.Raw("<li><a ").Raw(Html.Attr("href", href)).Raw(">").Text(Corridor(model.Language, corridor)).Raw("</a></li>");
        }
        html.Raw("</ul></section>");
    }

    /// <summary>"Kenya → Uganda" in the language.</summary>
    private static string Corridor(Language language, CorridorSnapshot corridor) =>
        $"{language.Countries.Name(corridor.From)} → {language.Countries.Name(corridor.To)}";

    /// <summary>A typical amount to start from: the lower surveyed amount of the corridor's usual send currency.</summary>
    private static string SampleAmount(CorridorSnapshot corridor)
    {
        var currency = corridor.SendCurrencies[0];
        var low = corridor.Quotes.Where(q => q.SendCurrency.Code == currency).Select(q => q.SurveyedLow).FirstOrDefault(v => v is > 0m);
        return (low ?? 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }
}
