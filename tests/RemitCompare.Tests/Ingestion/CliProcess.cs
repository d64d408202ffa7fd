using System.Diagnostics;
using System.Text;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>The real <c>remitcompare</c> CLI as a separate process, with its output captured line by line.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly object _gate = new();
    private string? _awaited;
    private readonly ManualResetEventSlim _seen = new();

    private CliProcess(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("Store__Path");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>remitcompare.dll beside the test binaries (the test project references the CLI), else under src/RemitCompare.Cli/bin.</summary>
    public static string DllPath { get; } = FindDll();

    public string Output { get { lock (_gate) return _output.ToString(); } }

    public string Errors { get { lock (_gate) return _errors.ToString(); } }

    public static CliProcess Start(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        new(args, workingDirectory, environment);

    /// <summary>Runs to the end (killed after <paramref name="timeout"/>) and returns the exit code.</summary>
    public static (int ExitCode, string Output, string Errors) Run(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        using var cli = Start(args, workingDirectory, environment);
        if (!cli.WaitForExit(timeout)) Assert.Fail($"remitcompare did not finish within {timeout.TotalSeconds} s; stderr:\n{cli.Errors}");
        return (cli._process.ExitCode, cli.Output, cli.Errors);
    }

    /// <summary>Waits until stderr has shown <paramref name="line"/>; false when the process ended or the time ran out first.</summary>
    public bool WaitForErrorLine(string line, TimeSpan timeout)
    {
        lock (_gate)
        {
            _awaited = line;
            if (_errors.ToString().Split('\n').Contains(line)) return true;
        }
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_seen.Wait(TimeSpan.FromMilliseconds(50))) return true;
            if (_process.HasExited) return _seen.Wait(TimeSpan.FromMilliseconds(200));
        }
        return false;
    }

    /// <summary>Kills the process and everything it started, at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone: the caller checks the exit code.
        }
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit(); // drains the redirected streams
        return true;
    }

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        _seen.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            target.Append(line).Append('\n');
            if (ReferenceEquals(target, _errors) && line == _awaited) _seen.Set();
        }
    }

    private static string FindDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "remitcompare.dll");
        if (File.Exists(beside)) return beside;
        var built = Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, "src", "RemitCompare.Cli", "bin"), "remitcompare.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return built ?? throw new FileNotFoundException("remitcompare.dll is neither beside the tests nor under src/RemitCompare.Cli/bin: build the CLI.");
    }
}
