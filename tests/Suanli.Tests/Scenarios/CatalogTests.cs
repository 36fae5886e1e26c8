using Suanli.Scenarios;

namespace Suanli.Tests.Scenarios;

public class CatalogTests
{
    private static readonly ComputeCatalog Catalog = ComputeCatalog.BuiltIn;

    [Fact]
    public void The_catalog_has_every_accelerator_and_model_the_interface_names()
    {
        Assert.Equal(["a100-sxm", "h100-sxm", "h800", "h20", "h200", "b200", "ascend-910b", "ascend-910c", "mlu590"], Catalog.Accelerators.Keys);
        Assert.Equal(["gpt3-175b", "llama2-70b", "llama3-405b", "mixtral-8x7b", "deepseek-v3"], Catalog.Models.Keys);
    }

    [Fact]
    public void Every_numeric_catalog_value_has_a_source()
    {
        var numeric = Catalog.Inputs.Where(i => double.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
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
        // TPP = dense TOPS × 16: H100 and H800 above the 4,800 line, H20 below it.
        Assert.True(Catalog.FindAccelerator("h800")!.TotalProcessingPerformance >= 4800);
        Assert.True(Catalog.FindAccelerator("h20")!.TotalProcessingPerformance < 4800);
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
    [InlineData("compute.training.mfu=1.2", "outside (0, 1]")]
    [InlineData("compute.training.mfu=0", "outside (0, 1]")]
    [InlineData("compute.training.costBasis=siteRent", "has none")]
    public void Bad_compute_inputs_are_errors(string set, string message)
    {
        var path = Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");
        var result = ScenarioLoader.FromFile(path, [set]);
        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal) && (d.Allowed?.Length ?? 0) > 0);
    }

    [Fact]
    public void An_unknown_model_lists_the_known_ones()
    {
        var path = Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");
        var d = ScenarioLoader.FromFile(path, ["compute.training.model=gpt5"]).Diagnostics.Single();
        Assert.Equal("gpt3-175b, llama2-70b, llama3-405b, mixtral-8x7b, deepseek-v3", d.Allowed);
    }
}
