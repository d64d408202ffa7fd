using RemitCompare.Domain.Catalog;

namespace RemitCompare.Api.Web;

/// <summary>The question form: countries, mode, amount and currency, with each error next to its field.</summary>
public static class FormView
{
    /// <summary>Writes the form (GET to /compare, so a result is a link that can be shared or printed).</summary>
    public static void Write(Html html, PageModel model)
    {
        var (l, form) = (model.Language, model.Form);
        html.Raw("<form class=\"ask\" method=\"get\" action=\"/compare\">")
            .Raw($"<input type=\"hidden\" name=\"lang\" value=\"{l.Code}\">");
        Summary(html, model);
        var corridors = model.Snapshot.Corridors.Values;
        Select(html, model, "from", l["from"], Countries(l.Countries, corridors.Select(c => c.From)), form.From);
        Select(html, model, "to", l["to"], Countries(l.Countries, corridors.Select(c => c.To)), form.To);
        html.Raw("<fieldset class=\"field mode\">").Element("legend", l["mode"]);
        Radio(html, "send", l["mode_send"], !form.Receive);
        Radio(html, "receive", l["mode_receive"], form.Receive);
        html.Raw("</fieldset><div class=\"field\">").Element("label", l["amount"], "for=\"f-amount\"");
        html.Raw("<input id=\"f-amount\" name=\"amount\" inputmode=\"decimal\" autocomplete=\"off\" required ")
            .Raw(Html.Attr("value", form.Amount)).Raw(Invalid(model, "amount")).Raw(">");
        Error(html, model, "amount");
        html.Raw("</div>");
        var currencies = corridors.SelectMany(c => c.SendCurrencies.Concat(c.PayoutCurrencies)).Distinct().Order(StringComparer.Ordinal);
        Select(html, model, "currency", l["currency"], currencies.Select(c => (c, c)), form.Currency, l["currency_default"]);
        html.Element("button", l["compare"], "type=\"submit\"").Raw("</form>");
    }

    private static void Summary(Html html, PageModel model)
    {
        if (model.Errors.Count == 0) return;
        html.Raw("<div class=\"errors\" role=\"alert\">").Element("h2", model.Language["errors"]).Raw("<ul>");
        foreach (var (field, reasons) in model.Errors)
        {
            html.Raw($"<li><a href=\"#f-{FieldId(field)}\">").Text(model.Language[field == "currency" ? "currency" : FieldId(field)])
                .Raw("</a>: ").Text(string.Join("; ", reasons)).Raw("</li>");
        }
        html.Raw("</ul></div>");
    }

    /// <summary>Each country once, by its name in the page's language, in that language's order.</summary>
    private static IEnumerable<(string Value, string Text)> Countries(CountryNames names, IEnumerable<Country> countries) =>
        names.Sorted(countries.DistinctBy(c => c.Iso3)).Select(c => (c.Iso3, names.Name(c)));

    private static void Select(
        Html html, PageModel model, string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, string? empty = null)
    {
        html.Raw("<div class=\"field\">").Element("label", label, $"for=\"f-{name}\"")
            .Raw($"<select id=\"f-{name}\" name=\"{name}\"{(empty is null ? " required" : "")}{Invalid(model, name)}>")
            .Element("option", empty ?? model.Language["choose"], "value=\"\"");
        foreach (var (value, text) in options)
        {
            var isSelected = string.Equals(value, selected?.Trim(), StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            html.Raw("<option ").Raw(Html.Attr("value", value)).Raw(isSelected + ">").Text(text).Raw("</option>");
        }
        html.Raw("</select>");
        Error(html, model, name);
        html.Raw("</div>");
    }

    private static void Radio(Html html, string value, string label, bool isChecked) =>
        html.Raw($"<label class=\"choice\"><input type=\"radio\" name=\"mode\" value=\"{value}\"{(isChecked ? " checked" : "")}> ")
            .Text(label).Raw("</label>");

    private static string Invalid(PageModel model, string field) =>
        model.Errors.ContainsKey(field) ? $" aria-invalid=\"true\" aria-describedby=\"e-{field}\"" : "";

    private static void Error(Html html, PageModel model, string field)
    {
        if (model.Errors.TryGetValue(field, out var reasons)) html.Element("p", string.Join("; ", reasons), $"class=\"error\" id=\"e-{field}\"");
    }

    private static string FieldId(string field) => field is "from" or "to" or "amount" or "currency" ? field : "amount";
}
