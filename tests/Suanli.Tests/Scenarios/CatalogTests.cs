using Suanli.Scenarios;

namespace Suanli.Tests.Scenarios;

public class CatalogTests
{
    private static readonly ComputeCatalog Catalog = ComputeCatalog.BuiltIn;

    [Fact]
    public void The_catalog_has_every_accelerator_and_model_the_interface_names()
    {
        Assert.Equal(["a100-sxm", "h100-sxm", "h800", "h20", "h200", "b200", "ascend-910b", "ascend-910c", "mlu590"], Catalog.Accelerators.Keys);
        Assert.Equal(["gpt3-175b", "llama2-70b", "llama3-405b", "mixtral-8x7b", "deepseek-v3", "bloom-176b"], Catalog.Models.Keys);
    }

    [Fact]
    public void Every_numeric_catalog_value_has_a_source()
    {
        // Exchange-rate years are labels of their rates, not figures.
        var numeric = Catalog.Inputs.Where(i => double.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Where(i => !(i.Path.StartsWith("rmbPerUsd[", StringComparison.Ordinal) && i.Path.EndsWith(".year", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(numeric);
        var missing = numeric.Where(i => string.IsNullOrWhiteSpace(i.Source)).Select(i => i.Path).ToList();
        Assert.True(missing.Count == 0, "without a source: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("gpt3-175b")]
    [InlineData("llama3-405b")]
    public void Six_n_d_matches_published_flops_within_ten_percent(string id)
    {
        var m = Catalog.FindModel(id)!;
        var flops = 6 * m.ActiveParamsBillion * 1e9 * m.TrainingTokensTrillion!.Value * 1e12;
        Assert.InRange(flops / m.ReportedTrainingFlops!.Value, 0.9, 1.1);
    }

    [Fact]
    public void Published_count_mfu_and_ettr_give_the_published_accelerator_hours_within_ten_percent()
    {
        var m = Catalog.FindModel("llama3-405b")!;
        var h100 = Catalog.FindAccelerator(m.ReportedAccelerator!)!;
        var flops = 6 * m.ActiveParamsBillion * 1e9 * m.TrainingTokensTrillion!.Value * 1e12;
        var hours = flops / (h100.PeakBf16Tflops * 1e12 * m.ReportedMfu!.Value * m.ReportedEttr!.Value) / 3600;
        Assert.InRange(hours / m.ReportedAcceleratorHours!.Value, 0.9, 1.1);
    }

    [Fact]
    public void Deepseeks_published_cost_is_its_hours_at_two_dollars()
    {
        var m = Catalog.FindModel("deepseek-v3")!;
        var h800 = Catalog.FindAccelerator("h800")!;
        Assert.Equal(m.ReportedCost!.Value.Amount, m.ReportedAcceleratorHours!.Value * h800.RentalPricePerHour!.Value.Amount, 1e-6);
    }

    [Fact]
    public void The_export_control_thresholds_sort_the_chips()
    {
        // TPP = 2 × MacTOPS × bit length = dense TFLOPS × bits, the highest over the precisions: H100 and H800 above
        // the 4,800 line, H20 below it.
        Assert.True(Catalog.FindAccelerator("h800")!.TotalProcessingPerformance >= 4800);
        Assert.True(Catalog.FindAccelerator("h20")!.TotalProcessingPerformance < 4800);
    }

    [Fact]
    public void Chips_of_the_same_throughput_have_the_same_tpp()
    {
        // H100 SXM and H800 are one GH100 die at one clock: 1,978.9 FP8 TFLOPS × 8 = 15,831.2 for both (the old catalog
        // gave 15,830 and 15,824 from 989.4 and 989 BF16 TFLOPS). A100: 312 × 16 = 4,992; H20: 296 × 8 = 148 × 16 = 2,368.
        Assert.Equal(15_831.2, Catalog.FindAccelerator("h100-sxm")!.TotalProcessingPerformance, 1e-9);
        Assert.Equal(15_831.2, Catalog.FindAccelerator("h800")!.TotalProcessingPerformance, 1e-9);
        Assert.Equal(4_992, Catalog.FindAccelerator("a100-sxm")!.TotalProcessingPerformance, 1e-9);
        Assert.Equal(2_368, Catalog.FindAccelerator("h20")!.TotalProcessingPerformance, 1e-9);
    }

    [Fact]
    public void Deepseeks_note_and_implied_utilisation_agree()
    {
        // 6 × 37e9 × 14.8e12 = 3.2856e24 FLOP over the 2,664 K pre-training H800-hours: 34.63 % of 989.4 TFLOPS BF16,
        // 17.31 % of 1,978.9 TFLOPS FP8. The old note said ~35 % while the column divided by all 2,788 K hours (33.1 %).
        var m = Catalog.FindModel("deepseek-v3")!;
        var check = Suanli.Analysis.Compute.PublishedCheck.For(m, Catalog);
        Assert.Equal(0.3463, check.ImpliedUtilisation!.Value, 1e-4);
        Assert.Equal(0.1731, check.ImpliedUtilisationOfReportedPeak!.Value, 1e-4);
        Assert.Equal(2_664_000, check.HoursCovered);
        Assert.DoesNotMatch(@"\d+(\.\d+)?%", m.ReportedNote!);                 // figures in the note are computed, not typed
        var words = Suanli.Reports.Words.For(Suanli.Reports.Language.En);
        Assert.Contains("34.6% of BF16 peak = 17.3% of the FP8 peak", string.Join(" ", check.Findings.Select(words.Finding)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fp8_default_mfu_is_deepseeks_published_rate()
    {
        var check = Suanli.Analysis.Compute.PublishedCheck.For(Catalog.FindModel("deepseek-v3")!, Catalog);
        Assert.Equal(Suanli.Analysis.Compute.ComputeDefaults.Fp8Mfu, check.ImpliedUtilisationOfReportedPeak!.Value, 0.005);
    }

    [Fact]
    public void A_published_hfu_is_converted_to_mfu_before_computing_hours()
    {
        // BLOOM: 50 % HFU with full recomputation = 37.5 % MFU → 6ND / (312e12 × 0.375) = 918,895 A100-hours (−15.2 % of
        // the published 1,082,990); read as MFU the 50 % would give 689,171 (−36.4 %).
        var check = Suanli.Analysis.Compute.PublishedCheck.For(Catalog.FindModel("bloom-176b")!, Catalog);
        Assert.Equal(0.375, check.PublishedMfu!.Value, 1e-12);
        Assert.Equal(0.5, check.PublishedHfu!.Value, 1e-12);
        Assert.Equal(918_895, check.ComputedAcceleratorHours!.Value, 1.0);
        Assert.Equal(-0.1515, check.AcceleratorHoursDeviation!.Value, 1e-4);
    }

    [Fact]
    public void The_exchange_rates_are_the_federal_reserves_annual_averages()
    {
        // Federal Reserve G.5A (1 Feb 2024): China yuan per USD 2020 6.9042, 2021 6.4508, 2022 6.7290, 2023 7.0809.
        Assert.Equal(6.9042, Catalog.RmbPerUsdByYear[2020]);
        Assert.Equal(6.4508, Catalog.RmbPerUsdByYear[2021]);
        Assert.Equal(6.7290, Catalog.RmbPerUsdByYear[2022]);
        Assert.Equal(7.0809, Catalog.RmbPerUsdByYear[2023]);
        Assert.All(Catalog.RmbPerUsdByYear.Keys, y => Assert.False(string.IsNullOrWhiteSpace(Catalog.ExchangeRateSource(y))));
    }

    [Fact]
    public void A_scenario_can_bring_its_own_accelerator_and_model()
    {
        var yaml = """
            name: own
            currency: USD
            compute:
              accelerators:
                - {id: my-chip, name: My chip, vendor: Me, peakBf16Tflops: 500, memoryGb: 96, memoryBandwidthTbps: 2, tdpWatts: 500, scaleUpBandwidthGBps: 400, exportControl: none}
              models:
                - {id: my-model, name: My model, architecture: dense, totalParamsBillion: 10, activeParamsBillion: 10, trainingTokensTrillion: 1}
              training:
                model: my-model
                fleet: [{accelerator: my-chip, count: 100}]
                mfu: 0.4
                costBasis: pricePerHour
                pricePerAcceleratorHour: 1.5
            """;
        var result = ScenarioLoader.FromText(yaml, "own.yaml");
        Assert.Empty(result.Diagnostics);
        var training = result.Scenario!.Compute!.Training!;
        Assert.Equal("my-chip", training.Fleet[0].Accelerator.Id);
        Assert.Equal(1e12, training.Tokens);
    }

    [Theory]
    [InlineData("compute.training.model=gpt5", "unknown model 'gpt5'")]
    [InlineData("compute.training.fleet[0].accelerator=tpu-v9", "unknown accelerator 'tpu-v9'")]
    [InlineData("compute.training.fleet[0].count=0", "outside [1, 100000000]")]
    [InlineData("compute.training.mfu=1.2", "outside [0.001, 1]")]
    [InlineData("compute.training.mfu=0", "outside [0.001, 1]")]
    [InlineData("compute.training.mfu=0.0005", "outside [0.001, 1]")]
    [InlineData("compute.training.costBasis=siteRent", "has none")]
    [InlineData("compute.training.stragglerPenalty=1.5", "outside [0, 1]")]
    [InlineData("compute.training.recompute=sometimes", "sometimes")]
    [InlineData("compute.priceYear=2019", "no annual average exchange rate for 2019")]
    [InlineData("compute.fxRmbPerUsd=0", "outside [1, 20]")]
    [InlineData("compute.fxRmbPerUsd=1e-305", "outside [1, 20]")]
    [InlineData("compute.fxRmbPerUsd=0.14", "outside [1, 20]")]
    [InlineData("compute.fxRmbPerUsd=21", "outside [1, 20]")]
    public void Bad_compute_inputs_are_errors(string set, string message)
    {
        var path = Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");
        var result = ScenarioLoader.FromFile(path, [set]);
        Assert.Null(result.Scenario);
        var field = set[..set.IndexOf('=', StringComparison.Ordinal)];
        Assert.Contains(result.Diagnostics, d => d.Path == field && d.Message.Contains(message, StringComparison.Ordinal) && (d.Allowed?.Length ?? 0) > 0);
    }

    [Theory]
    [InlineData("compute.training.stages[0].mfu=0", "compute.training.stages[0].mfu")]
    [InlineData("compute.training.stages[1].precision=fp8", "compute.training.stages[1].precision")]   // the --set that asked for FP8 on a chip without it
    [InlineData("compute.training.stages[0].recompute=selective", null)]
    public void Bad_stage_inputs_name_the_stage(string set, string? field)
    {
        var result = ScenarioLoader.FromPreset("deepseek-v3-ascend-910c", [set]);
        if (field is null)
        {
            Assert.Empty(result.Diagnostics);                                 // DeepSeek-V3 has layers, width and sequence length
            return;
        }

        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.Path == field);
    }

    [Theory]
    [InlineData("llama3-405b-h100")]
    [InlineData("deepseek-v3-h800")]
    [InlineData("deepseek-v3-ascend-910c")]
    public void Training_presets_load_and_every_value_has_a_source(string name)
    {
        var result = ScenarioLoader.FromPreset(name);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Scenario!.Compute!.Training);
        var missing = result.Scenario.Inputs
            .Where(i => i.Path.StartsWith("compute.", StringComparison.Ordinal) && i.Origin == Suanli.Scenarios.Binding.InputOrigin.File)
            .Where(i => double.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out _) && string.IsNullOrWhiteSpace(i.Source))
            .Select(i => i.Path)
            .ToList();
        Assert.True(missing.Count == 0, "values without a source: " + string.Join(", ", missing));
    }

    [Fact]
    public void Stages_and_run_tokens_do_not_go_together()
    {
        var result = ScenarioLoader.FromPreset("deepseek-v3-h800", ["compute.training.tokens=1e12"]);
        Assert.Contains(result.Diagnostics, d => d.Path == "compute.training.tokens" && d.Message.Contains("each stage", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_model_lists_the_known_ones()
    {
        var path = Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");
        var d = ScenarioLoader.FromFile(path, ["compute.training.model=gpt5"]).Diagnostics.Single();
        Assert.Equal("gpt3-175b, llama2-70b, llama3-405b, mixtral-8x7b, deepseek-v3, bloom-176b", d.Allowed);
    }
}
