using System.CommandLine;
using System.Data.Common;
using RemitCompare.Data;

namespace RemitCompare.Cli;

internal static class EntryPoint
{
    private static int Main(string[] args)
    {
        try
        {
            return CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (StoreConfigurationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (DbException e)
        {
            Console.Error.WriteLine($"error: the store failed: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: unexpected failure: {e}");
            return 1;
        }
    }
}
