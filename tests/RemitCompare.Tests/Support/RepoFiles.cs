namespace RemitCompare.Tests.Support;

/// <summary>Paths of the repository's own files and of the shared public data set beside it.</summary>
public static class RepoFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RemitCompare.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("RemitCompare.sln not found above the test binaries.");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A file under the repository's data/ folder.</summary>
    public static string Data(string relative) => Path.Combine(Root, "data", relative);

    /// <summary>The East Africa RPW sample shipped in data/ (a byte-for-byte copy of the shared file).</summary>
    public static string RpwSample => Data("rpw/rpw_east_africa_2024_2025.csv");

    /// <summary>A file of the shared public data set beside the repository; the test is skipped (with why) when it is absent.</summary>
    public static string SharedOrIgnore(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));
        if (!File.Exists(path)) Assert.Ignore($"The shared data set is not beside the repository ({relative} missing); this check needs it.");
        return path;
    }
}
