using System.Text.Json;
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
        Assert.Equal(JsonValueKind.Null, json.GetProperty("training").GetProperty("stepTimeEfficiency").ValueKind);
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
    [InlineData("layout.scaleExponent=1.2", DiagnosticCodes.OutOfRange)]
    [InlineData("layout.units=0", DiagnosticCodes.OutOfRange)]
    [InlineData("layout.totalItMw=-200", DiagnosticCodes.OutOfRange)]
    [InlineData("layout.distributed.interSiteDistanceKm=0", DiagnosticCodes.Inconsistent)]
    [InlineData("layout.sharedComponents=[building, building]", DiagnosticCodes.Inconsistent)]
    [InlineData("layout.sharedComponents=[roof]", DiagnosticCodes.UnknownChoice)]
    [InlineData("layout.campus.designPue=0.9", DiagnosticCodes.OutOfRange)]
    public void Bad_layout_inputs_are_errors(string set, string code)
    {
        var result = ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", [set]);
        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("layout", "--preset", "cn-2025-essay")]
    [InlineData("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "0")]
    [InlineData("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "1.5")]
    [InlineData("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "rent")]
    public void Bad_input_is_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"^[^\s:]+:\d+:\d+: ", stderr);
    }

    [Fact]
    public void The_tables_show_where_the_saving_comes_from()
    {
        var (code, stdout, _) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites");
        Assert.Equal(0, code);
        Assert.Contains("Where the campus saves", stdout, StringComparison.Ordinal);
        Assert.Contains("shared plant", stdout, StringComparison.Ordinal);
        Assert.Contains("not available yet", stdout, StringComparison.Ordinal);
    }
}
