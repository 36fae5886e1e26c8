using System.Text.Json;
using System.Text.RegularExpressions;
using Suanli.Cli;
using Suanli.Core;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Tests.Cli;

public class LayoutCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Theory]
    [InlineData("cn-200mw-campus-vs-5-sites")]
    [InlineData("us-400mw-campus-vs-4-sites")]
    public void Json_has_both_layouts_and_the_deltas(string preset)
    {
        var json = Json("layout", "--preset", preset, "--json");
        foreach (var side in new[] { "campus", "distributed" })
        {
            foreach (var key in new[] { "capexPerMw", "opexPerMwYear", "pue", "pueFullLoad", "staffFte", "energyMwhPerYear", "co2TonnesPerYear", "accountingBreakEvenRentPerKwMonth", "economicBreakEvenRentPerKwMonth", "npv" })
            {
                Assert.Equal(JsonValueKind.Number, json.GetProperty(side).GetProperty(key).ValueKind);
            }
        }

        Assert.True(json.GetProperty("deltaPercent").GetProperty("capexPerMw").GetDouble() > 0);
        var savings = json.GetProperty("savingsBreakdownPerKwMonth");
        var difference = json.GetProperty("distributed").GetProperty("accountingBreakEvenRentPerKwMonth").GetDouble()
            - json.GetProperty("campus").GetProperty("accountingBreakEvenRentPerKwMonth").GetDouble();
        Assert.Equal(difference, savings.GetProperty("total").GetDouble(), 1e-9);
        Assert.Equal(savings.GetProperty("total").GetDouble(),
            savings.GetProperty("sharedPlant").GetDouble() + savings.GetProperty("staff").GetDouble() + savings.GetProperty("power").GetDouble() + savings.GetProperty("networkAndOther").GetDouble(), 1e-9);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("training").GetProperty("stepTimeEfficiency").ValueKind);
    }

    [Fact]
    public void The_promised_set_paths_and_occupancy_work()
    {
        var json = Json("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "layout.totalItMw=400", "--set", "layout.units=4", "--set", "layout.scaleExponent=0.85",
            "--set", "site.rentPerKwMonth=350", "--occupancy", "0.9", "--json");
        Assert.Equal(400, json.GetProperty("totalItMw").GetDouble());
        Assert.Equal(4, json.GetProperty("units").GetInt32());
        Assert.Equal(0.85, json.GetProperty("scaleExponent").GetDouble());
        Assert.Equal(0.9, json.GetProperty("occupancy").GetDouble());
    }

    [Fact]
    public void The_occupancy_sweep_runs_from_30_to_100_percent()
    {
        var sweep = Json("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "occupancy", "--json").GetProperty("sweep");
        Assert.Equal(8, sweep.GetArrayLength());
        Assert.Equal(0.3, sweep[0].GetProperty("occupancy").GetDouble(), 1e-12);
        Assert.Equal(1.0, sweep[7].GetProperty("occupancy").GetDouble(), 1e-12);
    }

    [Fact]
    public void The_shared_component_list_can_be_set()
    {
        var layout = ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", ["layout.sharedComponents=[electrical, mechanical]"]).Scenario!.Layout!;
        Assert.Equal(2, layout.SharedComponents.Count);
    }

    [Theory]
    [InlineData("layout.scaleExponent=1.2", DiagnosticCodes.OutOfRange, "layout.scaleExponent")]
    [InlineData("layout.pueOverheadExponent=0.4", DiagnosticCodes.OutOfRange, "layout.pueOverheadExponent")]
    [InlineData("layout.units=0", DiagnosticCodes.OutOfRange, "layout.units")]
    [InlineData("layout.totalItMw=-200", DiagnosticCodes.OutOfRange, "layout.totalItMw")]
    [InlineData("layout.distributed.interSiteDistanceKm=0", DiagnosticCodes.Inconsistent, "layout.distributed.interSiteDistanceKm")]
    [InlineData("layout.sharedComponents=[building, building]", DiagnosticCodes.Inconsistent, "layout.sharedComponents")]
    [InlineData("layout.sharedComponents=[roof]", DiagnosticCodes.UnknownChoice, "layout.sharedComponents[0]")]
    [InlineData("layout.campus.gridEmissionKgPerKwh=-1", DiagnosticCodes.OutOfRange, "layout.campus.gridEmissionKgPerKwh")]
    [InlineData("layout.campus.designPue=1.2", DiagnosticCodes.UnknownKey, "layout.campus.designPue")]
    [InlineData("layout.distributed.pueFixedShare=0.3", DiagnosticCodes.UnknownKey, "layout.distributed.pueFixedShare")]
    public void Bad_layout_inputs_are_errors_naming_the_field(string set, string code, string path)
    {
        var result = ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", [set]);
        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.StartsWith("--set[1]:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_per_layout_plant_pue_names_the_keys_that_replace_it()
    {
        var yaml = Presets.Text("cn-200mw-campus-vs-5-sites")!.Replace(
            "  campus:\n", "  campus:\n    designPue: 1.2\n    pueFixedShare: 0.3\n", StringComparison.Ordinal);
        var result = ScenarioLoader.FromText(yaml, "old.yaml");
        Assert.Null(result.Scenario);
        var pue = Assert.Single(result.Diagnostics, d => d.Path == "layout.campus.designPue");
        Assert.Contains("layout.pueOverheadExponent", pue.ToString(), StringComparison.Ordinal);
        Assert.Contains("site.designPue", pue.ToString(), StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("designPue: 1.2", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, pue.Line);
        var share = Assert.Single(result.Diagnostics, d => d.Path == "layout.campus.pueFixedShare");
        Assert.Contains("site.pueFixedShare", share.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_size_curve_that_takes_a_plant_past_pue_3_is_refused()
    {
        // 1 + 0.25 × (0.01 / 40)^(0.5 − 1) = 1 + 0.25 × 63.2 = 16.8.
        var result = ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", ["site.designPue=1.25", "layout.pueOverheadExponent=0.5", "layout.totalItMw=0.01"]);
        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.Path == "layout.pueOverheadExponent" && d.Message.Contains("16.8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--occupancy", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "1.5")]
    [InlineData("--occupancy", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "-0.1")]
    [InlineData("--sweep", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "rent")]
    [InlineData("layout", "layout", "--preset", "cn-2025-essay")]
    [InlineData("layout.campus.designPue", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "layout.campus.designPue=1.2")]
    public void Bad_input_is_exit_2_naming_the_field(string field, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"^[^\s:]+:\d+:\d+: " + System.Text.RegularExpressions.Regex.Escape(field) + ": ", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_sweep_value_with_control_characters_is_echoed_on_one_line()
    {
        var (code, _, stderr) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "a\nb\u001b[31m");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain('\u001b', stderr);
        Assert.Contains("a\\u000Ab\\u001B[31m", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void One_hall_campus_and_one_standalone_site_print_the_same_figures()
    {
        // Before plant PUE followed size: pue 1.272 vs 1.340, energy 1,013,882 vs 1,068,063 MWh for the same 200 MW plant.
        var json = Json("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "layout.units=1", "--json");
        var campus = json.GetProperty("campus");
        var distributed = json.GetProperty("distributed");
        foreach (var property in campus.EnumerateObject())
        {
            Assert.True(property.Value.GetRawText() == distributed.GetProperty(property.Name).GetRawText(), $"{property.Name}: {property.Value} vs {distributed.GetProperty(property.Name)}");
        }

        Assert.Equal("none", json.GetProperty("pueAdvantage").GetProperty("cause").GetString());
        Assert.Equal(0, json.GetProperty("savingsBreakdownPerKwMonth").GetProperty("total").GetDouble());
        var (_, tables, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "layout.units=1");
        Assert.DoesNotContain("-+", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.0", tables, StringComparison.Ordinal);
        Assert.Contains("1 standalone 200 MW site,", tables, StringComparison.Ordinal);
    }

    [Fact]
    public void The_campus_pue_advantage_is_shown_with_its_cause()
    {
        // The arithmetic below takes the reference site's design PUE as 1.25 (the preset runs at 1.18 to meet its cap).
        var json = Json("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "site.designPue=1.25", "--json");
        var pue = json.GetProperty("pueAdvantage");
        Assert.Equal("plantSize", pue.GetProperty("cause").GetString());
        Assert.Equal(200, pue.GetProperty("campusPlantItMw").GetDouble());
        Assert.Equal(40, pue.GetProperty("distributedPlantItMw").GetDouble());
        Assert.Equal(1.196379, pue.GetProperty("campusDesignPue").GetDouble(), 1e-6);       // 1 + 0.25 × 5^−0.15
        Assert.Equal(1.25, pue.GetProperty("distributedDesignPue").GetDouble(), 1e-12);
        Assert.Equal(19.48, pue.GetProperty("tenantPowerSavingPerKwMonth").GetDouble(), 0.01); // 321.93 × (1.282143 − 1.221627)
        Assert.Equal(58_105, pue.GetProperty("energySavingMwhPerYear").GetDouble(), 1.0);    // 1,068,063 − 1,009,958
        Assert.Equal(0.85, json.GetProperty("pueOverheadExponent").GetDouble());

        var (_, tables, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "site.designPue=1.25");
        Assert.Contains("design PUE 1.196 at 200 MW vs 1.250 at 40 MW", tables, StringComparison.Ordinal);
        Assert.Contains("memo: power paid by tenants", tables, StringComparison.Ordinal);
        Assert.Contains("PUE advantage comes from the size of its plant", tables, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subnormal_occupancy_is_refused_naming_the_option()
    {
        var (code, stdout, stderr) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "1e-320", "--json");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("command-line:1:1: --occupancy: '1e-320' is too close to zero", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set", "site.vacancy=1")]
    [InlineData("--occupancy", "0")]
    public void No_it_load_gives_null_pue_with_its_reason_and_no_nan_or_infinity(string option, string value)
    {
        var (code, stdout, stderr) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", option, value, "--json", "--sweep", "occupancy");
        Assert.True(code == 0, $"exit {code}: {stderr}");
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("campus").GetProperty("pue").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("deltaPercent").GetProperty("pue").ValueKind);
        Assert.Contains("no IT load", json.GetProperty("pueNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("campus").GetProperty("energyMwhPerYear").ValueKind);

        var (tableCode, tables, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", option, value, "--sweep", "occupancy");
        Assert.Equal(0, tableCode);
        foreach (var bad in new[] { "NaN", "Infinity", "∞", "-+" })
        {
            Assert.DoesNotContain(bad, tables, StringComparison.Ordinal);
        }

        Assert.Contains("n/a", tables, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pue_at_the_occupancy_studied_is_null_only_without_it_load()
    {
        var json = Json("layout", "--preset", "us-400mw-campus-vs-4-sites", "--json");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("pueNote").ValueKind);

        // us-400mw at 98.4 % occupancy, u = 0.6888: 400 MW campus 1 + 0.3 × 10^−0.15 = 1.212384 at full load;
        // overhead 0.212384 = f 0.063715 + k 0.148669 → 1 + 0.148669 + 0.063715 / 0.6888 = 1.241170.
        Assert.Equal(1.241170, json.GetProperty("campus").GetProperty("pue").GetDouble(), 1e-6);
        Assert.Equal(1.212384, json.GetProperty("campus").GetProperty("pueFullLoad").GetDouble(), 1e-6);
    }

    [Fact]
    public void The_tables_show_where_the_saving_comes_from()
    {
        var (code, stdout, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites");
        Assert.Equal(0, code);
        Assert.Contains("Where the campus saves", stdout, StringComparison.Ordinal);
        Assert.Contains("shared plant", stdout, StringComparison.Ordinal);
        Assert.Contains("Gbps per link to keep 95% of each step", stdout, StringComparison.Ordinal);
    }
    [Fact]
    public void Json_carries_the_header_the_inputs_metrics_and_notes_and_is_byte_identical()
    {
        string[] args = ["layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "site.vacancy=0.3", "--sweep", "occupancy", "--json", "--lang", "en"];
        var first = CliRunner.Run(args);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(first.Out, CliRunner.Run(args).Out);
        var json = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("suanliVersion").GetString()));
        Assert.Equal("layout", json.GetProperty("command").GetString());
        Assert.Equal("en", json.GetProperty("language").GetString());
        Assert.Equal(["site.vacancy=0.3"], json.GetProperty("overrides").EnumerateArray().Select(o => o.GetString()));
        var vacancy = json.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "site.vacancy");
        Assert.Equal("set", vacancy.GetProperty("origin").GetString());
        Assert.Contains(json.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("path").GetString() == "layout.pueOverheadExponent");

        var metrics = json.GetProperty("metrics");
        Assert.Equal(json.GetProperty("campus").GetProperty("pue").GetDouble(), metrics.GetProperty("campus.pue").GetProperty("value").GetDouble());
        Assert.Equal("pue", metrics.GetProperty("campus.pue").GetProperty("unit").GetString());
        Assert.Equal("RMB", metrics.GetProperty("distributed.npv").GetProperty("currency").GetString());
        Assert.Equal("moneyPerKwMonth", metrics.GetProperty("campus.accountingBreakEvenRentPerKwMonth").GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Number, metrics.GetProperty("distributed.ettr").GetProperty("value").ValueKind);

        var notes = json.GetProperty("notes").EnumerateArray().ToList();
        var saves = notes.Single(n => n.GetProperty("code").GetString() == "layout.campusSaves");
        Assert.Equal("info", saves.GetProperty("level").GetString());
        Assert.Equal("currency.RMB", saves.GetProperty("args").GetProperty("currency").GetProperty("term").GetString());
        Assert.StartsWith("The campus needs 13.1% less capex per MW", saves.GetProperty("text").GetString(), StringComparison.Ordinal);
        // Every line of the old "findings" is a note, with the same words.
        var findings = json.GetProperty("findings").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.All(findings, f => Assert.Contains(notes, n => n.GetProperty("text").GetString() == f));
        Assert.Contains(notes, n => n.GetProperty("code").GetString() == "layout.training.stepTime");
        Assert.Equal(5, json.GetProperty("modelNotes").GetArrayLength());
    }

    [Fact]
    public void Every_key_of_the_earlier_json_is_still_there()
    {
        var json = Json("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "occupancy", "--json");
        string[] top =
        [
            "scenario", "origin", "currency", "totalItMw", "units", "occupancy", "scaleExponent", "staffExponent", "pueOverheadExponent", "referenceItMw",
            "referenceDesignPue", "pueNote", "campus", "distributed", "deltaPercent", "savingsBreakdownPerKwMonth", "pueAdvantage", "training", "trainingNote",
            "sweep", "findings",
        ];
        string[] side =
        [
            "capexPerMw", "opexPerMwYear", "pue", "pueFullLoad", "staffFte", "energyMwhPerYear", "co2TonnesPerYear", "energyCostPerYear", "networkCostPerYear",
            "accountingBreakEvenRentPerKwMonth", "economicBreakEvenRentPerKwMonth", "npv", "irr", "irrNote", "costStackPerKwMonth", "sites", "siteItMw", "plantItMw",
            "tenantPowerPerKwMonth",
        ];
        foreach (var key in top)
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        foreach (var key in side)
        {
            Assert.True(json.GetProperty("campus").TryGetProperty(key, out _), "campus." + key);
            Assert.True(json.GetProperty("distributed").TryGetProperty(key, out _), "distributed." + key);
        }

        Assert.Equal(12, json.GetProperty("deltaPercent").EnumerateObject().Count());
        Assert.False(json.GetProperty("deltaPercent").TryGetProperty("irr", out _));
        foreach (var key in new[] { "sharedPlant", "staff", "power", "networkAndOther", "total" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty("savingsBreakdownPerKwMonth").GetProperty(key).ValueKind);
        }

        var training = json.GetProperty("training");
        Assert.Equal(1, training.GetProperty("campus").GetProperty("sites").GetInt32());
        Assert.Equal(500, training.GetProperty("distributed").GetProperty("distanceKm").GetDouble());
        foreach (var key in new[] { "lambdaPerDay", "pNoInterruption24h", "ettr" })
        {
            Assert.Equal(JsonValueKind.Number, training.GetProperty("distributed").GetProperty(key).ValueKind);
        }

        Assert.StartsWith("Step time:", training.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("trainingNote").ValueKind);
        Assert.Equal(7, json.GetProperty("findings").GetArrayLength());
        foreach (var key in new[] { "campusPue", "distributedPue", "campusBreakEvenRentPerLeasedKwMonth", "distributedBreakEvenRentPerLeasedKwMonth" })
        {
            Assert.True(json.GetProperty("sweep")[0].TryGetProperty(key, out _), key);
        }
    }

    [Theory]
    [InlineData("training:")]
    [InlineData("  wan:")]
    public void A_training_job_that_cannot_be_assessed_says_why(string cut)
    {
        // The preset without its training section, or without the wan part of it.
        var yaml = Presets.Text("cn-200mw-campus-vs-5-sites")!.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = yaml.IndexOf("\n" + cut + "\n", StringComparison.Ordinal) + 1;
        var indent = cut.Length - cut.TrimStart().Length;
        var lines = yaml[start..].Split('\n');
        var length = lines.Skip(1).TakeWhile(l => l.Length == 0 || l.Length - l.TrimStart().Length > indent).Sum(l => l.Length + 1) + lines[0].Length + 1;
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "cut.yaml");
            File.WriteAllText(path, yaml.Remove(start, Math.Min(length, yaml.Length - start)));
            var json = Json("layout", path, "--json");
            Assert.Equal(JsonValueKind.Null, json.GetProperty("training").ValueKind);
            Assert.Equal(cut == "training:" ? "not assessed: the scenario has no training section (add one; see suanli reliability)"
                : "not assessed: the training section has no wan section for the links between sites", json.GetProperty("trainingNote").GetString());
            var (_, tables, _) = CliRunner.Run("layout", path);
            Assert.Contains("Training across the layout: not assessed", tables, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_stated_checkpoint_interval_is_named_beside_the_ettr()
    {
        // Before, the row read "ETTR (Daly interval)" whatever interval the job checkpoints at.
        var (_, daly, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites");
        Assert.Contains("ETTR (Daly interval)", daly, StringComparison.Ordinal);
        var (_, stated, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "training.checkpoint.intervalMinutes=30");
        Assert.Contains("ETTR (the job's checkpoint interval)", stated, StringComparison.Ordinal);
        Assert.DoesNotContain("Daly interval", stated, StringComparison.Ordinal);
        Assert.Matches(@"checkpoint interval \(min\)\s*│\s*30\.0\s*│\s*30\.0", stated);
    }

    [Theory]
    [InlineData("zh-Hant", "會計損益平衡租金", "園區省在哪裡", "解讀：", "每日中斷次數", "上架率")]
    [InlineData("zh-Hans", "会计盈亏平衡租金", "园区省在哪里", "解读：", "每日中断次数", "上架率")]
    public void Tables_are_written_in_the_chosen_language(string lang, params string[] labels)
    {
        var (code, stdout, stderr) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "occupancy", "--lang", lang);
        Assert.True(code == 0, stderr);
        foreach (var label in labels)
        {
            Assert.Contains(label, stdout, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "Where the campus saves", "What this says", "interruptions per day", "accounting break-even", "memo: power paid by tenants" })
        {
            Assert.DoesNotContain(english, stdout, StringComparison.Ordinal);
        }

        var json = JsonDocument.Parse(CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--json", "--lang", lang).Out).RootElement;
        Assert.Equal(lang, json.GetProperty("language").GetString());
        Assert.Contains(labels[0][..2], json.GetProperty("findings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("campus").GetProperty("npv").ValueKind);
    }

    [Theory]
    [InlineData("zh-Hant", "一個集群式園區")]
    [InlineData("zh-Hans", "一个集群式园区")]
    public void Help_is_in_the_chosen_language(string lang, string description)
    {
        var (code, stdout, _) = CliRunner.Run("layout", "--help", "--lang", lang);
        Assert.Equal(0, code);
        Assert.Contains(description, stdout, StringComparison.Ordinal);
        Assert.Contains("--wide", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hans")]
    public void An_80_column_terminal_gets_tables_that_fit_and_wide_gets_every_column(string lang)
    {
        string[] args = ["layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "site.designPue=1.25", "--sweep", "occupancy", "--inputs", "--lang", lang];
        var narrow = Terminal(80, args);
        var tooWide = narrow.Split('\n').Where(l => Cells(l) > 80).ToList();
        Assert.True(tooWide.Count == 0, "wider than 80 columns:\n" + string.Join("\n", tooWide));
        var why = lang == "en" ? "│ why" : "│ 原因";
        Assert.DoesNotContain(why, narrow, StringComparison.Ordinal);
        Assert.Contains(why, Terminal(80, [.. args, "--wide"]), StringComparison.Ordinal);
        Assert.Contains(why, Terminal(120, args), StringComparison.Ordinal);
        // Numbers are never split across lines.
        Assert.Contains("1,009,958", narrow, StringComparison.Ordinal);
        Assert.Contains("-5,610.87", narrow, StringComparison.Ordinal);
    }

    private static string Terminal(int width, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliContext(stdout, stderr, OutIsTerminal: true) { TerminalWidth = width });
        Assert.True(code == 0, stderr.ToString());
        return Regex.Replace(stdout.ToString(), @"\u001b\[[0-9;?]*[A-Za-z]", string.Empty);
    }

    /// <summary>Terminal cells a line takes: East Asian wide characters take two.</summary>
    private static int Cells(string line) => line.TrimEnd('\r').Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
        or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);
}
