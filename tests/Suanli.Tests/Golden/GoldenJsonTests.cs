using System.Text.RegularExpressions;
using Suanli.Scenarios;
using Suanli.Tests.Cli;

namespace Suanli.Tests.Golden;

/// <summary>
/// Regression tests against reviewed JSON: every built-in preset through every command that applies to it, and the
/// essay, with <c>--json --lang en</c>, compared byte for byte with <c>tests/Suanli.Tests/Golden/&lt;preset&gt;.&lt;command&gt;.json</c>.
/// A change of any figure or key fails here; when the change is meant, rewrite the files with
/// <c>SUANLI_UPDATE_GOLDEN=1 dotnet test --filter Golden</c> and review the diff (docs/testing.md).
/// </summary>
public partial class GoldenJsonTests
{
    private const string UpdateVariable = "SUANLI_UPDATE_GOLDEN";

    /// <summary>Every (preset, command) pair, and ("", "essay").</summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (preset, command) in CaseList())
        {
            cases.Add(preset, command);
        }

        return cases;
    }

    private static List<(string Preset, string Command)> CaseList()
    {
        var list = new List<(string, string)>();
        foreach (var name in Presets.Names)
        {
            var s = ScenarioLoader.FromPreset(name).Scenario ?? throw new InvalidOperationException($"preset {name} does not load");
            if (s.Site is not null)
            {
                list.Add((name, "econ"));
            }

            if (s.Layout is not null)
            {
                list.Add((name, "layout"));
            }

            if (s.Training is not null)
            {
                list.Add((name, "reliability"));
            }

            if (s.Compute?.Training is not null)
            {
                list.Add((name, "train"));
            }

            if (s.Multisite is not null)
            {
                list.Add((name, "multisite"));
            }

            if (s.Market is not null)
            {
                list.Add((name, "market"));
            }

            if (s.Cloud is not null)
            {
                list.Add((name, "cloud"));
            }
        }

        list.Add((string.Empty, "essay"));
        return list;
    }

    private static string FileName(string preset, string command) => preset.Length == 0 ? $"{command}.json" : $"{preset}.{command}.json";

    private static string Directory() => Path.Combine(CliRunner.RepoRoot(), "tests", "Suanli.Tests", "Golden");

    private static string[] Arguments(string preset, string command) => command switch
    {
        "essay" => ["essay", "--json", "--lang", "en"],
        // One thread: the figures do not depend on it, but the JSON states the thread count, which defaults to the machine's cores.
        "reliability" => ["reliability", "--preset", preset, "--trials", "200", "--seed", "1", "--threads", "1", "--json", "--lang", "en"],
        // A distance sweep needs the WAN bandwidth; the layout presets have none (one site): they sweep bandwidth.
        "multisite" => ["multisite", "--preset", preset, "--sweep",
            ScenarioLoader.FromPreset(preset).Scenario?.Multisite?.WanGbpsPerSite is null ? "bandwidth" : "distance", "--json", "--lang", "en"],
        _ => [command, "--preset", preset, "--json", "--lang", "en"],
    };

    /// <summary>
    /// The output as it is compared: line ends as \n, and Suanli's version (which changes with every release and is no
    /// figure) as a placeholder.
    /// </summary>
    private static string Normalise(string json) =>
        Version().Replace(json.Replace("\r\n", "\n", StringComparison.Ordinal), "\"suanliVersion\": \"(version)\"");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_output_matches_its_reviewed_golden_file(string preset, string command)
    {
        var (code, stdout, stderr) = CliRunner.Run(Arguments(preset, command));
        Assert.True(code == 0, $"exit {code}: {stderr}");
        var actual = Normalise(stdout);
        var path = Path.Combine(Directory(), FileName(preset, command));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path),
            $"no golden file {path} for 'suanli {string.Join(' ', Arguments(preset, command))}': run  {UpdateVariable}=1 dotnet test --filter Golden  and review the file it writes");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{FileName(preset, command)} differs from 'suanli {string.Join(' ', Arguments(preset, command))}' at line {line + 1}:\n"
                + $"  golden: {(line < e.Length ? e[line] : "(end)")}\n  actual: {(line < a.Length ? a[line] : "(end)")}\n"
                + $"If the change is meant: {UpdateVariable}=1 dotnet test --filter Golden, then review the diff.");
        }
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        var expected = CaseList().Select(c => FileName(c.Preset, c.Command)).ToHashSet(StringComparer.Ordinal);
        var stale = System.IO.Directory.GetFiles(Directory(), "*.json").Select(Path.GetFileName).OfType<string>().Where(f => !expected.Contains(f)).ToList();
        Assert.True(stale.Count == 0, "golden files of no preset or command (delete them): " + string.Join(", ", stale));
    }

    [GeneratedRegex("\"suanliVersion\": \"[^\"]*\"")]
    private static partial Regex Version();
}
