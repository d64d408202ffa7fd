using RemitCompare.Tests.Api;

namespace RemitCompare.Tests.Web;

/// <summary>The widget in receive mode on a corridor where some services hide their rate.</summary>
[Category("Browser")] // drives headless Chromium
public sealed class WidgetUndisclosedRateBrowserTests
{
    [Test]
    public async Task Lists_services_that_hide_their_rate_last_with_what_you_pay_unknown()
    {
        await using var app = await AppHost.StartAsync(fill: UndisclosedRateData.Fill);
        await using var context = await WebSession.NewContext();
        var page = await context.NewPageAsync();
        var url = WebSession.Other.Page("/ngo-receive.html",
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>An NGO</title>"
            + $"<script src=\"{app.Url("/widget.js")}\" defer></script></head><body>"
            + "<remit-compare from=\"KEN\" to=\"UGA\" receive=\"500000\" currency=\"UGX\" lang=\"en\"></remit-compare></body></html>");

        await page.GotoAsync(url);
        await page.Locator("remit-compare li.o").First.WaitForAsync();

        var classes = await page.Locator("remit-compare li.o").EvaluateAllAsync<string[]>("items => items.map(i => i.className)");
        var hidden = page.Locator("remit-compare li.o.x");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(classes, Does.Contain("o x").And.Contain("o"));
            Assert.That(classes, Is.EqualTo(classes.OrderBy(c => c == "o x").ToArray()), "undisclosed rates come last");
            for (var i = 0; i < await hidden.CountAsync(); i++)
            {
                // Recipient gets, you pay, fee: none can be known without the rate.
                Assert.That((await hidden.Nth(i).Locator("dd").AllInnerTextsAsync()).Take(3), Is.All.EqualTo(Pages.Text("en", "unknown")));
                Assert.That(await hidden.Nth(i).Locator(".b").InnerTextAsync(), Is.EqualTo(Pages.Text("en", "not_transparent")));
            }
        }
    }
}
