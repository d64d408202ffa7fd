namespace RemitCompare.FeedSimulator;

internal static class EntryPoint
{
    // dotnet run --project tools/RemitCompare.FeedSimulator -- --urls http://127.0.0.1:5090
    private static async Task Main(string[] args)
    {
        var url = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5090";
        var app = FeedSimulatorApp.Build(new SimulatorState(TimeProvider.System), url, args);
        Console.WriteLine($"Feed simulator on {url}");
        await app.RunAsync();
    }
}
