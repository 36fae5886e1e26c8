using Suanli.Analysis.Compute;
using Suanli.Analysis.Essay;
using Suanli.Analysis.Results;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Tests.Analysis;

public class ComputeAnalysisTests
{
    /// <summary>A scenario that brings its own accelerator and a model whose authors published their run on it.</summary>
    internal const string OwnChipYaml = """
        name: own-chip
        currency: USD
        compute:
          accelerators:
            - {id: my-chip, name: My chip, vendor: Me, peakBf16Tflops: 500, memoryGb: 96, memoryBandwidthTbps: 2, tdpWatts: 500, scaleUpBandwidthGBps: 400, exportControl: none}
          models:
            - {id: my-model, name: My model, architecture: dense, totalParamsBillion: 10, activeParamsBillion: 10, trainingTokensTrillion: 1,
               reportedAccelerator: my-chip, reportedAcceleratorCount: 100, reportedMfu: 0.4, reportedAcceleratorHours: 100000}
          training:
            model: my-model
            fleet: [{accelerator: my-chip, count: 100}]
            mfu: 0.4
            costBasis: pricePerHour
            pricePerAcceleratorHour: 1.5
        """;

    private static TrainResult Train(TrainRequest request)
    {
        var outcome = TrainAnalysis.Evaluate(request);
        Assert.True(outcome.Result is not null, string.Join("; ", outcome.Errors.Select(e => e.Field + ": " + e.Code)));
        return outcome.Result;
    }

    [Fact]
    public void The_published_check_uses_the_scenarios_own_accelerators()
    {
        // Issue 9: the check looked the published accelerator up in the built-in catalog only, so a scenario's own chip
        // was "not in the catalog" and nothing was computed. On my-chip: 6 × 10e9 × 1e12 / (500e12 × 0.4) / 3,600 =
        // 83,333.3 accelerator-hours against the published 100,000 (−16.7 %); 6ND over 100,000 h × 3,600 × 500e12 = 1/3.
        var scenario = ScenarioLoader.FromText(OwnChipYaml, "own-chip.yaml").Scenario!;
        var result = Train(new TrainRequest { Scenario = scenario });
        Assert.Equal(83_333.333, result.Published.ComputedAcceleratorHours!.Value, 1e-3);
        Assert.Equal(-1.0 / 6, result.Published.AcceleratorHoursDeviation!.Value, 1e-9);
        Assert.Equal(1.0 / 3, result.Published.ImpliedUtilisation!.Value, 1e-12);
        Assert.DoesNotContain(result.Findings, f => f.Code == "compute.published.acceleratorNotInCatalog");
        Assert.Contains(result.Findings, f => f.Code == "compute.published.hoursMfuOff");
    }

    [Fact]
    public void Where_the_mfu_comes_from_is_a_code_with_its_figures()
    {
        // MoE FP8 default: DeepSeek-V3's 2.664 M pre-training H800-hours imply 3.2856e24 / (2.664e6 × 3,600 × 1,978.9e12) = 17.31 %.
        var fp8 = Train(new TrainRequest { ModelId = "deepseek-v3", AcceleratorId = "h100-sxm", Count = 2_048, Options = new ComputeOptions { Precision = Precision.Fp8 } });
        Assert.Equal("compute.mfu.defaultFp8", fp8.MfuSource.Code);
        Assert.Equal(0.1731, fp8.MfuSource.Args["implied"].Number!.Value, 1e-4);
        Assert.Equal(ComputeDefaults.Fp8Mfu, fp8.Run.Mfu);

        // Dense FP8 default: NVIDIA's Llama 3.1 405B benchmark, 292 tokens/s per H100: 6 × 405e9 × 292 / 1,978.9e12 = 35.86 %.
        var dense = Train(new TrainRequest { ModelId = "llama3-405b", AcceleratorId = "h800", Count = 16_384, Options = new ComputeOptions { Precision = Precision.Fp8 } });
        Assert.Equal("compute.mfu.defaultDenseFp8", dense.MfuSource.Code);
        Assert.Equal(0.3586, dense.MfuSource.Args["implied"].Number!.Value, 1e-4);
        Assert.Equal(0.36, dense.Run.Mfu);
        Assert.Equal("compute.mfu.published", Train(new TrainRequest { ModelId = "llama3-405b" }).MfuSource.Code);
        Assert.Equal("compute.mfu.given", Train(new TrainRequest { ModelId = "llama3-405b", Options = new ComputeOptions { Mfu = 0.5 } }).MfuSource.Code);
    }

    [Fact]
    public void A_refused_request_is_data_naming_the_option()
    {
        var outcome = TrainAnalysis.Evaluate(new TrainRequest { ModelId = "mixtral-8x7b", AcceleratorId = "h100-sxm", Tokens = 1e12 });
        Assert.Null(outcome.Result);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("--count", "noPublishedCount", RequestError.CommandLine), (error.Field, error.Code, error.Origin));
        Assert.Equal("mixtral-8x7b", error.Args["model"].Text);
    }

    [Fact]
    public void A_price_from_the_scenario_is_a_code_and_the_cost_per_hour_a_metric()
    {
        var scenario = ScenarioLoader.FromText(OwnChipYaml, "own-chip.yaml").Scenario!;
        var result = Train(new TrainRequest { Scenario = scenario });
        Assert.Equal("compute.price.scenario", Assert.Single(result.Prices).Basis.Code);
        var perHour = result.Metrics.Single(m => m.Key == "costPerAcceleratorHour");
        Assert.Equal(1.5, perHour.Value!.Value, 1e-12);
        Assert.Equal(Suanli.Core.Currency.USD, perHour.Currency);
    }

    [Fact]
    public void C8_sizes_its_cluster_with_the_compute_defaults()
    {
        // (700 W TDP × 1 + 500 W host) × PUE 1.25 = 1,500 W per H100; × 100,000 = 150 MW, 7.5 million brains of 20 W.
        var h100 = ComputeCatalog.BuiltIn.FindAccelerator("h100-sxm")!;
        Assert.Equal(1_500, ComputeDefaults.WattsPerAccelerator(h100), 1e-9);
        var c8 = EssayAnalysis.Evaluate(new EssayOptions(["C8"])).Claims.Single();
        Assert.Equal(150, c8.Figures.Single(f => f.Key == "clusterMw").Value!.Value, 1e-9);
        Assert.Equal(7.5e6, c8.Figures.Single(f => f.Key == "clusterBrains").Value!.Value, 1e-3);
    }

    [Fact]
    public void C6_shows_deepseek_v3_on_h800_and_on_ascend_from_the_training_presets()
    {
        // The presets' figures (ComputeCommandTests.Training_presets_run): 2,783,171 H800-hours on 2,048 H800 = 56.62 days;
        // 4,069,594 Ascend-hours on 2,048 910C = 82.80 days; 4,069,594 / 2,783,171 = 1.462.
        var c6 = EssayAnalysis.Evaluate(new EssayOptions(["C6"])).Claims.Single();
        double Figure(string key) => c6.Figures.Single(f => f.Key == key).Value!.Value;
        Assert.Equal(2_783_171, Figure("deepseekV3H800AcceleratorHours"), 1.0);
        Assert.Equal(2_783_171 / 2048.0 / 24, Figure("deepseekV3H800WallClockDays"), 1e-3);
        Assert.Equal(4_069_594, Figure("deepseekV3Ascend910cAcceleratorHours"), 1.0);
        Assert.Equal(4_069_594 / 2048.0 / 24, Figure("deepseekV3Ascend910cWallClockDays"), 1e-3);
        Assert.Equal(1.4622, Figure("ascendToH800AcceleratorHoursRatio"), 1e-4);
        Assert.Contains(c6.Findings, f => f.Code == "essay.C6.domesticTraining");
        // The share of training on Nvidia is a market figure: not yet computable until the market engine exists; the
        // evidence is still set beside the essay's figure.
        // The supply mix now comes from the market presets: the essay's 80 % against IDC's 55 % and rmnews360's 50 % of
        // accelerators shipped in 2025, a different measure from the essay's share of training: mixed.
        Assert.Equal(Verdict.Mixed, c6.Verdict);
        var mix = c6.Tests.Single(t => t.Key == "supplyMix");
        Assert.True(mix.Primary);
        Assert.Equal("essay.C6.shipmentsBelow", mix.Reason.Code);
        Assert.Equal(0.8, c6.Figures.Single(f => f.Key == "essayNvidiaShare").Value!.Value, 9);
        Assert.Equal(0.50, mix.Reason.Args["low"].Number!.Value, 9);
        Assert.Equal(0.55, mix.Reason.Args["high"].Number!.Value, 9);
        Assert.Contains(c6.Tests, t => t.Key == "evidence" && t.Verdict == Verdict.Mixed);
        Assert.Contains(ScenarioLoader.PresetOrigin("deepseek-v3-ascend-910c"), c6.Inputs.Keys);

        // In compute, not cards: IDC 2025's 55 % Nvidia cards as the H20 (148 TFLOPS) are 81.4 of 218.97 PF = 37.2 % of the peak.
        var compute = c6.Findings.Single(f => f.Code == "essay.C6.computeShare");
        Assert.Equal(0.55, compute.Args["cards"].Number!.Value, 9);
        Assert.Equal(81.4 / 218.97, compute.Args["compute"].Number!.Value, 9);
    }

    [Fact]
    public void The_catalog_check_uses_the_catalog_it_is_given()
    {
        var scenario = ScenarioLoader.FromText(OwnChipYaml, "own-chip.yaml").Scenario!;
        var own = CatalogAnalysis.Models(scenario.Compute!.Catalog).Models.Single(m => m.Model.Id == "my-model");
        Assert.Equal(83_333.333, own.Check.ComputedAcceleratorHours!.Value, 1e-3);
        Assert.Null(PublishedCheck.For(own.Model, ComputeCatalog.BuiltIn).ComputedAcceleratorHours);
    }
}
