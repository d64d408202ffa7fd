using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RemitCompare.Api.Web;

/// <summary>Writes HTML text and attributes, escaped, leaving letters of every script readable (no numeric entities for Arabic).</summary>
public sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _out = new(16 * 1024);

    /// <summary>Markup written as is: only ever literals from the code.</summary>
    public Html Raw(string markup)
    {
        _out.Append(markup);
        return this;
    }

    /// <summary>Text, escaped.</summary>
    public Html Text(string? text)
    {
        _out.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>An element holding escaped text, with optional literal attributes.</summary>
    public Html Element(string tag, string? text, string attributes = "") =>
        Raw("<" + tag + (attributes.Length > 0 ? " " + attributes : "") + ">").Text(text).Raw("</" + tag + ">");

    /// <summary>An attribute value, escaped, quoted.</summary>
    public static string Attr(string name, string? value) => $"{name}=\"{Encoder.Encode(value ?? "")}\"";

    /// <inheritdoc />
    public override string ToString() => _out.ToString();
}
