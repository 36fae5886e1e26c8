using System.Text.Json;
using Suanli.Scenarios;

namespace Suanli.Tests.Cli;

/// <summary>
/// <c>suanli market</c>, issue 11's second slice: GPU-server payback against the compute engine's owner's cost, the compute of a
/// chip mix with its export-control classes, the illustrative projection, and Chinese money and country names.
/// </summary>
public class MarketModelCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static JsonElement Server(JsonElement json, string name) =>
        json.GetProperty("gpuServerPayback").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    [Fact]
    public void A_us_h100_server_pays_back_by_hand_from_the_sites_owner_cost()
    {
        // us-2025: 700 W + 500 W host = 1.2 kW; facility 184.06 × 1.2 ÷ 730 = 0.302564; power 1.2 × PUE 1.3 × 0.086 = 0.134160;
        // cash 0.436724 USD/h. At USD 2.99 (Oct 2024) held level, fully rented: margin 2.553276 × 8,760 = 22,366.69; 50,000 ÷ 22,366.69 = 2.2355 years.
        var json = Json("market", "--preset", "cn-us-2025-evidence", "--set", "market.gpuServers[0].priceChangePerYear=0");
        var us = Server(json, "8x H100 server, US");
        Assert.Equal("USD", us.GetProperty("currency").GetString());
        Assert.Equal(0.302564, us.GetProperty("costPerHour").GetProperty("facility").GetDouble(), 6);
        Assert.Equal(0.134160, us.GetProperty("costPerHour").GetProperty("power").GetDouble(), 6);
        var oct2024 = us.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "Oct 2024");
        Assert.True(oct2024.GetProperty("inYearCompared").GetBoolean());
        Assert.Equal(2.553276, oct2024.GetProperty("marginPerHour").GetDouble(), 6);
        Assert.Equal(2.23547, oct2024.GetProperty("paybackYears").GetDouble(), 5);
    }

    [Fact]
    public void The_payback_agrees_with_the_published_rules_of_thumb()
    {
        var json = Json("market", "--preset", "cn-us-2025-evidence");

        // The US server's price falls 12.9 % a year (Latent Space's blended path): at the Oct 2025 low of USD 1.70 it never pays back.
        var us = Server(json, "8x H100 server, US");
        Assert.Equal(-0.129, us.GetProperty("priceChangePerYear").GetDouble(), 12);
        var oct2025 = us.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "Oct 2025");
        Assert.Equal(JsonValueKind.Null, oct2025.GetProperty("paybackYears").ValueKind);

        // Tianfeng Securities (Apr 2025): an 8×H100 server rented at RMB 70 k a month pays back in "about 3 years". At 70,000 ÷ 5,840
        // = 11.99 RMB/h, RMB 2.7 M per server and the essay's site (cash 1.385 RMB/h): 337,500 ÷ ((11.99 − 1.385) × 8,760) = 3.63 years.
        var cn = Server(json, "8x H100 server, China");
        var broker = cn.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("period").GetString()!.Contains("broker", StringComparison.Ordinal));
        Assert.Equal(3.633, broker.GetProperty("paybackYears").GetDouble(), 3);
        Assert.InRange(broker.GetProperty("paybackYears").GetDouble(), 2.5, 4);
    }

    [Fact]
    public void A_price_that_does_not_pay_back_is_never_and_says_what_would()
    {
        // Capex 200,000 USD per accelerator: at 1.70 (margin 1.263 × 8,760 = 11,066 a year) it takes 18 years, beyond 5.
        var json = Json("market", "--preset", "cn-us-2025-evidence", "--year", "2025", "--set", "market.rmbPerUsd=7.18",
            "--set", "market.gpuServers[0].serverCapexPerAccelerator=200000");
        var oct2025 = Server(json, "8x H100 server, US").GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "Oct 2025");
        Assert.Equal(JsonValueKind.Null, oct2025.GetProperty("paybackYears").ValueKind);
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "market.gpuServer.never");
    }

    [Fact]
    public void The_chip_mix_becomes_compute_with_its_export_control_classes()
    {
        // IDC 2025 per 1,000 cards: Nvidia 0.55 × H20 148 = 81.4 PF, other domestic 0.207 × MLU590 390 = 80.73, Huawei 0.203 × 910B 280
        // = 56.84: 218.97 PF; 55 % of the cards are 81.4 ÷ 218.97 = 37.2 % of the compute, all on the licensed H20.
        var json = Json("market", "--preset", "cn-us-2025-evidence");
        var idc = json.GetProperty("chipMix").EnumerateArray().Single(s => s.GetProperty("estimate").GetString() == "IDC 2025 shipments");
        var compute = idc.GetProperty("compute");
        Assert.Equal(218.97, compute.GetProperty("peakPflops").GetDouble(), 9);
        Assert.Equal(218.97 / 0.9894, compute.GetProperty("referenceEquivalents").GetDouble(), 6);
        Assert.Equal(0.96, compute.GetProperty("coveredShare").GetDouble(), 12);
        Assert.Equal(81.4 / 218.97, compute.GetProperty("computeShareByAccess").GetProperty("licence").GetDouble(), 12);
        Assert.Equal(1 - (81.4 / 218.97), compute.GetProperty("withoutLicensed").GetDouble(), 12);
        var nvidia = compute.GetProperty("byVendor").EnumerateArray().Single(v => v.GetProperty("vendor").GetString() == "Nvidia");
        Assert.Equal("h20", nvidia.GetProperty("accelerator").GetString());
        Assert.Equal(2368, nvidia.GetProperty("totalProcessingPerformance").GetDouble(), 9);
        Assert.False(nvidia.GetProperty("atOrAboveTpp4800").GetBoolean());
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "market.chipCompute.partial");

        // A split without chips has no compute; an MFU gives the delivered FLOP a year.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("chipMix")[0].GetProperty("compute").ValueKind);
        var delivered = Json("market", "--preset", "cn-us-2025-evidence", "--set", "market.chipCompute.mfu=0.4").GetProperty("chipMix").EnumerateArray()
            .Single(s => s.GetProperty("estimate").GetString() == "IDC 2025 shipments").GetProperty("compute");
        Assert.Equal(218.97e15 * 0.4 * 8760 * 3600, delivered.GetProperty("deliveredFlopPerYear").GetDouble(), 1e12);
    }

    [Fact]
    public void The_projection_is_labelled_illustrative_and_computed_from_the_essays_start()
    {
        // From the essay's 2025: capacity 1 → 1.3, demand 0.65 → 0.78: vacancy 1 − 0.78 ÷ 1.3 = 40 %; rent 300 × (1 + (0.10 − 0.35)) = 225.
        var json = Json("market", "--preset", "cn-us-2025-essay");
        var projection = json.GetProperty("projection");
        Assert.True(projection.GetProperty("illustrative").GetBoolean());
        Assert.Equal("data", projection.GetProperty("startVacancySource").GetString());
        Assert.Equal(2025, projection.GetProperty("startYear").GetInt32());
        var rows = projection.GetProperty("rows");
        Assert.Equal(6, rows.GetArrayLength());
        Assert.Equal(0.40, rows[1].GetProperty("vacancy").GetDouble(), 12);
        Assert.Equal(225, rows[1].GetProperty("rentPerKwMonth").GetDouble(), 9);
        Assert.Equal(135, rows[1].GetProperty("revenuePerBuiltKwMonth").GetDouble(), 9);
        var codes = json.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToList();
        Assert.Contains("market.projection.illustrative", codes);

        // The start year's 195 (300 × 0.65) is already below the essay site's 276.2 accounting break-even.
        Assert.Contains("market.projection.belowBreakEven", codes);

        // A start the user gives is said to be an input.
        var given = Json("market", "--preset", "cn-us-2025-essay", "--set", "market.projection.startVacancy=0.1").GetProperty("projection");
        Assert.Equal("input", given.GetProperty("startVacancySource").GetString());
        Assert.Equal(300, given.GetProperty("rows")[1].GetProperty("rentPerKwMonth").GetDouble(), 9);
    }

    [Theory]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].rental=H999", "market.gpuServers[0].rental: no market.gpuRental row of US is named H999")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].accelerator=h999", "market.gpuServers[0].accelerator")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].utilisation=0", "market.gpuServers[0].utilisation")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].sitePreset=llama3-405b-h100", "market.gpuServers[0].sitePreset: the preset llama3-405b-h100 has no site section")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].sitePreset=no-such-preset", "market.gpuServers[0].sitePreset")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[1].lifeYears=0", "market.gpuServers[1].lifeYears")]
    [InlineData("cn-us-2025-evidence", "market.chipMix[0].accelerator=h999", "market.chipMix[0].accelerator")]
    [InlineData("cn-us-2025-evidence", "market.chipCompute.reference=h999", "market.chipCompute.reference")]
    [InlineData("cn-us-2025-evidence", "market.chipCompute.mfu=2", "market.chipCompute.mfu")]
    [InlineData("cn-us-2025-essay", "market.projection.startYear=2030", "market.projection.startVacancy: CN has no leased-capacity vacancy for 2030")]
    [InlineData("cn-us-2025-essay", "market.projection.naturalVacancy=0.95", "market.projection.naturalVacancy")]
    [InlineData("cn-us-2025-essay", "market.projection.years=0", "market.projection.years")]
    [InlineData("cn-us-2025-essay", "market.projection.country=JP", "market.projection.country")]
    [InlineData("cn-us-2025-essay", "market.projection.startYear=2099", "market.projection.years: the projection from 2099 over 5 years runs to 2104, past 2100")]
    [InlineData("cn-us-2025-essay", "market.projection.rentAdjustment=10", "market.projection.rentAdjustment")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].utilisation=1e-9", "market.gpuServers[0].utilisation: 1e-9 is outside")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].serverCapexPerAccelerator=0.001", "market.gpuServers[0].serverCapexPerAccelerator")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[1].name=8x H100 server, US", "market.gpuServers[1].name: the server name 8x H100 server, US is used twice")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].rental= ", "market.gpuServers[0].rental: the text is empty")]
    [InlineData("cn-us-2025-evidence", "market.gpuServers[0].priceChangePerYear=-0.9", "market.gpuServers[0].priceChangePerYear")]
    [InlineData("cn-us-2025-evidence", "market.chipCompute.cards=1000.5", "market.chipCompute.cards")]
    public void Bad_input_is_exit_2_naming_the_field(string preset, string set, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("market", "--preset", preset, "--set", set);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_with_no_site_to_price_it_is_refused()
    {
        var text = Presets.Text("cn-us-2025-evidence")!;
        text = string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("breakEvenPreset:", StringComparison.Ordinal)
            && !l.TrimStart().StartsWith("sitePreset:", StringComparison.Ordinal)));
        var path = Path.Combine(Path.GetTempPath(), $"suanli-market-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("market", path);
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.Contains("market.gpuServers[0].sitePreset: the server has no sitePreset and the market has no breakEvenPreset", CliRunner.Flat(stderr), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Doubtful_inputs_are_said_in_the_notes()
    {
        static List<string?> Codes(JsonElement json) => [.. json.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString())];

        // An H100 server in China runs a chip barred from sale there; the newest price is read out beside the year compared's.
        var evidence = Json("market", "--preset", "cn-us-2025-evidence");
        Assert.Contains("market.gpuServer.barred", Codes(evidence));
        Assert.Contains("market.gpuServer.latest", Codes(evidence));

        // A barred chip in a mix is counted apart from licensed ones; a chip not of the row's vendor is said.
        var barred = Json("market", "--preset", "cn-us-2025-evidence", "--set", "market.chipMix[0].accelerator=h800", "--set", "market.chipMix[1].accelerator=h100-sxm");
        var idc = barred.GetProperty("chipMix").EnumerateArray().Single(s => s.GetProperty("estimate").GetString() == "IDC 2025 shipments").GetProperty("compute");
        Assert.True(idc.GetProperty("barredShare").GetDouble() > 0.9);
        Assert.Equal(1, idc.GetProperty("withoutLicensed").GetDouble(), 12);
        Assert.Contains("market.chipCompute.barred", Codes(barred));
        Assert.Contains("market.chipCompute.vendorMismatch", Codes(barred));

        // chipCompute settings with no chip named anywhere do nothing, and say so.
        Assert.Contains("market.chipCompute.none", Codes(Json("market", "--preset", "cn-us-2025-essay", "--set", "market.chipCompute.cards=5")));

        // Revenue that falls below the break-even and comes back is said both ways; a runaway rent is flagged.
        var back = Json("market", "--preset", "cn-us-2025-essay", "--set", "market.projection.demandGrowth=0.6", "--set", "market.projection.capacityGrowth=0.05",
            "--set", "market.projection.years=8");
        Assert.Contains("market.projection.recovers", Codes(back));
        Assert.DoesNotContain("market.projection.runaway", Codes(back));
        var runaway = Json("market", "--preset", "cn-us-2025-essay", "--set", "market.projection.demandGrowth=0.6", "--set", "market.projection.capacityGrowth=0.05",
            "--set", "market.projection.years=40");
        Assert.Contains("market.projection.runaway", Codes(runaway));
    }

    [Theory]
    [InlineData("zh-Hans", "亿美元", "美国", "腾讯")]
    [InlineData("zh-Hant", "億美元", "中國", "騰訊")]
    public void Chinese_tables_count_money_in_yi_and_name_the_countries(string lang, string money, string country, string company)
    {
        var (code, stdout, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-evidence", "--lang", lang);
        Assert.True(code == 0, stderr);
        Assert.Contains(money, stdout, StringComparison.Ordinal);
        Assert.Contains(country, stdout, StringComparison.Ordinal);
        Assert.Contains(company, stdout, StringComparison.Ordinal);

        // USD 241.2 bn reads 2,412 億 (10⁸), not 241.2 十億.
        Assert.Contains("2,412", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("十亿", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("十億", stdout, StringComparison.Ordinal);
    }
}
