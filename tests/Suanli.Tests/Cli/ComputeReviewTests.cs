using System.Globalization;
using System.Text.Json;
using Suanli.Reports;
using Suanli.Scenarios.Schema;

namespace Suanli.Tests.Cli;

/// <summary>Faults a review of issue 8 found in <c>suanli train</c>, <c>infer</c> and <c>catalog</c>, each held by a test.</summary>
public class ComputeReviewTests
{
    private static string OneRefusal(string field, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Matches(@"^[^\s:]+:\d+:\d+: " + System.Text.RegularExpressions.Regex.Escape(field) + @"(: |：).+[(（].+[)）]\r?$", line);
        return line;
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Theory]
    [InlineData("--fx-rmb-per-usd", "train", "--preset", "deepseek-v3-ascend-910c", "--fx-rmb-per-usd", "1e-305", "--json")]
    [InlineData("compute.fxRmbPerUsd", "train", "--preset", "deepseek-v3-ascend-910c", "--set", "compute.fxRmbPerUsd=1e-305", "--json")]
    [InlineData("--fx-rmb-per-usd", "train", "--model", "deepseek-v3", "--price-per-hour", "100000", "--currency", "RMB", "--fx-rmb-per-usd", "1e-303")]
    [InlineData("--fx-rmb-per-usd", "train", "--model", "deepseek-v3", "--fx-rmb-per-usd", "0.14")]
    [InlineData("--fx-rmb-per-usd", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--fx-rmb-per-usd", "21")]
    public void An_exchange_rate_outside_one_to_twenty_is_refused_with_the_reason(string field, params string[] args)
    {
        // Review of issue 8: these exited 1, "internal error: … A money amount must be finite".
        var line = OneRefusal(field, args);
        Assert.Contains("[1, 20]", line, StringComparison.Ordinal);
        Assert.Contains("between about 1.5 (1980) and 8.7 (1994) per US dollar since 1980", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exchange_rate_reason_is_in_the_readers_language()
    {
        var line = OneRefusal("--fx-rmb-per-usd", "train", "--model", "deepseek-v3", "--fx-rmb-per-usd", "0.14", "--lang", "zh-Hans");
        Assert.Contains("1980 年以来人民币兑美元大致在 1.5（1980 年）至 8.7（1994 年）之间", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reasons_in_the_schema_are_the_english_resources()
    {
        // The scenario layer has no resources: its English words of a range's reason must be the English resource's.
        var english = Strings.For(Language.En);
        Assert.Equal(ComputeRanges.FxReason, english[ComputeRanges.FxReasonKey]);
        Assert.Equal(ComputeRanges.UtilisationReason, english[ComputeRanges.UtilisationReasonKey]);
    }

    [Fact]
    public void A_money_figure_past_the_largest_number_is_refused_naming_the_input()
    {
        // ETTR 1e-301 with no power drawn: time and energy stay finite, the cost is 5.3e307 USD and its RMB value (x 7.2)
        // overflows. Before: exit 1, "internal error: … A money amount must be finite". Now one line naming --ettr.
        var line = OneRefusal("--ettr", "train", "--model", "deepseek-v3", "--ettr", "1e-301", "--power-fraction", "1e-300", "--host-watts", "0", "--json");
        Assert.Contains("ETTR 1e-301", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overflow_names_the_smallest_of_mfu_ettr_and_availability()
    {
        // Time, energy and cost scale with 1 / (MFU x ETTR x availability): a tiny ETTR is named as the ETTR (it used to be
        // blamed on compute.training.mfu = 0.41).
        OneRefusal("--ettr", "train", "--model", "llama3-405b", "--ettr", "1e-300");
        OneRefusal("compute.training.fleet[0].availability", "train", "--preset", "llama3-405b-h100", "--set", "compute.training.fleet[0].availability=1e-300");
    }

    [Fact]
    public void An_unknown_accelerator_is_one_error()
    {
        // Review of issue 8: a second, follow-on line said no count was published for llama3-405b "on nope".
        var line = OneRefusal("--accelerator", "train", "--model", "llama3-405b", "--accelerator", "nope");
        Assert.Contains("unknown accelerator 'nope'", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'nope' is not one of the choices (allowed: one of: accelerators, models, exchange-rates)", "catalog", "nope")]
    [InlineData("'model' is not one of the choices; did you mean 'models'?", "catalog", "model")]
    [InlineData("'showw' is not one of the choices; did you mean 'show'?", "presets", "showw")]
    public void An_unknown_subcommand_is_one_error_with_the_choices(string expected, params string[] args)
    {
        // Review of issue 8: "Required command was not provided" followed "Unrecognized command or argument 'nope'".
        var line = OneRefusal("usage", args);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_owners_power_is_priced_at_the_pue_its_energy_uses()
    {
        // Review of issue 8: the owner's cost priced power at the site's design PUE (here 1.18) while the energy row used the
        // run's (1.25). H800: (700 + 500) W = 1.2 kW; power 1.2 × 1.25 × 0.63 = 0.945 per hour (at 1.18: 0.89208), and at
        // --pue 1.1, 1.2 × 1.1 × 0.63 = 0.8316 while the run's power is 1,024 × 1.2 kW × 1.1 = 1.35168 MW.
        var yaml = Suanli.Tests.Scenarios.ScenarioText.Valid + """

            compute:
              training:
                model: llama2-70b
                fleet: [{accelerator: h800, count: 1024}]
                mfu: 0.4
                costBasis: siteRent
                serverCapexPerAccelerator: 250000
                serverLifeYears: 5
            """;
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "owner.yaml");
            File.WriteAllText(path, yaml);
            var json = Json("train", path, "--set", "site.designPue=1.18", "--json");
            var owner = json.GetProperty("ownerCost")[0];
            Assert.Equal(0.945, owner.GetProperty("powerPerHour").GetDouble(), 1e-9);
            Assert.Equal(1.25, owner.GetProperty("pue").GetDouble());
            Assert.Contains("at PUE 1.25, the run's, as its energy", json.GetProperty("costBasis").GetString(), StringComparison.Ordinal);

            var lower = Json("train", path, "--set", "site.designPue=1.18", "--pue", "1.1", "--json");
            Assert.Equal(0.8316, lower.GetProperty("ownerCost")[0].GetProperty("powerPerHour").GetDouble(), 1e-9);
            Assert.Equal(1.35168, lower.GetProperty("metrics").GetProperty("powerMw").GetProperty("value").GetDouble(), 1e-9);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("train", "bf16 or fp8: whose peak the MFU refers to (default: as published with --model alone, else the scenario's, else bf16).")]
    [InlineData("infer", "bf16 or fp8: the width of the weights and KV cache, and whose peak the MFU refers to (default: bf16).")]
    public void The_precision_help_states_one_truthful_default(string command, string expected)
    {
        // Review of issue 8: infer's help said "default: as published" (it has no published run to take one from).
        var (code, stdout, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n'), l => l.TrimStart().StartsWith("--precision", StringComparison.Ordinal));
        Assert.Contains("<bf16|fp8>", line, StringComparison.Ordinal);
        Assert.Contains(expected, CliRunner.Flat(line), StringComparison.Ordinal);
        Assert.DoesNotContain("[default:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_docs_give_the_inference_figures_the_program_gives()
    {
        // Review of issue 8: docs/compute.md said DeepSeek-V3 at FP8 "makes 810 per H20" while the program gave 680
        // (compute-bound at the MoE FP8 default MFU). The docs' sentences must carry the program's figures.
        var docs = CliRunner.Flat(File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "docs", "compute.md")));
        foreach (var precision in new[] { "bf16", "fp8" })
        {
            var json = Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--precision", precision, "--json");
            var perReplica = json.GetProperty("acceleratorsPerReplica").GetInt32();
            var perAccelerator = json.GetProperty("tokensPerSecondPerAccelerator").GetDouble();
            var expected = string.Create(CultureInfo.InvariantCulture, $"{precision.ToUpperInvariant()}: {perReplica} H20, {perAccelerator:N0} tokens/s per H20");
            Assert.Contains(expected, docs, StringComparison.Ordinal);
        }
    }
}
