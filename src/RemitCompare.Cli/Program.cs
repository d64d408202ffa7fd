namespace RemitCompare.Cli;

internal static class EntryPoint
{
    private static int Main(string[] args) => CliApp.Build().Parse(args).Invoke();
}
