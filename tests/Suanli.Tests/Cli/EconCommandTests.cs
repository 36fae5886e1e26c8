using System.Text.Json;

namespace Suanli.Tests.Cli;

public class EconCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Json_has_every_key_the_interface_promises_as_numbers()
    {
        var json = Json("econ", "--preset", "cn-2025-essay", "--json");
        Assert.Equal("RMB", json.GetProperty("currency").GetString());
        foreach (var key in new[]
        {
            "npv", "irr", "paybackYears", "discountedPaybackYears", "accountingBreakEvenRentPerKwMonth",
            "economicBreakEvenRentPerKwMonth", "breakEvenOccupancy", "stabilisedYearProfit", "pueAtStabilisedOccupancy",
        })
        {
            var kind = json.GetProperty(key).ValueKind;
            Assert.True(kind is JsonValueKind.Number or JsonValueKind.Null, $"{key} is {kind}");
        }

        Assert.Equal(JsonValueKind.Number, json.GetProperty("npv").ValueKind);
        Assert.True(json.TryGetProperty("irrNote", out _));
        var stack = json.GetProperty("costStackPerKwMonth");
        var sum = stack.EnumerateObject().Sum(p => p.Value.GetDouble());
        Assert.Equal(json.GetProperty("accountingBreakEvenRentPerKwMonth").GetDouble(), sum, 1e-9);
        Assert.Equal(22, json.GetProperty("years").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("years")[5].GetProperty("freeCashFlow").ValueKind);
    }

    [Fact]
    public void The_essay_preset_breaks_even_near_260_and_loses_money_at_35_percent_vacancy()
    {
        var json = Json("econ", "--preset", "cn-2025-essay", "--json");
        var breakEven = json.GetProperty("accountingBreakEvenRentPerKwMonth").GetDouble();
        Assert.InRange(breakEven, 260 * 0.9, 260 * 1.1);
        Assert.True(json.GetProperty("stabilisedYearProfit").GetDouble() < 0);
        Assert.Equal(0.65, json.GetProperty("stabilisedOccupancy").GetDouble(), 1e-12);

        // Depreciation is the bulk of the stack: the essay's "construction, depreciation and O&M".
        Assert.True(json.GetProperty("costStackPerKwMonth").GetProperty("depreciation").GetDouble() > 0.6 * breakEven);

        // The NPV is what it is; the economic break-even is beside it and above the accounting one.
        Assert.True(json.GetProperty("economicBreakEvenRentPerKwMonth").GetDouble() > breakEven);
        var claim = json.GetProperty("claims")[0];
        Assert.Equal("C4", claim.GetProperty("id").GetString());
        Assert.Equal(breakEven, claim.GetProperty("computedValue").GetDouble());
    }

    [Fact]
    public void The_essay_preset_makes_a_profit_at_5_percent_vacancy()
    {
        var json = Json("econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0.05", "--json");
        Assert.True(json.GetProperty("stabilisedYearProfit").GetDouble() > 0);
    }

    [Fact]
    public void The_us_preset_is_in_dollars_and_pays_back()
    {
        var json = Json("econ", "--preset", "us-2025", "--json");
        Assert.Equal("USD", json.GetProperty("currency").GetString());
        Assert.True(json.GetProperty("paybackYears").GetDouble() is > 5 and < 20);
        Assert.True(json.GetProperty("irr").GetDouble() > 0);
    }

    [Fact]
    public void No_irr_gives_null_and_the_reason()
    {
        var json = Json("econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=50", "--set", "site.terminalValue=none", "--json");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("irr").ValueKind);
        Assert.StartsWith("no IRR", json.GetProperty("irrNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("breakEvenOccupancy").ValueKind);
    }

    [Fact]
    public void Tables_show_the_summary_the_cost_stack_and_the_years()
    {
        var (code, stdout, _) = CliRunner.Run("econ", "--preset", "cn-2025-essay");
        Assert.Equal(0, code);
        Assert.Contains("Accounting break-even rent", stdout, StringComparison.Ordinal);
        Assert.Contains("Economic break-even rent", stdout, StringComparison.Ordinal);
        Assert.Contains("cost stack", stdout, StringComparison.Ordinal);
        Assert.Contains("Yearly cash flows", stdout, StringComparison.Ordinal);
        Assert.Contains("an accounting loss", stdout, StringComparison.Ordinal);
        Assert.Contains("C4:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);   // no colour codes when redirected
    }

    [Fact]
    public void Inputs_table_shows_every_source()
    {
        var (_, stdout, _) = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--inputs", "--set", "site.vacancy=0.3");
        Assert.Contains("Inputs and their sources", stdout, StringComparison.Ordinal);
        Assert.Contains("PRC Enterprise Income Tax Law", stdout, StringComparison.Ordinal);
        Assert.Contains("--set", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_file_runs_like_a_preset()
    {
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var (_, yaml, _) = CliRunner.Run("presets", "show", "cn-2025-essay");
            var path = Path.Combine(dir.FullName, "copy.yaml");
            File.WriteAllText(path, yaml);
            var fromFile = Json("econ", path, "--json");
            var fromPreset = Json("econ", "--preset", "cn-2025-essay", "--json");
            Assert.Equal(fromPreset.GetProperty("npv").GetDouble(), fromFile.GetProperty("npv").GetDouble());
            Assert.Equal(path, fromFile.GetProperty("origin").GetString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
