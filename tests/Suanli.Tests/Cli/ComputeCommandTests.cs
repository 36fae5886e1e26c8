using System.Text.Json;

namespace Suanli.Tests.Cli;

public class ComputeCommandTests
{
    private static readonly string MixedFleet = Path.Combine(CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static string Tables(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return stdout;
    }

    /// <summary>Runs a command that must fail on its input: exit 2, nothing on stdout, one line naming the field.</summary>
    private static string Refused(string field, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"^[^\s:]+:\d+:\d+: " + System.Text.RegularExpressions.Regex.Escape(field) + @": .+ \(allowed: .+\)\r?\n?$", stderr);
        return stderr;
    }

    [Fact]
    public void Train_json_has_the_promised_keys()
    {
        var json = Json("train", "--model", "llama3-405b", "--json");
        foreach (var key in new[] { "trainingFlops", "hardwareFlops", "wallClockDays", "acceleratorHours", "energyMwh", "cost", "powerMw", "brainEquivalentRatio", "mfu", "hfu", "effectiveMfu", "utilisationOfBf16Peak" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        }

        Assert.Equal("USD", json.GetProperty("currency").GetString());
        Assert.Equal("bf16", json.GetProperty("mfuPeakPrecision").GetString());
        Assert.Equal("none", json.GetProperty("recompute").GetString());
        Assert.Equal(1, json.GetProperty("stages").GetArrayLength());
        Assert.InRange(json.GetProperty("acceleratorHours").GetDouble() / 30.84e6, 0.9, 1.1);   // published count, MFU and ETTR
    }

    [Fact]
    public void Flags_override_the_published_configuration()
    {
        // 6 × 70e9 × 2e12 = 8.4e23 FLOP on 4,096 H100 at 50 %: 4.79804 days; × RMB 15 × 4,096 = RMB 7,074,994.95.
        var json = Json("train", "--model", "llama2-70b", "--accelerator", "h100-sxm", "--count", "4096", "--mfu", "0.5", "--price-per-hour", "15", "--currency", "RMB", "--json");
        Assert.Equal(8.4e23, json.GetProperty("trainingFlops").GetDouble(), 1e18);
        Assert.Equal(4.79804, json.GetProperty("wallClockDays").GetDouble(), 1e-5);
        Assert.Equal("RMB", json.GetProperty("currency").GetString());
        Assert.Equal(7_074_994.95, json.GetProperty("cost").GetDouble(), 1e-2);
    }

    [Fact]
    public void Fp8_uses_the_fp8_default_mfu_and_says_whose_peak_it_is()
    {
        // Llama 3.1 405B on 16,384 H800 at FP8: the first default put 40 % on the FP8 peak (33.8 days, half the BF16 67.7);
        // the next took DeepSeek-V3's 17 % (an MoE) for every model (79.60 days, slower than BF16). A dense model's FP8
        // default is NVIDIA's dense benchmark, 36 % of the 1,978.9 TFLOPS FP8 peak:
        // 3.7908e25 / (16,384 × 1,978.9e12 × 0.36) = 37.59 days.
        string[] args = ["train", "--model", "llama3-405b", "--accelerator", "h800", "--count", "16384", "--precision", "fp8"];
        var json = Json([.. args, "--json"]);
        Assert.Equal(37.59, json.GetProperty("wallClockDays").GetDouble(), 1e-2);
        Assert.Equal(0.36, json.GetProperty("mfu").GetDouble());
        Assert.Equal("fp8", json.GetProperty("mfuPeakPrecision").GetString());
        Assert.Equal(0.72, json.GetProperty("utilisationOfBf16Peak").GetDouble(), 1e-3);
        Assert.Contains("FP8", json.GetProperty("mfuSource").GetString(), StringComparison.Ordinal);
        Assert.Contains("of the FP8 dense peak (1,978.9 TFLOPS per h800)", Tables(args), StringComparison.Ordinal);
        Assert.Equal(67.67, Json("train", "--model", "llama3-405b", "--accelerator", "h800", "--count", "16384", "--json").GetProperty("wallClockDays").GetDouble(), 1e-2);
    }

    [Fact]
    public void A_published_bf16_mfu_is_not_put_on_the_fp8_peak()
    {
        // Llama 3's 41 % is of the BF16 peak: asked for FP8, the run takes the dense FP8 default instead.
        var json = Json("train", "--model", "llama3-405b", "--precision", "fp8", "--json");
        Assert.Equal(0.36, json.GetProperty("mfu").GetDouble());
    }

    [Fact]
    public void A_scenarios_bf16_mfu_is_not_put_on_the_fp8_peak_either()
    {
        // llama3-405b-h100 states 41 % and 38 % of the BF16 peak; at --precision fp8 every stage takes the dense FP8 default.
        var json = Json("train", "--preset", "llama3-405b-h100", "--precision", "fp8", "--json");
        Assert.Equal(0.36, json.GetProperty("mfu").GetDouble());
        Assert.All(json.GetProperty("stages").EnumerateArray(), s => Assert.Equal(0.36, s.GetProperty("mfu").GetDouble()));
        Assert.Equal(0.41, Json("train", "--preset", "llama3-405b-h100", "--json").GetProperty("stages")[0].GetProperty("mfu").GetDouble());
    }

    [Fact]
    public void A_published_fp8_run_keeps_its_precision()
    {
        // DeepSeek-V3 trained in FP8: 3.2856e24 / (2,048 × 1,978.9e12 × 0.17) → 2,712,935 H800-hours.
        var json = Json("train", "--model", "deepseek-v3", "--json");
        Assert.Equal("fp8", json.GetProperty("precision").GetString());
        Assert.Equal(2_712_935, json.GetProperty("acceleratorHours").GetDouble(), 1.0);
    }

    [Fact]
    public void A_published_hfu_is_compared_as_hfu()
    {
        // BLOOM: 156 TFLOP/s = 50 % HFU with full recomputation → MFU 37.5 %; 6 × 176.247e9 × 366e9 / (384 × 312e12 × 0.375)
        // over 384 A100 = 918,895 A100-hours against 1,082,990 published (treating 50 % as MFU would give 689,171).
        var json = Json("train", "--model", "bloom-176b", "--json");
        Assert.Equal(0.375, json.GetProperty("mfu").GetDouble(), 1e-12);
        Assert.Equal(0.5, json.GetProperty("hfu").GetDouble(), 1e-12);
        Assert.Equal("full", json.GetProperty("recompute").GetString());
        Assert.Equal(918_895, json.GetProperty("acceleratorHours").GetDouble(), 1.0);
        Assert.Equal("hfu", json.GetProperty("published").GetProperty("utilisationBasis").GetString());
        Assert.Equal(918_895, json.GetProperty("published").GetProperty("check").GetProperty("computedAcceleratorHours").GetDouble(), 1.0);
    }

    [Fact]
    public void Recomputation_sets_the_hardware_flops_and_hfu_can_be_given_instead_of_mfu()
    {
        // Full recomputation: 8 × 405e9 × 15.6e12 = 5.0544e25 hardware FLOP; HFU = 41 % × 4/3 = 54.67 %.
        var full = Json("train", "--model", "llama3-405b", "--recompute", "full", "--json");
        Assert.Equal(5.0544e25, full.GetProperty("hardwareFlops").GetDouble(), 1e20);
        Assert.Equal(0.546667, full.GetProperty("hfu").GetDouble(), 1e-6);
        var fromHfu = Json("train", "--model", "llama3-405b", "--recompute", "full", "--hfu", "0.5", "--json");
        Assert.Equal(0.375, fromHfu.GetProperty("mfu").GetDouble(), 1e-12);
    }

    [Fact]
    public void Compare_dense_prints_the_ratio()
    {
        var json = Json("train", "--model", "deepseek-v3", "--compare-dense", "--json");
        Assert.Equal(671.0 / 37, json.GetProperty("denseComparison").GetProperty("computeRatio").GetDouble(), 1e-9);
        Assert.Contains("18.1x less compute", Tables("train", "--model", "deepseek-v3", "--compare-dense"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_trains_a_mixed_fleet_and_says_mixed_vendors_are_not_established_practice()
    {
        // 1,024 H800 × 989.4e12 × 0.33 + 2,048 910C × 781e12 × 0.33 × 0.8: 3.2856e24 FLOP in 50.261 days, 3,705,659
        // accelerator-hours, × RMB 12.8 = RMB 47.432 M. With the straggler penalty at 1 every chip runs at the 910C's
        // 781e12 × 0.33 × 0.8: 60.038 days.
        var json = Json("train", MixedFleet, "--json");
        Assert.Equal(2, json.GetProperty("fleet").GetArrayLength());
        Assert.Equal("RMB", json.GetProperty("currency").GetString());
        Assert.Equal(50.261, json.GetProperty("wallClockDays").GetDouble(), 1e-3);
        Assert.Equal(47_432_431, json.GetProperty("cost").GetDouble(), 1.0);
        Assert.Equal("mixedVendorSynchronousJob", json.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal(60.038, Json("train", MixedFleet, "--straggler-penalty", "1", "--json").GetProperty("wallClockDays").GetDouble(), 1e-3);
        Assert.Contains("not established practice", CliRunner.Flat(Tables("train", MixedFleet)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_cost_is_converted_into_the_runs_currency()
    {
        // DeepSeek's USD 5.576 M (2024 prices) at the 2024 average 7.1957 RMB/USD = RMB 40.1232 M; the run's RMB 47.432 M is +18.2 %.
        var published = Json("train", MixedFleet, "--json").GetProperty("published");
        Assert.Equal(40_123_223.2, published.GetProperty("costInRunCurrency").GetDouble(), 1e-1);
        Assert.Equal("RMB", published.GetProperty("runCurrency").GetString());
        Assert.Equal(7.1957, published.GetProperty("fx").GetProperty("rmbPerUsd").GetDouble());
        Assert.Equal(2024, published.GetProperty("fx").GetProperty("year").GetInt32());
        Assert.Equal(0.1822, published.GetProperty("costDeviation").GetDouble(), 1e-4);
        var tables = Tables("train", MixedFleet);
        Assert.Contains("5.58 M USD = 40.12 M RMB", tables, StringComparison.Ordinal);
        Assert.Contains("+18.2%", tables, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_without_a_currency_takes_the_scenarios_and_another_currency_is_converted()
    {
        // 3,705,659 accelerator-hours × RMB 10 = RMB 37.057 M; USD 10 at 7.1957 = RMB 71.957 per hour → RMB 266.65 M.
        var rmb = Json("train", MixedFleet, "--price-per-hour", "10", "--json");
        Assert.Equal("RMB", rmb.GetProperty("currency").GetString());
        Assert.Equal(37_056_586, rmb.GetProperty("cost").GetDouble(), 1.0);
        var usd = Json("train", MixedFleet, "--price-per-hour", "10", "--currency", "USD", "--json");
        Assert.Equal("RMB", usd.GetProperty("currency").GetString());
        Assert.Equal(266_648_078, usd.GetProperty("cost").GetDouble(), 1e2);
        Assert.Equal("USD", usd.GetProperty("costInOtherCurrency").GetProperty("currency").GetString());
    }

    [Fact]
    public void A_price_with_no_currency_anywhere_is_refused() =>
        Refused("--currency", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--price-per-hour", "1");

    [Fact]
    public void Infer_holds_the_weights_and_kv_cache_before_counting_tokens()
    {
        // DeepSeek-V3 at BF16 on H20: 1,342 GB of weights need 16 H20 (86.4 GB usable each); 140 sequences of 4K fit
        // beside them; decode is bandwidth-bound at 6,481.97 tokens/s per replica = 405.12 per H20 (the old answer: 800 per H20).
        var json = Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--json");
        Assert.Equal(16, json.GetProperty("acceleratorsPerReplica").GetInt32());
        Assert.Equal(140, json.GetProperty("batch").GetDouble());
        Assert.Equal(6_481.97, json.GetProperty("tokensPerSecondPerReplica").GetDouble(), 1e-2);
        Assert.Equal(405.12, json.GetProperty("tokensPerSecondPerAccelerator").GetDouble(), 1e-2);
        Assert.Equal("memoryBandwidth", json.GetProperty("bound").GetString());
        Assert.Contains("memory-bandwidth-bound", Tables("infer", "--model", "deepseek-v3", "--accelerator", "h20"), StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_json_has_the_promised_keys()
    {
        var json = Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--mfu", "0.3", "--json");
        foreach (var key in new[] { "flopsPerToken", "tokensPerSecondPerAccelerator", "tokensPerSecondPerReplica", "acceleratorsPerReplica", "energyKwhPerMillionTokens" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        }

        Assert.Equal(2 * 37e9, json.GetProperty("flopsPerToken").GetDouble(), 1.0);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("costPerMillionTokens").ValueKind);   // no published H20 rental price
        Assert.Equal(JsonValueKind.Number, Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--price-per-hour", "1", "--currency", "USD", "--json").GetProperty("costPerMillionTokens").ValueKind);
    }

    [Fact]
    public void Infer_refuses_a_replica_that_cannot_hold_the_model()
    {
        var stderr = Refused("--accelerators-per-replica", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--accelerators-per-replica", "1");
        Assert.Contains("1,342.0 GB", stderr, StringComparison.Ordinal);
        Refused("--batch", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--accelerators-per-replica", "16", "--batch", "1000");
    }

    [Fact]
    public void A_vanishing_mfu_is_refused_with_the_reason()
    {
        // Training: 3.79e25 FLOP at 1e-300 of the peak overflowed the energy (was "internal error" with JSON infinity).
        // Inference printed 3.2e-296 tokens/s and a cost of 1e300 per million tokens with exit 0 (review of issue 8).
        // Both refuse an MFU under 0.001 now, saying why.
        foreach (var args in new[] { new[] { "train", "--model", "llama3-405b" }, ["infer", "--model", "deepseek-v3", "--accelerator", "h20"] })
        {
            var stderr = Refused("--mfu", [.. args, "--mfu", "1e-300", "--json"]);
            Assert.Contains("[0.001, 1]", stderr, StringComparison.Ordinal);
            Assert.Contains("below 0.1 % the time, energy and cost are absurd", stderr, StringComparison.Ordinal);
        }

        Assert.Equal(0.001, Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--mfu", "0.001", "--json").GetProperty("mfu").GetDouble());
    }

    [Fact]
    public void Stages_are_summed_and_listed()
    {
        // deepseek-v3-h800: pre-training 6 × 37e9 × 14.8e12 / (1,978.9e12 × 0.1731) = 2,664,350 H800-hours; context extension
        // 6 × 37e9 × 125.83e9 / (1,978.9e12 × 0.033) = 118,821; 2,783,171 in all against 2,788,000 published (with 5 K of post-training).
        var json = Json("train", "--preset", "deepseek-v3-h800", "--json");
        var stages = json.GetProperty("stages");
        Assert.Equal(2, stages.GetArrayLength());
        Assert.Equal(2_664_350, stages[0].GetProperty("acceleratorHours").GetDouble(), 1.0);
        Assert.Equal(118_821, stages[1].GetProperty("acceleratorHours").GetDouble(), 1.0);
        Assert.Equal(2_783_171, json.GetProperty("acceleratorHours").GetDouble(), 1.0);
        Assert.Equal(2_788_000, json.GetProperty("published").GetProperty("acceleratorHours").GetDouble());
        Assert.Contains("context extension", Tables("train", "--preset", "deepseek-v3-h800"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llama3-405b-h100", 28_959_084)]
    [InlineData("deepseek-v3-h800", 2_783_171)]
    [InlineData("deepseek-v3-ascend-910c", 4_069_594)]
    public void Training_presets_run(string preset, double acceleratorHours) =>
        Assert.Equal(acceleratorHours, Json("train", "--preset", preset, "--json").GetProperty("acceleratorHours").GetDouble(), 1.0);

    [Fact]
    public void A_scenario_without_a_training_run_points_at_one_that_has_it()
    {
        var stderr = Refused("compute.training", "train", "--preset", "cn-2025-essay");
        Assert.Contains("deepseek-v3-h800", stderr, StringComparison.Ordinal);
        Assert.Contains("deepseek-v3-h800", Refused("--model", "train"), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogs_list_as_json()
    {
        Assert.Equal(9, Json("catalog", "accelerators", "--json").GetProperty("accelerators").GetArrayLength());
        Assert.Equal(6, Json("catalog", "models", "--json").GetProperty("models").GetArrayLength());
        Assert.Equal(7.0809, Json("catalog", "exchange-rates", "--json").GetProperty("rmbPerUsd")[3].GetProperty("rate").GetDouble());
    }

    [Theory]
    [InlineData("--model", "train", "--model", "gpt5")]
    [InlineData("--accelerator", "train", "--model", "llama3-405b", "--accelerator", "tpu", "--count", "8")]
    [InlineData("--count", "train", "--model", "llama3-405b", "--count", "0")]
    [InlineData("--mfu", "train", "--model", "llama3-405b", "--mfu", "1.5")]
    [InlineData("--mfu", "train", "--model", "llama3-405b", "--mfu", "0")]
    [InlineData("--hfu", "train", "--model", "llama3-405b", "--mfu", "0.4", "--hfu", "0.5")]
    [InlineData("--straggler-penalty", "train", "--model", "llama3-405b", "--straggler-penalty", "2")]
    [InlineData("--fx-rmb-per-usd", "train", "--model", "llama3-405b", "--fx-rmb-per-usd", "0")]
    [InlineData("--count", "train", "--model", "mixtral-8x7b", "--accelerator", "h100-sxm", "--tokens", "1e12")]
    [InlineData("--tokens", "train", "--model", "mixtral-8x7b", "--accelerator", "h100-sxm", "--count", "512")]
    [InlineData("--accelerator", "train", "--model", "gpt3-175b")]
    [InlineData("--precision", "train", "--model", "llama3-405b", "--accelerator", "a100-sxm", "--count", "8", "--precision", "fp8")]
    [InlineData("--tokens", "train", "--preset", "deepseek-v3-h800", "--tokens", "1e12")]
    [InlineData("--precision", "train", "--preset", "deepseek-v3-ascend-910c", "--precision", "fp8")]
    [InlineData("--model", "infer", "--model", "nope", "--accelerator", "h100-sxm")]
    [InlineData("--context", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--context", "0")]
    [InlineData("--memory-utilization", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--memory-utilization", "1.5")]
    public void Bad_input_is_exit_2_naming_the_option(string field, params string[] args) => Refused(field, args);

    [Fact]
    public void Bad_usage_is_exit_2_with_the_known_names()
    {
        foreach (var args in new[] { new[] { "infer", "--model", "llama3-405b" }, ["catalog", "gpus"] })
        {
            var (code, stdout, stderr) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Matches(@"^[^\s:]+:\d+:\d+: .+ \(allowed: .+\)", stderr);
        }
    }

    [Fact]
    public void An_unknown_model_lists_every_known_model()
    {
        var (_, _, stderr) = CliRunner.Run("train", "--model", "gpt5");
        Assert.Contains("gpt3-175b, llama2-70b, llama3-405b, mixtral-8x7b, deepseek-v3, bloom-176b", stderr, StringComparison.Ordinal);
    }
}

public class OwnerCostCommandTests
{
    [Fact]
    public void The_owners_cost_recovers_server_capex_at_the_sites_discount_rate()
    {
        // ScenarioText.Valid: rent RMB 300/kW-month, PUE 1.25, RMB 0.63/kWh passed through, discount rate 8 %.
        // H800: (700 + 500) W = 1.2 kW → facility 300 × 1.2 / 730 = 0.493151; power 1.2 × 1.25 × 0.63 = 0.945;
        // server RMB 250,000 × CRF(8 %, 5 y) 0.250456 / 8,760 = 7.147730 (straight line 250,000 / 43,800 = 5.707763, 20 % lower).
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
            var (code, stdout, stderr) = CliRunner.Run("train", path, "--json");
            Assert.True(code == 0, stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal("RMB", json.GetProperty("currency").GetString());
            var owner = json.GetProperty("ownerCost")[0];
            Assert.Equal(0.493151, owner.GetProperty("facilityPerHour").GetDouble(), 1e-6);
            Assert.Equal(0.945, owner.GetProperty("powerPerHour").GetDouble(), 1e-9);
            Assert.Equal(7.147730, owner.GetProperty("serverPerHour").GetDouble(), 1e-6);
            Assert.Equal(5.707763, owner.GetProperty("serverPerHourStraightLine").GetDouble(), 1e-6);
            Assert.Equal(8.585881, owner.GetProperty("totalPerHour").GetDouble(), 1e-6);
            Assert.Equal(8.585881 * json.GetProperty("acceleratorHours").GetDouble(), json.GetProperty("cost").GetDouble(), 1.0);
            Assert.Contains("capital recovery at 8.0% over 5.0 years", json.GetProperty("costBasis").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
