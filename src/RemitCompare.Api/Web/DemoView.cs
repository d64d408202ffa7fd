namespace RemitCompare.Api.Web;

/// <summary>GET /widget/demo: the snippets an NGO copies, each shown working.</summary>
public static class DemoView
{
    /// <summary>The demo page (in English, for the site's developers), with the widget in the chosen language.</summary>
    public static string Render(Language widgetLanguage, string origin)
    {
        var element = $"<remit-compare from=\"KEN\" to=\"UGA\" amount=\"10000\" currency=\"KES\" lang=\"{widgetLanguage.Code}\"></remit-compare>";
        var script = $"<script src=\"{origin}/widget.js\" defer></script>";
        var frame = $"<iframe src=\"{origin}/widget/frame?from=KEN&amp;to=UGA&amp;amount=10000&amp;currency=KES&amp;lang={widgetLanguage.Code}\" "
            + "title=\"Cost of sending money: Kenya to Uganda\" loading=\"lazy\" style=\"width:100%;height:28rem;border:0\"></iframe>";
        var html = new Html();
        Document.Open(html, EnglishShell, "RemitCompare widget");
        html.Raw("<main><h1>Put the comparison on your site</h1>")
            .Element("p", "Paste these two lines where the comparison should appear. Change from, to, amount (or receive), currency and lang "
                + "(en, fr, es, sw, ar). The widget has no dependencies, sets no cookies and calls only this service.")
            .Element("h2", "Script and element").Raw("<pre><code>").Text(script + "\n" + element).Raw("</code></pre>")
            .Element("p", "Colours and shape follow CSS custom properties on the element: --rc-accent, --rc-fg, --rc-bg, --rc-muted, "
                + "--rc-border, --rc-link, --rc-warn, --rc-radius, --rc-font.")
            .Raw("<div class=\"live\">").Raw(element).Raw("</div>")
            .Element("h2", "For sites that cannot run scripts").Raw("<pre><code>").Text(frame).Raw("</code></pre>")
            .Raw(frame)
            .Raw("</main><script src=\"/widget.js\" defer></script>");
        return Document.Close(html);
    }

    private static readonly Language EnglishShell = new("en", "English", System.Globalization.CultureInfo.InvariantCulture, false, new Dictionary<string, string>());
}
