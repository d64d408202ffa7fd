using System.Globalization;
using System.Security;
using System.Text;

namespace RemitCompare.Api.Audit;

/// <summary>A plotted series: one value per period (null where there is none).</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<decimal?> Values);

/// <summary>A horizontal reference line, such as the SDG 10.c 3 % target.</summary>
/// <param name="Name">Label shown beside it.</param>
/// <param name="Value">Its height, in %.</param>
/// <param name="Colour">Stroke colour.</param>
/// <param name="Id">Element id, e.g. <c>target-3</c>.</param>
public sealed record ChartLine(string Name, decimal Value, string Colour, string Id);

/// <summary>
/// Draws a labelled line chart of percentages by period as standalone SVG (no script, no external resources):
/// title, axes with ticks and labels, one polyline and point markers per series, dashed reference lines, a legend.
/// </summary>
public static class SvgChart
{
    /// <summary>Width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height in pixels.</summary>
    public const int Height = 450;

    private const double Left = 70, Right = 600, Top = 70, Bottom = 370;
    private static readonly decimal[] Steps = [0.5m, 1m, 2m, 5m, 10m, 20m, 50m, 100m];

    /// <summary>The chart's SVG text.</summary>
    public static string Line(string title, string subtitle, IReadOnlyList<string> periods, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartLine> lines)
    {
        var top = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).Concat(lines.Select(l => l.Value)).DefaultIfEmpty(5m).Max();
        var step = Steps.FirstOrDefault(s => top * 1.1m / s <= 8m, Steps[^1]);
        var max = Math.Max(step, Math.Ceiling(top * 1.1m / step) * step);
        double X(int i) => periods.Count <= 1 ? (Left + Right) / 2 : Left + ((Right - Left) * i / (periods.Count - 1));
        double Y(decimal v) => Bottom - ((Bottom - Top) * (double)(Math.Max(0m, v) / max));

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"));
        svg.Append(Inv($"<title id=\"title\">{Esc(title)}</title><desc id=\"desc\">{Esc(subtitle)}</desc>\n"));
        svg.Append(Inv($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left}\" y=\"30\" font-size=\"20\" font-weight=\"bold\" fill=\"#222\">{Esc(title)}</text>\n"));
        svg.Append(Inv($"<text x=\"{Left}\" y=\"52\" font-size=\"13\" fill=\"#555\">{Esc(subtitle)}</text>\n"));
        Axes(svg, periods, max, step, X, Y);
        foreach (var line in lines)
        {
            svg.Append(Inv($"<line id=\"{line.Id}\" x1=\"{Left}\" x2=\"{Right}\" y1=\"{Y(line.Value):0.#}\" y2=\"{Y(line.Value):0.#}\" stroke=\"{line.Colour}\" stroke-width=\"3\" stroke-dasharray=\"10 5\"/>\n"));
            svg.Append(Inv($"<text x=\"{Right + 8}\" y=\"{Y(line.Value) + 4:0.#}\" font-size=\"12\" fill=\"{line.Colour}\">{Esc(line.Name)}</text>\n"));
        }
        foreach (var s in series) Series(svg, s, X, Y);
        Legend(svg, series, lines);
        return svg.Append("</svg>\n").ToString();
    }

    private static void Axes(StringBuilder svg, IReadOnlyList<string> periods, decimal max, decimal step, Func<int, double> x, Func<decimal, double> y)
    {
        for (var v = 0m; v <= max; v += step)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Right}\" y1=\"{y(v):0.#}\" y2=\"{y(v):0.#}\" stroke=\"#e3e3e3\" stroke-width=\"1\"/>"));
            svg.Append(Inv($"<text x=\"{Left - 8}\" y=\"{y(v) + 4:0.#}\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">{v:0.#} %</text>\n"));
        }
        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Bottom}\" stroke=\"#333\"/><line x1=\"{Left}\" x2=\"{Right}\" y1=\"{Bottom}\" y2=\"{Bottom}\" stroke=\"#333\"/>\n"));
        var every = Math.Max(1, (int)Math.Ceiling(periods.Count / 12.0));
        for (var i = 0; i < periods.Count; i += every)
            svg.Append(Inv($"<text x=\"{x(i):0.#}\" y=\"{Bottom + 20}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">{Esc(periods[i])}</text>\n"));
        svg.Append(Inv($"<text x=\"{(Left + Right) / 2}\" y=\"{Bottom + 48}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#333\">Period (quarter)</text>\n"));
        svg.Append(Inv($"<text transform=\"translate(18 {(Top + Bottom) / 2}) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\" fill=\"#333\">Total cost (% of the amount sent)</text>\n"));
    }

    private static void Series(StringBuilder svg, ChartSeries series, Func<int, double> x, Func<decimal, double> y)
    {
        var points = series.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (points.Count > 1)
            svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{series.Colour}\" stroke-width=\"4\" points=\"{string.Join(' ', points.Select(p => Inv($"{x(p.i):0.#},{y(p.v!.Value):0.#}")))}\"/>\n"));
        foreach (var (v, i) in points)
            svg.Append(Inv($"<circle cx=\"{x(i):0.#}\" cy=\"{y(v!.Value):0.#}\" r=\"5\" fill=\"{series.Colour}\"><title>{Esc(series.Name)}: {v:0.00} %</title></circle>\n"));
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartLine> lines)
    {
        var entries = series.Select(s => (s.Name, s.Colour, Dashed: false)).Concat(lines.Select(l => (l.Name, l.Colour, Dashed: true))).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            const double y = Bottom + 68;
            var x = Left + (i * (Width - Left - 20) / entries.Count);
            svg.Append(Inv($"<line x1=\"{x}\" x2=\"{x + 24}\" y1=\"{y - 4}\" y2=\"{y - 4}\" stroke=\"{entries[i].Colour}\" stroke-width=\"4\"{(entries[i].Dashed ? " stroke-dasharray=\"6 3\"" : "")}/>"));
            svg.Append(Inv($"<text x=\"{x + 30}\" y=\"{y}\" font-size=\"11\" fill=\"#333\">{Esc(entries[i].Name)}</text>\n"));
        }
    }

    private static string Esc(string text) => SecurityElement.Escape(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
