using System.Globalization;
using System.Xml.Linq;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Audit;

/// <summary>The SVG charts render in a real headless Chromium and show what they claim: series, the 5 % and 3 % lines, labels.</summary>
[Category("Browser")] // drives headless Chromium
public sealed class ChartRenderingTests : ApiFixture
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly (byte R, byte G, byte B) Red = (0xd7, 0x19, 0x1c), Orange = (0xf2, 0x8e, 0x00), Blue = (0x1f, 0x5f, 0xbf), Green = (0x1a, 0x98, 0x50);

    private async Task<(XDocument Svg, PngImage Png)> Render(string path)
    {
        var answer = await Get(path);
        Assert.That((answer.Status, answer.MediaType), Is.EqualTo((System.Net.HttpStatusCode.OK, (string?)"image/svg+xml")), answer.Body);
        var file = Path.Combine(Path.GetTempPath(), $"remitcompare-chart-{Guid.NewGuid():N}.svg");
        await File.WriteAllTextAsync(file, answer.Body);
        try
        {
            return (XDocument.Parse(answer.Body), HeadlessChromium.Screenshot(file, 800, 450));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int Count(PngImage png, (byte R, byte G, byte B) colour, int? row = null)
    {
        var count = 0;
        for (var y = row is { } r ? r - 1 : 0; y <= (row is { } r2 ? r2 + 1 : png.Height - 1); y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var p = png[x, y];
                if (Math.Abs(p.R - colour.R) + Math.Abs(p.G - colour.G) + Math.Abs(p.B - colour.B) < 60) count++;
            }
        }
        return count;
    }

    private static int LineRow(XDocument svg, string id) =>
        (int)Math.Round(double.Parse(svg.Descendants(Svg + "line").Single(l => (string?)l.Attribute("id") == id).Attribute("y1")!.Value, CultureInfo.InvariantCulture));

    [Test]
    public async Task Corridor_chart_draws_the_series_and_the_sdg_lines_where_the_svg_puts_them()
    {
        var (svg, png) = await Render("/v1/charts/corridors/KEN-UGA.svg");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((png.Width, png.Height), Is.EqualTo((800, 450)));
            Assert.That(Count(png, Red, LineRow(svg, "ceiling-5")), Is.GreaterThan(300), "the dashed red 5 % line across the plot");
            Assert.That(Count(png, Orange, LineRow(svg, "target-3")), Is.GreaterThan(300), "the dashed orange 3 % line across the plot");
            Assert.That(Count(png, Blue), Is.GreaterThan(200), "the average-cost series");
            Assert.That(Count(png, Green), Is.GreaterThan(200), "the SmaRT series");
            Assert.That(Count(png, (0x22, 0x22, 0x22)), Is.GreaterThan(100), "the title and labels");
            Assert.That(Count(png, (0xff, 0xff, 0xff)), Is.GreaterThan(800 * 450 / 2), "a white background, not a blank or black image");
        }
    }

    [Test]
    public async Task Corridor_chart_is_labelled_and_plots_one_point_per_period_without_script()
    {
        var answer = await Get("/v1/charts/corridors/KEN-UGA.svg");
        var svg = XDocument.Parse(answer.Body);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        var periods = (await Get("/v1/indicators/corridors/KEN-UGA")).Root.GetProperty("series").GetArrayLength();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(svg.Root!.Element(Svg + "title")!.Value, Does.Contain("KEN → UGA"));
            Assert.That(texts, Has.Member("5 % SDG ceiling").And.Member("3 % SDG target").And.Member("SmaRT").And.Member("2024Q1").And.Member("2025Q3"));
            Assert.That(texts, Has.Some.Contains("Total cost"));
            Assert.That(svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("fill") == "#1f5fbf"), Is.EqualTo(periods));
            Assert.That(svg.Descendants().Where(e => e.Name.LocalName == "script"), Is.Empty);
        }
    }

    [Test]
    public async Task Global_chart_renders_its_three_series_and_the_lines()
    {
        var (svg, png) = await Render("/v1/charts/global.svg");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Count(png, Red, LineRow(svg, "ceiling-5")), Is.GreaterThan(300));
            Assert.That(Count(png, Orange, LineRow(svg, "target-3")), Is.GreaterThan(300));
            Assert.That(Count(png, (0x7b, 0x32, 0x94)), Is.GreaterThan(200), "the weighted average series");
            Assert.That(Count(png, Blue), Is.GreaterThan(200), "the global average series");
        }
    }
}
