using System.Text.Json;
using System.Text.Json.Nodes;
using Suanli.Analysis.Run;
using Suanli.Cli;
using Suanli.Scenarios;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli run</c>: every section of a scenario through the seam's registry of model runners.</summary>
public class RunCommandTests
{
    public static TheoryData<string> PresetNames => [.. Presets.Names];

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Json_has_the_header_keys_and_the_site_exactly_as_econ_writes_it()
    {
        var run = Json("run", "--preset", "cn-2025-essay", "--json", "--lang", "en");
        foreach (var key in new[] { "schemaVersion", "suanliVersion", "command", "language", "scenario", "origin", "overrides", "inputs", "sections", "metrics", "notes" })
        {
            Assert.True(run.TryGetProperty(key, out _), $"no {key}");
        }

        Assert.Equal("run", run.GetProperty("command").GetString());
        Assert.Equal("presets/cn-2025-essay.yaml", run.GetProperty("origin").GetString());
        var econ = JsonNode.Parse(CliRunner.Run("econ", "--preset", "cn-2025-essay", "--json", "--lang", "en").Out);
        Assert.True(JsonNode.DeepEquals(econ, JsonNode.Parse(run.GetProperty("sections").GetProperty("site").GetRawText())));
    }

    [Fact]
    public void Metrics_are_every_section_figures_under_the_section_name()
    {
        var run = Json("run", "--preset", "us-2025", "--json");
        var npv = run.GetProperty("sections").GetProperty("site").GetProperty("npv").GetDouble();
        Assert.Equal(npv, run.GetProperty("metrics").GetProperty("site.npv").GetProperty("value").GetDouble());
        Assert.Equal("USD", run.GetProperty("metrics").GetProperty("site.npv").GetProperty("currency").GetString());
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_section_is_evaluated_or_said_not_to_be_yet(string preset)
    {
        var scenario = ScenarioLoader.FromPreset(preset).Scenario!;
        var run = Json("run", "--preset", preset, "--json");
        var sections = run.GetProperty("sections");
        var notes = run.GetProperty("notes").EnumerateArray().ToList();
        foreach (var section in ModelRunners.PresentIn(scenario))
        {
            if (ModelRunners.BySection.ContainsKey(section.Section))
            {
                Assert.True(sections.TryGetProperty(section.Section, out var json), $"{preset}: no {section.Section}");
                Assert.Equal(section.Command, json.GetProperty("command").GetString());
            }
            else
            {
                Assert.False(sections.TryGetProperty(section.Section, out _));
                Assert.Contains(notes, n => n.GetProperty("code").GetString() == "run.sectionNotYetOnSeam"
                    && n.GetProperty("args").GetProperty("section").GetString() == section.Section
                    && n.GetProperty("args").GetProperty("command").GetString() == section.Command);
            }
        }

        var tables = CliRunner.Run("run", "--preset", preset);
        Assert.True(tables.ExitCode == 0, tables.Error);
    }

    [Fact]
    public void A_section_not_on_the_seam_is_said_in_the_tables_and_in_the_chosen_language()
    {
        var pending = ModelRunners.Sections.FirstOrDefault(s => !ModelRunners.BySection.ContainsKey(s.Section));
        if (pending is null)
        {
            return; // every model is on the seam: nothing left to say
        }

        var preset = Presets.Names.First(n => pending.Present(ScenarioLoader.FromPreset(n).Scenario!));
        var en = CliRunner.Flat(CliRunner.Run("run", "--preset", preset, "--lang", "en").Out);
        Assert.Contains($"The '{pending.Section}' section is not evaluated by 'suanli run' yet", en, StringComparison.Ordinal);
        var hans = CliRunner.Flat(CliRunner.Run("run", "--preset", preset, "--lang", "zh-Hans").Out);
        Assert.Contains($"“suanli run”尚未测算“{pending.Section}”区段", hans, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Suanli run - us-2025 (presets/us-2025.yaml): sections site", "site - suanli econ", "Summary")]
    [InlineData("zh-Hant", "Suanli 全面測算：us-2025（presets/us-2025.yaml），包含區段：site", "site：suanli econ", "摘要")]
    public void Tables_show_each_section_view_in_turn_with_the_overrides(string lang, string title, string rule, string summary)
    {
        var (code, stdout, _) = CliRunner.Run("run", "--preset", "us-2025", "--set", "site.vacancy=0.1", "--lang", lang);
        Assert.Equal(0, code);
        Assert.StartsWith(title, stdout, StringComparison.Ordinal);
        Assert.Contains(rule, stdout, StringComparison.Ordinal);
        Assert.Contains(summary, stdout, StringComparison.Ordinal);
        Assert.Contains("--set site.vacancy=0.1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_the_overrides_and_is_byte_identical_twice()
    {
        var first = CliRunner.Run("run", "--preset", "us-2025", "--set", "site.vacancy=0.1", "--json").Out;
        Assert.Equal(first, CliRunner.Run("run", "--preset", "us-2025", "--set", "site.vacancy=0.1", "--json").Out);
        var json = JsonDocument.Parse(first).RootElement;
        Assert.Equal("site.vacancy=0.1", json.GetProperty("overrides")[0].GetString());
        Assert.Contains(json.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("path").GetString() == "site.vacancy" && i.GetProperty("origin").GetString() == "set");
    }

    [Fact]
    public void Tables_fit_80_columns()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["run", "--preset", "cn-200mw-campus-vs-5-sites"], new CliContext(stdout, stderr, OutIsTerminal: true) { TerminalWidth = 80 });
        Assert.Equal(0, code);
        var longest = stdout.ToString().Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd('\r'), @"\e\[[0-9;]*m", string.Empty)).Max(l => l.Length);
        Assert.True(longest <= 80, $"a line of {longest} columns");
    }

    [Fact]
    public void A_scenario_with_no_section_to_evaluate_is_an_error_naming_the_sections()
    {
        var path = Path.Combine(Path.GetTempPath(), $"suanli-run-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: empty\ncurrency: RMB\n");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("run", path);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.StartsWith($"{path}:1:1: (scenario): 'suanli run' needs at least one of the sections site, layout, training, training.step, compute.training, market, cloud and the scenario has none (allowed: ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Progress_and_cancellation_reach_every_runner()
    {
        var scenario = ScenarioLoader.FromPreset("us-2025").Scenario!;
        var steps = new List<string>();
        var result = RunAnalysis.Evaluate(scenario, new SyncProgress(p => steps.Add(p.Step)));
        Assert.Contains("site", steps);
        Assert.Equal("run", steps[^1]);
        Assert.Single(result.Sections);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RunAnalysis.Evaluate(scenario, null, cancelled.Token));
    }

    private sealed class SyncProgress(Action<Suanli.Analysis.Results.AnalysisProgress> report) : IProgress<Suanli.Analysis.Results.AnalysisProgress>
    {
        public void Report(Suanli.Analysis.Results.AnalysisProgress value) => report(value);
    }
}
