using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Suanli.Core;
using Suanli.Core.Random;
using Suanli.Scenarios;
using Suanli.Scenarios.Schema;
using Suanli.Tests.Cli;

namespace Suanli.Tests.Scenarios;

/// <summary>
/// Fuzzes the scenario loader with random and mutated YAML (every preset's text and the test scenario, with bytes,
/// lines, indentation and values changed, anchors, aliases, tags, deep nesting, huge numbers and odd Unicode
/// inserted) and random <c>--set</c> values, and checks the contract on every input: the loader returns a scenario
/// or diagnostics and never throws; every diagnostic is located (line and column ≥ 1) and prints on one line without
/// control characters; each input takes bounded time and memory. A sample is also run through the whole CLI for
/// every scenario command: exit 0 or 2, never an internal error. Case i of seed s is reproducible alone
/// (<see cref="Case"/>); SUANLI_FUZZ_ITERATIONS and SUANLI_FUZZ_SEED run more or other cases (docs/testing.md).
/// </summary>
public partial class ScenarioLoaderFuzzTests
{
    /// <summary>Cases in an ordinary <c>dotnet test</c> run: a few seconds on two cores.</summary>
    private const int DefaultIterations = 2000;

    private const ulong DefaultSeed = 20251129;

    // Generous: a case takes milliseconds; the bound catches hangs and blow-ups, not slowness on a busy machine.
    private static readonly TimeSpan MaxTimePerCase = TimeSpan.FromSeconds(10);
    private const long MaxBytesPerCase = 512L << 20;

    private static readonly string[] Bases = [.. Presets.Names.Select(n => Presets.Text(n)!), ScenarioText.Valid];

    private static readonly string[] KnownPaths = [.. SchemaInfo.ScalarPaths(typeof(ScenarioDto)).Select(p => p.Path)];

    private static readonly string[] Interesting =
    [
        "&a ", "*a", "&b [1, *b]", "!!str ", "!!float ", "!x ", "!<tag:x> ", "? ", "- ", "[", "]", "{", "}", ", ", ": ", "#", "|\n", ">-\n",
        "\t", "\"", "'", "\\", "%YAML 1.1\n", "---\n", "...\n", "<<: *a\n", "\0", "\r", "\r\n", "\u0085", "\u2028", "\u202E", "\uFEFF",
        "\uD800", "\u001b[2J", "é", "😀", "٣", "１", "1e309", "-1e309", "1e-320", "-0", "NaN", ".nan", ".inf", "-.inf", "0x1F", "0o17", "1_000",
        "1,5", "12.800,5", "١٢", "99999999999999999999999", "2147483648", "-2147483649", "~", "null", "true", "yes", "auto", "35%", "",
        "\"\\UFFFFFFFF\"", "\"\\xZZ\"", "\"\\u12\"", "? [a]\n: 1\n", "&k [*k]", "{a: 1, a: 2}", "[1, [2, [3]]]",
    ];

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("SUANLI_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultIterations;

    private static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("SUANLI_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    [Fact]
    public void The_loader_keeps_its_contract_on_random_and_mutated_input()
    {
        var outcomes = new int[2];
        for (var i = 0; i < Iterations; i++)
        {
            var (yaml, sets) = Case(Seed, i);
            var result = LoadChecked(yaml, sets, $"seed {Seed}, case {i}");
            outcomes[result.Scenario is null ? 0 : 1]++;
        }

        // The mutations must leave some inputs valid, or the fuzz would only ever test the YAML parser's rejections.
        Assert.True(outcomes[1] > 0, "no mutated input loaded");
        Assert.True(outcomes[0] > 0, "no mutated input was rejected");
    }

    [Fact]
    public void Every_scenario_command_keeps_its_contract_on_a_sample_of_fuzzed_input()
    {
        var dir = Directory.CreateTempSubdirectory("suanli-fuzz-");
        try
        {
            var samples = Math.Max(24, Iterations / 50);
            for (var i = 0; i < samples; i++)
            {
                // Every 50th case, so the CLI sees the same kind of input as the loader.
                var (yaml, sets) = Case(Seed, i * 50);
                var path = Path.Combine(dir.FullName, "fuzz.yaml");
                File.WriteAllText(path, yaml, new UTF8Encoding(false));
                var setArgs = sets.SelectMany(s => new[] { "--set", s }).ToArray();
                foreach (var command in new[] { "econ", "layout", "reliability", "train" })
                {
                    foreach (var json in new[] { true, false })
                    {
                        string[] args = [command, path, .. setArgs, .. json ? new[] { "--json" } : []];
                        var run = CliRunner.Run(args);
                        var what = $"seed {Seed}, case {i * 50}: suanli {command}{(json ? " --json" : string.Empty)}";
                        Assert.True(run.ExitCode is 0 or 2, $"{what}: exit {run.ExitCode}: {run.Error}");
                        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
                        if (run.ExitCode == 2)
                        {
                            Assert.True(run.Out.Length == 0, $"{what}: output written before an error");
                            foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                            {
                                Assert.Matches(DiagnosticLine(), line);
                            }
                        }
                        else
                        {
                            Assert.NotEmpty(run.Out);
                        }
                    }
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Loads one input and checks every clause of the contract on it.</summary>
    private static LoadResult LoadChecked(string yaml, string[] sets, string what)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        LoadResult result;
        try
        {
            result = ScenarioLoader.FromText(yaml, "fuzz.yaml", sets);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{what}: the loader threw {e.GetType().Name}: {e.Message}\ninput: {Diagnostic.OneLine(yaml, 4000)}\nsets: {Diagnostic.OneLine(string.Join(" | ", sets), 2000)}");
        }

        watch.Stop();
        Assert.True(watch.Elapsed < MaxTimePerCase, $"{what}: took {watch.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < MaxBytesPerCase, $"{what}: allocated over {MaxBytesPerCase >> 20} MiB");
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        Assert.True((result.Scenario is null) == (errors > 0), $"{what}: scenario {(result.Scenario is null ? "missing without" : "returned with")} errors");
        Assert.True(result.Diagnostics.Count <= ScenarioLoader.MaxDiagnostics + 1, $"{what}: {result.Diagnostics.Count} diagnostics");
        var lines = yaml.Split('\n').Length;
        foreach (var d in result.Diagnostics)
        {
            var text = d.ToString();
            Assert.True(d.File.Length > 0 && d.Line >= 1 && d.Column >= 1, $"{what}: unlocated: {text}");
            Assert.True(d.File != "fuzz.yaml" || d.Line <= lines + 1, $"{what}: line {d.Line} past the input's {lines}: {text}");
            Assert.True(d.Message.Length > 0, $"{what}: empty message: {text}");
            Assert.False(text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E'), $"{what}: control character in: {Diagnostic.OneLine(text)}");
            Assert.True(text.Length < 4 * Diagnostic.MaxPartLength + 100, $"{what}: {text.Length} characters");
            Assert.Matches(DiagnosticLine(), text);
        }

        return result;
    }

    /// <summary>Case <paramref name="index"/> of <paramref name="seed"/>: a YAML text and <c>--set</c> arguments.</summary>
    internal static (string Yaml, string[] Sets) Case(ulong seed, int index)
    {
        var random = Xoshiro256StarStar.ForStream(seed, (ulong)index);
        int Next(int bound) => (int)(random.NextUInt64() % (ulong)bound);
        string Pick(IReadOnlyList<string> items) => items[Next(items.Count)];

        string yaml;
        if (Next(20) == 0)
        {
            // Pure noise from YAML's own punctuation and odd characters.
            var noise = new StringBuilder();
            var length = Next(300);
            while (noise.Length < length)
            {
                noise.Append(Next(3) == 0 ? Pick(Interesting) : ((char)(' ' + Next(95))).ToString());
            }

            yaml = noise.ToString();
        }
        else
        {
            yaml = Bases[Next(Bases.Length)];
            var mutations = 1 + Next(Next(4) == 0 ? 12 : 2);
            for (var m = 0; m < mutations; m++)
            {
                yaml = Mutate(yaml, Next, Pick);
            }
        }

        var sets = new List<string>();
        var setCount = Next(3) == 0 ? 1 + Next(4) : 0;
        for (var s = 0; s < setCount; s++)
        {
            var path = Next(8) == 0 ? Pick(Interesting) + Pick(KnownPaths) : Regex.Replace(Pick(KnownPaths), @"\[i\]", _ => $"[{Next(4)}]");
            var value = Next(4) switch
            {
                0 => Pick(Interesting),
                1 => "[" + Pick(Interesting) + ", " + Pick(Interesting) + "]",
                2 => Next(1000).ToString(CultureInfo.InvariantCulture) + "." + Next(1000).ToString(CultureInfo.InvariantCulture),
                _ => Nest(Pick(Interesting), Next(3) == 0 ? 100 + Next(20_000) : Next(5)),
            };
            sets.Add(Next(30) == 0 ? path : path + "=" + value);
        }

        return (yaml, [.. sets]);
    }

    private static string Mutate(string yaml, Func<int, int> next, Func<IReadOnlyList<string>, string> pick)
    {
        if (yaml.Length == 0)
        {
            return pick(Interesting);
        }

        var at = next(yaml.Length);
        var lines = yaml.Split('\n');
        var line = next(lines.Length);
        // Value-level changes are drawn most often: they keep the YAML readable and so reach the binder and builders.
        var kind = next(20);
        switch (kind >= 12 ? 6 : kind)
        {
            case 0:     // change one character
                return yaml[..at] + pick(Interesting) + yaml[(at + 1)..];
            case 1:     // delete a span
                return yaml[..at] + yaml[Math.Min(yaml.Length, at + 1 + next(40))..];
            case 2:     // duplicate a span
                var span = yaml[at..Math.Min(yaml.Length, at + 1 + next(200))];
                return yaml[..at] + span + span + yaml[at..];
            case 3:     // insert something YAML gives meaning to
                return yaml[..at] + pick(Interesting) + yaml[at..];
            case 4:     // swap, duplicate or drop a line
                var other = next(lines.Length);
                (lines[line], lines[other]) = next(3) switch
                {
                    0 => (lines[other], lines[line]),
                    1 => (lines[line], lines[line]),
                    _ => (string.Empty, lines[other]),
                };
                return string.Join('\n', lines);
            case 5:     // re-indent a line, with spaces or a tab
                var trimmed = lines[line].TrimStart(' ');
                var indent = lines[line].Length - trimmed.Length + next(9) - 4;
                lines[line] = (next(6) == 0 ? "\t" : new string(' ', Math.Max(0, indent))) + trimmed;
                return string.Join('\n', lines);
            case 6:     // replace a value
            case 7:
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                if (colon >= 0)
                {
                    lines[line] = lines[line][..(colon + 2)] + (next(2) == 0 ? pick(Interesting) : Huge(next));
                }

                return string.Join('\n', lines);
            case 8:     // nest a value deeply
                var c = lines[line].IndexOf(": ", StringComparison.Ordinal);
                if (c >= 0)
                {
                    lines[line] = lines[line][..(c + 2)] + Nest(lines[line][(c + 2)..], next(4) == 0 ? 50 + next(30_000) : next(10));
                }

                return string.Join('\n', lines);
            case 9:     // an anchor on one value and an alias to it on another (possibly before it, or inside it)
                var first = lines[line].IndexOf(": ", StringComparison.Ordinal);
                var second = next(lines.Length);
                var secondColon = lines[second].IndexOf(": ", StringComparison.Ordinal);
                if (first >= 0 && secondColon >= 0)
                {
                    lines[line] = lines[line][..(first + 2)] + "&x " + lines[line][(first + 2)..];
                    lines[second] = lines[second][..(secondColon + 2)] + (next(2) == 0 ? "*x" : "[*x, *x]");
                }

                return string.Join('\n', lines);
            case 10:    // a key made odd
                var k = lines[line].IndexOf(':', StringComparison.Ordinal);
                if (k > 0)
                {
                    var key = lines[line][..k];
                    lines[line] = key.TrimEnd() + pick(["x", "\u0301", "é", "\"", " ", "\t", "&k ", "? ", "!!str "]) + lines[line][k..];
                }

                return string.Join('\n', lines);
            default:    // a huge number
                return yaml[..at] + Huge(next) + yaml[at..];
        }
    }

    private static string Huge(Func<int, int> next) => next(4) switch
    {
        0 => new string('9', 1 + next(400)),
        1 => "1e" + next(1000).ToString(CultureInfo.InvariantCulture),
        2 => "-1e-" + next(1000).ToString(CultureInfo.InvariantCulture),
        _ => "0." + new string('0', next(400)) + "1",
    };

    private static string Nest(string value, int depth) => new string('[', depth) + value + new string(']', depth);

    [GeneratedRegex(@"^\S+:\d+:\d+: \S.*: .+$")]
    private static partial Regex DiagnosticLine();
}
