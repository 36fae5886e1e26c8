using System.Text.RegularExpressions;

namespace Suanli.Tests.Scenarios;

/// <summary>Every figure is traceable: each source key a preset, the catalog or the essay cites is listed in docs/references.md.</summary>
public partial class ReferenceKeysTests
{
    [GeneratedRegex(@"\[(R\d+[a-z0-9]*|N\d+|ms-[a-z0-9-]+)\]")]
    private static partial Regex Cited();

    [GeneratedRegex(@"^\| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex Listed();

    [Fact]
    public void Every_cited_key_is_in_the_reference_list()
    {
        var root = Suanli.Tests.Cli.CliRunner.RepoRoot();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Listed().Matches(File.ReadAllText(Path.Combine(root, "docs", "references.md"))))
        {
            // A row may list several keys ("R48a, R48b") or a range ("R49a–R49h").
            var cell = m.Groups[1].Value;
            if (Regex.Match(cell, @"^R(\d+)([a-z])–R\1([a-z])$") is { Success: true } range)
            {
                for (var c = range.Groups[2].Value[0]; c <= range.Groups[3].Value[0]; c++)
                {
                    keys.Add("R" + range.Groups[1].Value + c);
                }
            }

            foreach (var k in cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                keys.Add(k);
            }
        }

        var files = Directory.GetFiles(Path.Combine(root, "src", "Suanli.Scenarios"), "*.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var missing = files.SelectMany(f => Cited().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(x => !keys.Contains(x.Key)).Select(x => x.File + ": " + x.Key).Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
