namespace RemitCompare.Api.Web;

/// <summary>The frame every page shares: language and direction, viewport, and the one inline stylesheet (no fonts, no scripts).</summary>
public static class Document
{
    /// <summary>The stylesheet, read once from the embedded <c>Web/Assets/site.css</c>.</summary>
    public static string Css { get; } = EmbeddedAsset.Text("Web.Assets.site.css");

    /// <summary>Opens the document up to and including <c>&lt;body&gt;</c>.</summary>
    public static void Open(Html html, Language language, string title, string? bodyClass = null)
    {
        html.Raw($"<!doctype html><html lang=\"{language.Code}\" dir=\"{language.Dir}\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Element("title", title)
            .Raw("<style>").Raw(Css).Raw("</style></head>")
            .Raw(bodyClass is null ? "<body>" : $"<body class=\"{bodyClass}\">");
    }

    /// <summary>Closes the document and returns it.</summary>
    public static string Close(Html html) => html.Raw("</body></html>").ToString();
}

/// <summary>Files embedded in the API assembly (stylesheet, widget script).</summary>
public static class EmbeddedAsset
{
    /// <summary>The text of an embedded file, by its path with dots (<c>Web.Assets.site.css</c>).</summary>
    public static string Text(string name)
    {
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream("RemitCompare.Api." + name)
            ?? throw new InvalidOperationException($"Embedded file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
