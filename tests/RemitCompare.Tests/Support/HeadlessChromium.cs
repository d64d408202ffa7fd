using System.Diagnostics;

namespace RemitCompare.Tests.Support;

/// <summary>The real Chromium (Debian package <c>chromium</c>, installed by scripts/browser-deps.sh) taking screenshots.</summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The browser, or the test is skipped (with why) when it is not installed.</summary>
    public static string PathOrIgnore()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Ignore("Chromium is not installed (scripts/browser-deps.sh installs it); this check needs a real browser.");
        return "";
    }

    /// <summary>Renders a file at a window size and returns the screenshot, decoded.</summary>
    public static PngImage Screenshot(string file, int width, int height)
    {
        var browser = PathOrIgnore();
        var work = Directory.CreateTempSubdirectory("remitcompare-chromium-");
        try
        {
            var png = Path.Combine(work.FullName, "shot.png");
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", $"--screenshot={png}", $"--window-size={width},{height}",
                new Uri(file).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Limit.TotalSeconds} s.");
            }
            Assert.That(File.Exists(png), Is.True, $"Chromium wrote no screenshot: {output.Result} {errors.Result}");
            return PngImage.Read(File.ReadAllBytes(png));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
