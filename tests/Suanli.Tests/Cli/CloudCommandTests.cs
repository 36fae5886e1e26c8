using System.Globalization;
using System.Text.Json;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli cloud</c> (issue 12): the two presets, the JSON keys of the issue, the published prices, and refusals.</summary>
public class CloudCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Theory]
    [InlineData("us-h100-cloud", "USD")]
    [InlineData("cn-h800-cloud", "RMB")]
    public void Json_carries_every_key_of_the_issue(string preset, string currency)
    {
        var json = Json("cloud", "--preset", preset);
        Assert.Equal(currency, json.GetProperty("currency").GetString());
        foreach (var key in new[] { "npv", "irr", "paybackYears", "breakEvenPricePerAcceleratorHour", "breakEvenUtilisation", "costStackPerAcceleratorHour" })
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        var stack = json.GetProperty("costStackPerAcceleratorHour");
        var parts = new[] { "servers", "network", "facility", "power", "staff", "maintenance" }.Sum(k => stack.GetProperty(k).GetDouble());
        Assert.Equal(stack.GetProperty("total").GetDouble(), parts, 9);
    }

    [Fact]
    public void The_china_cloud_sets_its_break_even_beside_the_published_prices()
    {
        var json = Json("cloud", "--preset", "cn-h800-cloud");
        var breakEven = json.GetProperty("breakEvenPricePerAcceleratorHour").GetDouble();
        var prices = json.GetProperty("marketPrices").EnumerateArray().ToList();
        Assert.Equal(3, prices.Count);
        Assert.All(prices, p => Assert.Equal(p.GetProperty("pricePerHour").GetDouble() - breakEven, p.GetProperty("marginOverBreakEven").GetDouble(), 9));

        // The NPV at each price has the sign of its margin: above the break-even creates value, below destroys it.
        Assert.All(prices, p => Assert.Equal(Math.Sign(p.GetProperty("marginOverBreakEven").GetDouble()), Math.Sign(p.GetProperty("npv").GetDouble())));
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "cloud.barred");

        // The housing is the essay's site at its rent, with power billed on top at its price.
        var housing = json.GetProperty("housing");
        Assert.Equal("cn-2025-essay", housing.GetProperty("sitePreset").GetString());
        Assert.Equal(300, housing.GetProperty("rentPerKwMonth").GetDouble(), 9);
        Assert.Equal(0.63, housing.GetProperty("electricityPricePerKwh").GetDouble(), 9);
    }

    [Fact]
    public void Solve_and_the_cloud_agree_on_the_break_even_price()
    {
        var cloud = Json("cloud", "--preset", "us-h100-cloud");
        var solved = Json("solve", "--preset", "us-h100-cloud", "--target", "npv=0", "--vary", "cloud.pricePerHour");
        var breakEven = cloud.GetProperty("breakEvenPricePerAcceleratorHour").GetDouble();
        Assert.Equal(breakEven, solved.GetProperty("value").GetDouble(), breakEven * 1e-8);

        // At the break-even utilisation (when one exists) the NPV is zero.
        var cheap = Json("cloud", "--preset", "us-h100-cloud", "--set", "cloud.pricePerHour=4.5");
        var use = cheap.GetProperty("breakEvenUtilisation").GetDouble();
        var at = Json("cloud", "--preset", "us-h100-cloud", "--set", "cloud.pricePerHour=4.5", "--set", "cloud.stabilisedUtilisation=" + use.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(0, at.GetProperty("npv").GetDouble(), 1e-3 * Math.Abs(cheap.GetProperty("fleet").GetProperty("capex").GetDouble()));
    }

    [Theory]
    [InlineData("cloud.colocationRentPerKwMonth=150", "cloud.sitePreset: the cloud has both a sitePreset and a colocationRentPerKwMonth")]
    [InlineData("cloud.sitePreset=us-2025", "cloud.sitePreset: the site preset us-2025 is in USD, the cloud in RMB")]
    [InlineData("cloud.sitePreset=llama3-405b-h100", "cloud.sitePreset")]
    [InlineData("cloud.accelerator=h999", "cloud.accelerator")]
    [InlineData("cloud.serverPrice=12", "cloud.serverPrice")]
    [InlineData("cloud.stabilisedUtilisation=0", "cloud.stabilisedUtilisation")]
    [InlineData("cloud.marketPrices[0].label= ", "cloud.marketPrices[0].label: the text is empty")]
    public void Bad_input_is_exit_2_naming_the_field(string set, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("cloud", "--preset", "cn-h800-cloud", "--set", set);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
    }
}

/// <summary>A cloud housed in colocation rather than at a site preset.</summary>
public class CloudColocationTests
{
    [Fact]
    public void Colocation_rent_power_and_pue_are_the_ones_given()
    {
        var text = Suanli.Scenarios.Presets.Text("us-h100-cloud")!;
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith("sitePreset:", StringComparison.Ordinal) && !l.TrimStart().StartsWith("rentBasis:", StringComparison.Ordinal));
        var yaml = string.Join('\n', lines).Replace("cloud:\n", "cloud:\n  colocationRentPerKwMonth: 150\n  electricityPricePerKwh: 0.08\n  pue: 1.4\n", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"suanli-colo-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("cloud", path, "--json");
            Assert.True(code == 0, stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            var housing = json.GetProperty("housing");
            Assert.Equal(JsonValueKind.Null, housing.GetProperty("sitePreset").ValueKind);
            Assert.Equal(150, housing.GetProperty("rentPerKwMonth").GetDouble());

            // Facility per sold hour: 150 × 1.2 kW × 1,024 ÷ (1,024 × 730 × 0.8) = 0.308219.
            Assert.Equal(150 * 1.2 / (730 * 0.8), json.GetProperty("costStackPerAcceleratorHour").GetProperty("facility").GetDouble(), 9);

            // Power per sold hour: 1.2 kW × (0.3 + 0.7 × 0.8) × 730 × 1.4 × 0.08 ÷ (730 × 0.8) = 0.14448.
            Assert.Equal(1.2 * (0.3 + (0.7 * 0.8)) * 1.4 * 0.08 / 0.8, json.GetProperty("costStackPerAcceleratorHour").GetProperty("power").GetDouble(), 9);

            // Colocation without a PUE is refused.
            File.WriteAllText(path, yaml.Replace("  pue: 1.4\n", string.Empty, StringComparison.Ordinal));
            var (missing, _, missingError) = CliRunner.Run("cloud", path);
            Assert.Equal(2, missing);
            Assert.Contains("cloud.pue: colocation needs pue", CliRunner.Flat(missingError), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
