using System.Text.Json;

namespace Suanli.Tests.Cli;

public class ComputeCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Train_json_has_the_promised_keys()
    {
        var json = Json("train", "--model", "llama3-405b", "--json");
        foreach (var key in new[] { "trainingFlops", "wallClockDays", "acceleratorHours", "energyMwh", "cost", "powerMw", "brainEquivalentRatio" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        }

        Assert.Equal("USD", json.GetProperty("currency").GetString());
        Assert.InRange(json.GetProperty("acceleratorHours").GetDouble() / 30.84e6, 0.9, 1.1);   // published count, MFU and ETTR
    }

    [Fact]
    public void Flags_override_the_published_configuration()
    {
        var json = Json("train", "--model", "llama2-70b", "--accelerator", "h100-sxm", "--count", "4096", "--mfu", "0.5", "--price-per-hour", "15", "--currency", "RMB", "--json");
        Assert.Equal(8.4e23, json.GetProperty("trainingFlops").GetDouble(), 1e18);
        var seconds = 8.4e23 / (4096 * 989.4e12 * 0.5);
        Assert.Equal(seconds / 86400, json.GetProperty("wallClockDays").GetDouble(), 1e-9);
        Assert.Equal("RMB", json.GetProperty("currency").GetString());
        Assert.Equal(15 * 4096 * seconds / 3600, json.GetProperty("cost").GetDouble(), 1e-3);
    }

    [Fact]
    public void Compare_dense_prints_the_ratio()
    {
        var json = Json("train", "--model", "deepseek-v3", "--compare-dense", "--json");
        Assert.Equal(671.0 / 37, json.GetProperty("denseComparison").GetProperty("computeRatio").GetDouble(), 1e-9);
        var (_, stdout, _) = CliRunner.Run("train", "--model", "deepseek-v3", "--compare-dense");
        Assert.Contains("18.1x less compute", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_trains_a_mixed_fleet()
    {
        var path = Path.Combine(CliRunner.RepoRoot(), "scenarios", "cn-mixed-fleet-deepseek.yaml");
        var json = Json("train", path, "--json");
        Assert.Equal(2, json.GetProperty("fleet").GetArrayLength());
        Assert.Equal("RMB", json.GetProperty("currency").GetString());
    }

    [Fact]
    public void Infer_json_has_the_promised_keys()
    {
        var json = Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--mfu", "0.3", "--json");
        foreach (var key in new[] { "flopsPerToken", "tokensPerSecondPerAccelerator", "energyKwhPerMillionTokens" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        }

        Assert.Equal(2 * 37e9, json.GetProperty("flopsPerToken").GetDouble(), 1);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("costPerMillionTokens").ValueKind);   // no published H20 rental price
        Assert.Equal(JsonValueKind.Number, Json("infer", "--model", "deepseek-v3", "--accelerator", "h20", "--price-per-hour", "1", "--json").GetProperty("costPerMillionTokens").ValueKind);
    }

    [Fact]
    public void Catalogs_list_as_json()
    {
        Assert.Equal(9, Json("catalog", "accelerators", "--json").GetProperty("accelerators").GetArrayLength());
        Assert.Equal(5, Json("catalog", "models", "--json").GetProperty("models").GetArrayLength());
    }

    [Theory]
    [InlineData("train", "--model", "gpt5")]
    [InlineData("train", "--model", "llama3-405b", "--accelerator", "tpu")]
    [InlineData("train", "--model", "llama3-405b", "--count", "0")]
    [InlineData("train", "--model", "llama3-405b", "--mfu", "1.5")]
    [InlineData("train", "--model", "llama3-405b", "--mfu", "0")]
    [InlineData("train", "--model", "mixtral-8x7b", "--accelerator", "h100-sxm", "--count", "512")]
    [InlineData("train", "--model", "gpt3-175b")]
    [InlineData("train", "--model", "llama3-405b", "--accelerator", "a100-sxm", "--count", "8", "--precision", "fp8")]
    [InlineData("infer", "--model", "llama3-405b")]
    [InlineData("infer", "--model", "nope", "--accelerator", "h100-sxm")]
    [InlineData("catalog", "gpus")]
    public void Bad_input_is_exit_2_with_the_known_names(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"^[^\s:]+:\d+:\d+: .+ \(allowed: .+\)", stderr);
    }

    [Fact]
    public void An_unknown_model_lists_every_known_model()
    {
        var (_, _, stderr) = CliRunner.Run("train", "--model", "gpt5");
        Assert.Contains("gpt3-175b, llama2-70b, llama3-405b, mixtral-8x7b, deepseek-v3", stderr, StringComparison.Ordinal);
    }
}

public class OwnerCostCommandTests
{
    [Fact]
    public void A_scenario_with_a_site_prices_accelerator_hours_at_the_owners_cost()
    {
        var yaml = Suanli.Tests.Scenarios.ScenarioText.Valid + """

            compute:
              training:
                model: llama2-70b
                fleet: [{accelerator: h800, count: 1024}]
                mfu: 0.4
                costBasis: siteAccountingBreakEven
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
            var json = System.Text.Json.JsonDocument.Parse(stdout).RootElement;
            Assert.Equal("RMB", json.GetProperty("currency").GetString());

            var site = Suanli.Scenarios.ScenarioLoader.FromFile(path).Scenario!.Site!;
            var h800 = Suanli.Scenarios.ComputeCatalog.BuiltIn.FindAccelerator("h800")!;
            var perHour = Suanli.Core.Compute.OwnerCost.PerAcceleratorHour(site, h800, Suanli.Core.Compute.RentBasis.AccountingBreakEven, 250_000, 5, 1, 500).Total;
            Assert.Equal(perHour * json.GetProperty("acceleratorHours").GetDouble(), json.GetProperty("cost").GetDouble(), 1e-3);
            Assert.Contains("owner's cost", json.GetProperty("costBasis").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
