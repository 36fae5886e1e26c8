using System.Text.Json;
using Suanli.Scenarios;

namespace Suanli.Tests.Cli;

public class PresetsCommandTests
{
    [Fact]
    public void List_names_every_preset_with_its_currency()
    {
        var (code, stdout, _) = CliRunner.Run("presets", "list", "--json");
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("name").GetString() == "cn-2025-essay" && r.GetProperty("currency").GetString() == "RMB");
        Assert.Contains(rows, r => r.GetProperty("name").GetString() == "us-2025" && r.GetProperty("currency").GetString() == "USD");
    }

    [Fact]
    public void Show_prints_the_yaml_that_runs()
    {
        var (code, stdout, _) = CliRunner.Run("presets", "show", "us-2025");
        Assert.Equal(0, code);
        Assert.Equal(Presets.Text("us-2025"), stdout);
        Assert.Contains("source:", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cn-2025-essay")]
    [InlineData("us-2025")]
    public void Every_preset_loads_and_every_value_has_a_source(string name)
    {
        var result = ScenarioLoader.FromPreset(name);
        Assert.Empty(result.Diagnostics);
        var missing = result.Scenario!.Inputs
            .Where(i => i.Path.StartsWith("site.", StringComparison.Ordinal))
            .Where(i => i.Origin == Suanli.Scenarios.Binding.InputOrigin.File && string.IsNullOrWhiteSpace(i.Source))
            .Select(i => i.Path)
            .ToList();
        Assert.True(missing.Count == 0, "values without a source: " + string.Join(", ", missing));
    }
}
