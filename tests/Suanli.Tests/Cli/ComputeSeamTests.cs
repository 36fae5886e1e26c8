using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Suanli.Cli;

namespace Suanli.Tests.Cli;

/// <summary><c>train</c>, <c>infer</c> and <c>catalog</c> on the seam: header keys, metrics, notes, languages, 80 columns.</summary>
public partial class ComputeSeamTests
{
    private static readonly string MixedFleet = Path.Combine(CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");

    public static TheoryData<string[]> JsonCommands => new()
    {
        new[] { "train", "--model", "llama3-405b", "--json" },
        new[] { "train", "--preset", "deepseek-v3-h800", "--set", "compute.training.ettr=0.95", "--json" },
        new[] { "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--json" },
        new[] { "catalog", "accelerators", "--json" },
        new[] { "catalog", "models", "--json" },
        new[] { "catalog", "exchange-rates", "--json" },
    };

    private static string Out(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return stdout;
    }

    private static JsonElement Json(params string[] args) => JsonDocument.Parse(Out(args)).RootElement;

    [Theory]
    [MemberData(nameof(JsonCommands))]
    public void Json_carries_the_header_keys_and_is_byte_identical_twice(string[] args)
    {
        var first = Out(args);
        Assert.Equal(first, Out(args));
        var json = JsonDocument.Parse(first).RootElement;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("suanliVersion").GetString()));
        Assert.Equal(string.Join(' ', args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))), json.GetProperty("command").GetString());
        Assert.Equal("en", json.GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("overrides").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("notes").ValueKind);
        Assert.NotEqual(0, json.GetProperty("inputs").GetArrayLength());
        foreach (var note in json.GetProperty("notes").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(note.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(note.GetProperty("text").GetString()));
            Assert.Equal(JsonValueKind.Object, note.GetProperty("args").ValueKind);
        }
    }

    [Fact]
    public void A_run_from_options_says_so_and_lists_its_options_defaults_and_catalog_entries_as_inputs()
    {
        var json = Json("train", "--model", "llama3-405b", "--mfu", "0.5", "--json");
        Assert.Equal("command-line", json.GetProperty("origin").GetString());
        var inputs = json.GetProperty("inputs").EnumerateArray().ToList();
        JsonElement Input(string path) => inputs.Single(i => i.GetProperty("path").GetString() == path);
        Assert.Equal(("0.5", "commandLine"), (Input("--mfu").GetProperty("value").GetString(), Input("--mfu").GetProperty("origin").GetString()));
        Assert.Equal(("1.25", "default"), (Input("--pue").GetProperty("value").GetString(), Input("--pue").GetProperty("origin").GetString()));
        // llama3-405b is the catalog's third model; its parameters carry their source.
        Assert.Equal("405", Input("models[2].activeParamsBillion").GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(Input("models[2].activeParamsBillion").GetProperty("source").GetString()));
        Assert.Contains(inputs, i => i.GetProperty("path").GetString()!.StartsWith("accelerators[1].", StringComparison.Ordinal));   // h100-sxm
    }

    [Fact]
    public void A_scenario_run_keeps_its_overrides_and_inputs()
    {
        var json = Json("train", "--preset", "deepseek-v3-h800", "--set", "compute.training.ettr=0.95", "--json");
        Assert.Equal("presets/deepseek-v3-h800.yaml", json.GetProperty("origin").GetString());
        Assert.Equal("compute.training.ettr=0.95", json.GetProperty("overrides")[0].GetString());
        Assert.Contains(json.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("path").GetString() == "compute.training.ettr" && i.GetProperty("origin").GetString() == "set");
    }

    [Fact]
    public void Metrics_name_the_figures_a_sweep_reads()
    {
        // Llama 3 405B as published: 3.7908e25 FLOP at 41 % of 16,384 × 989.4e12 and ETTR 0.9, at the catalog's USD 2.35 per H100-hour.
        var json = Json("train", "--model", "llama3-405b", "--json");
        var metrics = json.GetProperty("metrics");
        foreach (var key in new[] { "wallClockDays", "acceleratorHours", "energyMwh", "trainingFlops", "hardwareFlops", "mfu", "hfu", "cost" })
        {
            Assert.Equal(json.GetProperty(key).GetDouble(), metrics.GetProperty(key).GetProperty("value").GetDouble());
        }

        Assert.Equal(2.35, metrics.GetProperty("costPerAcceleratorHour").GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal("USD", metrics.GetProperty("costPerAcceleratorHour").GetProperty("currency").GetString());
        Assert.Equal("moneyPerAcceleratorHour", metrics.GetProperty("costPerAcceleratorHour").GetProperty("unit").GetString());
        Assert.Equal("days", metrics.GetProperty("wallClockDays").GetProperty("unit").GetString());
        Assert.Equal(16_384, metrics.GetProperty("accelerators").GetProperty("value").GetDouble());

        var infer = Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--json");
        var im = infer.GetProperty("metrics");
        Assert.Equal(16, im.GetProperty("acceleratorsPerReplica").GetProperty("value").GetDouble());
        Assert.Equal(405.12, im.GetProperty("tokensPerSecondPerAccelerator").GetProperty("value").GetDouble(), 1e-2);
        Assert.Equal(6_481.97, im.GetProperty("tokensPerSecondPerReplica").GetProperty("value").GetDouble(), 1e-2);
        Assert.Equal("tokensPerSecond", im.GetProperty("tokensPerSecondPerReplica").GetProperty("unit").GetString());
    }

    [Fact]
    public void Notes_carry_the_mfu_price_and_rate_sources_as_codes()
    {
        var json = Json("train", MixedFleet, "--json");
        var codes = json.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToList();
        Assert.Contains("compute.mfu.scenario", codes);
        Assert.Contains("compute.price.scenario", codes);
        Assert.Contains("compute.fx.latest", codes);
        Assert.Contains("compute.mixedVendorSynchronousJob", codes);
        Assert.Equal("compute.mfu.scenario", json.GetProperty("mfuSourceCode").GetString());
        var warning = json.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "compute.mixedVendorSynchronousJob");
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.Equal(2, warning.GetProperty("args").GetProperty("vendors").GetDouble());
        Assert.Equal("compute.fx.latest", json.GetProperty("fx").GetProperty("basisCode").GetString());
    }

    [Fact]
    public void The_published_check_of_a_scenario_model_uses_the_scenarios_own_accelerator()
    {
        // 6 × 10e9 × 1e12 / (500e12 × 0.4) / 3,600 = 83,333.3 hours on the scenario's own my-chip (was null: "not in the catalog").
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "own.yaml");
            File.WriteAllText(path, Suanli.Tests.Analysis.ComputeAnalysisTests.OwnChipYaml);
            var check = Json("train", path, "--json").GetProperty("published").GetProperty("check");
            Assert.Equal(83_333.333, check.GetProperty("computedAcceleratorHours").GetDouble(), 1e-3);
            Assert.DoesNotContain("not in the catalog", check.GetProperty("note").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("zh-Hant", "卡時", "有效訓練時間", "與作者公布數據對比")]
    [InlineData("zh-Hans", "卡时", "有效训练时间", "与作者公布数据对比")]
    public void Training_tables_are_in_the_chosen_language(string language, string hours, string ettr, string published)
    {
        var tables = CliRunner.Flat(Out("train", "--model", "llama3-405b", "--lang", language));
        Assert.Contains(hours, tables, StringComparison.Ordinal);
        Assert.Contains(ettr, tables, StringComparison.Ordinal);
        Assert.Contains(published, tables, StringComparison.Ordinal);
        Assert.DoesNotContain("Accelerator-hours", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("Wall clock", tables, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hant", "顯存頻寬上限", "每百萬 token 耗電")]
    [InlineData("zh-Hans", "显存带宽上限", "每百万 token 耗电")]
    public void Inference_and_catalog_tables_are_in_the_chosen_language(string language, string bandwidth, string energy)
    {
        var infer = CliRunner.Flat(Out("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--lang", language));
        Assert.Contains(bandwidth, infer, StringComparison.Ordinal);
        Assert.Contains(energy, infer, StringComparison.Ordinal);
        Assert.DoesNotContain("Memory-bandwidth bound", infer, StringComparison.Ordinal);
        Assert.Contains("加速卡", Out("catalog", "accelerators", "--lang", language), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_texts_follow_the_language_and_codes_and_numbers_do_not()
    {
        var en = Json("train", MixedFleet, "--json");
        var hans = Json("train", MixedFleet, "--json", "--lang", "zh-Hans");
        Assert.Equal("zh-Hans", hans.GetProperty("language").GetString());
        Assert.Equal(en.GetProperty("acceleratorHours").GetDouble(), hans.GetProperty("acceleratorHours").GetDouble());
        Assert.Equal(en.GetProperty("mfuSourceCode").GetString(), hans.GetProperty("mfuSourceCode").GetString());
        Assert.Contains("每卡时", hans.GetProperty("costBasis").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_in_the_chosen_language_and_keep_their_one_line_shape()
    {
        var (code, stdout, stderr) = CliRunner.Run("train", "--model", "mixtral-8x7b", "--accelerator", "h100-sxm", "--tokens", "1e12", "--lang", "zh-Hant");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        // The frame is in the chosen language too: a full-width colon and （可接受：…）, never a Chinese message in "(allowed: …)".
        Assert.Matches(@"^command-line:1:1: --count：.*mixtral-8x7b.*（可接受：.+）\r?\n?$", stderr);
        Assert.Contains("加速卡數量", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> TableCommands => new()
    {
        new[] { "train", "--model", "llama3-405b" },
        new[] { "train", "--preset", "deepseek-v3-h800" },
        new[] { "train", MixedFleet, "--lang", "zh-Hans" },
        new[] { "train", "--preset", "llama3-405b-h100", "--lang", "zh-Hant" },
        new[] { "train", "--model", "deepseek-v3", "--compare-dense", "--lang", "zh-Hans" },
        new[] { "train", "--model", "bloom-176b", "--inputs" },
        new[] { "infer", "--model", "deepseek-v3", "--accelerator", "h20" },
        new[] { "infer", "--model", "llama3-405b", "--accelerator", "h100-sxm", "--lang", "zh-Hant" },
        new[] { "catalog", "accelerators" },
        new[] { "catalog", "models", "--sources" },
        new[] { "catalog", "models", "--lang", "zh-Hans" },
        new[] { "catalog", "exchange-rates", "--lang", "zh-Hant" },
    };

    [Theory]
    [MemberData(nameof(TableCommands))]
    public void Tables_fit_80_columns(string[] args)
    {
        var lines = Terminal(80, args);
        var widest = lines.MaxBy(Width)!;
        Assert.True(Width(widest) <= 80, $"{Width(widest)} columns: {widest}");
    }

    [Fact]
    public void Wide_catalog_tables_fold_at_80_columns_and_show_every_column_with_wide()
    {
        var narrow = string.Join('\n', Terminal(80, ["catalog", "accelerators"]));
        Assert.DoesNotContain("export control", narrow.Split('\n').First(l => l.Contains("id", StringComparison.Ordinal) && l.Contains("TPP", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("--wide for all", CliRunner.Flat(narrow), StringComparison.Ordinal);
        var wide = string.Join('\n', Terminal(80, ["catalog", "accelerators", "--wide"]));
        Assert.Contains("export control", wide, StringComparison.Ordinal);
        Assert.Contains("scale-up GB/s", wide, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models", "en")]
    [InlineData("accelerators", "en")]
    [InlineData("models", "zh-Hant")]
    public void Catalog_rows_stay_one_line_at_every_terminal_width_below_wide(string table, string lang)
    {
        // Wrapped cells showed as split numbers ("3.15e+2" over "3") between 100 and 159 columns: each row must
        // be one line, the rows one after another, at every width from 80 to 155 (from 160 the long notes column joins and wraps its words).
        string[] ids = table == "models"
            ? ["gpt3-175b", "llama2-70b", "llama3-405b", "mixtral-8x7b", "deepseek-v3", "bloom-176b"]
            : ["a100-sxm", "h100-sxm", "h800", "h20", "h200", "b200", "ascend-910b", "ascend-910c", "mlu590"];
        for (var width = 80; width <= 155; width += 5)
        {
            var lines = Terminal(width, ["catalog", table, "--lang", lang]);
            var first = Array.FindIndex(lines, l => l.StartsWith("  " + ids[0] + " ", StringComparison.Ordinal));
            Assert.True(first >= 0, $"{width} columns: no row for {ids[0]}");
            for (var i = 0; i < ids.Length; i++)
            {
                Assert.True(lines[first + i].StartsWith("  " + ids[i] + " ", StringComparison.Ordinal),
                    $"{width} columns: line {first + i} is '{lines[first + i]}', expected the row of {ids[i]}");
                Assert.True(Width(lines[first + i]) <= width, $"{width} columns: {lines[first + i]}");
            }
        }
    }

    /// <summary>The tables as an 80-column terminal shows them (escape sequences removed).</summary>
    private static string[] Terminal(int width, string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = CliApp.Run(args, new CliContext(stdout, stderr, OutIsTerminal: true) { TerminalWidth = width });
        Assert.True(code == 0, stderr.ToString());
        return Ansi().Replace(stdout.ToString(), string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
    }

    /// <summary>Terminal columns: East Asian wide characters take two.</summary>
    private static int Width(string line) => line.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
        or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();
}
