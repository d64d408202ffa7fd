using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RemitCompare.Tests.Reliability;

/// <summary>The real API as its own process on a free loopback port, stopped with SIGTERM like a service manager does.</summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(string storePath, string tempDirectory, IReadOnlyDictionary<string, string> settings)
    {
        Port = FreePort();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RemitCompare.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{Port}");
        info.Environment["Store__Path"] = storePath;
        info.Environment["TMPDIR"] = tempDirectory;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings) info.Environment[name] = value;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output { get { lock (_output) return _output.ToString(); } }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the API and waits (bounded) until /healthz answers.</summary>
    public static async Task<ApiProcess> StartAsync(string storePath, string tempDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan patience)
    {
        var api = new ApiProcess(storePath, tempDirectory, settings);
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline && !api._process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        if (api._process.HasExited) api._process.WaitForExit(); // the output read to its end
        var output = api.Output;
        api.Dispose();
        throw new InvalidOperationException($"the API did not start within {patience.TotalSeconds} s:\n{output}");
    }

    /// <summary>Sends SIGTERM: the host stops accepting, lets in-flight requests finish, then exits.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(5000);
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
