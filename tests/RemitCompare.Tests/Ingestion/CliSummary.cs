using System.Text.RegularExpressions;

namespace RemitCompare.Tests.Ingestion;

/// <summary>Reads the summary <c>remitcompare ingest</c> prints.</summary>
internal static partial class CliSummary
{
    /// <summary>The value on a summary line such as <c>  accepted        493</c>.</summary>
    public static string Figure(string output, string label)
    {
        var match = SummaryLine().Matches(output).FirstOrDefault(m => m.Groups["label"].Value == label);
        Assert.That(match, Is.Not.Null, $"no '{label}' line in:\n{output}");
        return match!.Groups["value"].Value;
    }

    [GeneratedRegex(@"^  (?<label>[a-z][a-z ]*?) {2,}(?<value>\S.*)$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
