using System.Text.Json;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli market</c> (issue 11, first slice: investment): its JSON, the two presets and its refusals.</summary>
public class MarketCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void The_essay_preset_reproduces_the_essays_figures_and_its_gap()
    {
        // USD 300 bn against RMB 250 bn (the midpoint of 200-300) at 7.1957 RMB/USD (2024): 300 / (250 / 7.1957) = 8.635×.
        var json = Json("market", "--preset", "cn-us-2025-essay");
        Assert.Equal(300e9, json.GetProperty("investmentUsd").GetProperty("US").GetProperty("total").GetDouble(), 1);
        Assert.Equal(250e9, json.GetProperty("investmentRmb").GetProperty("CN").GetProperty("total").GetDouble(), 1);
        Assert.Equal(300 * 7.1957 / 250, json.GetProperty("investmentRatio").GetDouble(), 9);
        Assert.Equal("catalog", json.GetProperty("rmbPerUsdSource").GetString());
        var row = json.GetProperty("investmentUsd").GetProperty("CN").GetProperty("byCompany")[0];
        Assert.Equal("estimate", row.GetProperty("kind").GetString());
        Assert.Equal("RMB", row.GetProperty("reportedCurrency").GetString());
    }

    [Fact]
    public void The_evidence_preset_sums_the_published_rows_of_the_year()
    {
        // 2024: Microsoft 55.7 + Alphabet 52.5 + Amazon 83.0 + Meta 39.0 + Tesla 11.0 = USD 241.2 bn;
        // Alibaba (H1) 23.0 + Tencent 76.8 + Baidu 8.1 + ByteDance 80.0 = RMB 187.9 bn.
        var json = Json("market", "--preset", "cn-us-2025-evidence");
        Assert.Equal(241.2, json.GetProperty("investmentUsd").GetProperty("US").GetProperty("total").GetDouble() / 1e9, 6);
        Assert.Equal(187.9, json.GetProperty("investmentRmb").GetProperty("CN").GetProperty("total").GetDouble() / 1e9, 6);
        Assert.Equal(241.2 / (187.9 / 7.1957), json.GetProperty("investmentRatio").GetDouble(), 3);

        // Another year by option: 2025 exists for both countries.
        // Another year by option: 2025 has rows for both countries but no catalog average yet, so the scenario states a rate.
        var (code, _, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-evidence", "--year", "2025");
        Assert.Equal(2, code);
        Assert.Contains("market.rmbPerUsd", stderr, StringComparison.Ordinal);
        Assert.Equal(2025, Json("market", "--preset", "cn-us-2025-evidence", "--year", "2025", "--set", "market.rmbPerUsd=7.18").GetProperty("year").GetInt32());
    }

    [Fact]
    public void A_scenario_rate_replaces_the_catalogs()
    {
        var json = Json("market", "--preset", "cn-us-2025-essay", "--set", "market.rmbPerUsd=7");
        Assert.Equal("scenario", json.GetProperty("rmbPerUsdSource").GetString());
        Assert.Equal(300 * 7.0 / 250, json.GetProperty("investmentRatio").GetDouble(), 9);
    }

    [Theory]
    [InlineData(new[] { "--year", "2023" }, "command-line:1:1: --year: the scenario has no companyWide investment for US in 2023")]
    [InlineData(new[] { "--year", "1999" }, "command-line:1:1: --year:")]
    [InlineData(new[] { "--set", "market.year=2023" }, "--set[1]:1:13: market.year: the scenario has no companyWide investment for US in 2023")]
    [InlineData(new[] { "--set", "market.investment[0].currency=EUR" }, "market.investment[0].currency")]
    [InlineData(new[] { "--set", "market.investment[0].country=JP" }, "market.investment[0].country")]
    [InlineData(new[] { "--set", "market.investment[1].company=US big five (essay)", "--set", "market.investment[1].country=US" }, "would be counted twice")]
    [InlineData(new[] { "--set", "market.investment[0].amount=-1" }, "market.investment[0].amount")]
    [InlineData(new[] { "--set", "market.rmbPerUsd=0" }, "market.rmbPerUsd")]
    public void Bad_input_is_exit_2_naming_the_field_and_what_is_allowed(string[] args, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run(["market", "--preset", "cn-us-2025-essay", .. args]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_an_exchange_rate_is_refused()
    {
        // The catalog's annual averages end before 2030; the essay preset moved there has rows but no rate.
        var (code, _, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-essay", "--set", "market.year=2030",
            "--set", "market.investment[0].year=2030", "--set", "market.investment[1].year=2030");
        Assert.Equal(2, code);
        Assert.Contains("market.year", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hant", "美國 ÷ 中國")]
    [InlineData("zh-Hans", "美国 ÷ 中国")]
    [InlineData("en", "US ÷ China")]
    public void Tables_read_in_the_chosen_language(string lang, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-evidence", "--lang", lang);
        Assert.True(code == 0, stderr);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_every_key_of_the_issue()
    {
        var json = Json("market", "--preset", "cn-us-2025-evidence");
        foreach (var key in new[] { "investmentUsd", "investmentRmb", "investmentRatio", "rentHistory", "breakEvenRentPerKwMonth", "vacancy", "revenuePerBuiltKwMonth",
            "gpuRental", "chipMix" })
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        Assert.True(json.GetProperty("vacancy").TryGetProperty("US", out _));
        Assert.True(json.GetProperty("vacancy").TryGetProperty("CN", out _));
        Assert.NotEmpty(json.GetProperty("rentHistory").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("gpuRental").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("chipMix").EnumerateArray());
    }

    [Fact]
    public void Revenue_per_built_kW_is_rent_times_one_minus_vacancy_and_is_set_beside_the_break_even()
    {
        // The essay's 2025: RMB 300 per kW-month at 35 % vacancy (midpoint of 30-40 %) = RMB 195 per built kW-month, below
        // cn-2025-essay's accounting break-even of RMB 276.2.
        var json = Json("market", "--preset", "cn-us-2025-essay", "--year", "2025", "--set", "market.investment[0].year=2025", "--set", "market.investment[1].year=2025",
            "--set", "market.rmbPerUsd=7.18");
        var cn = json.GetProperty("revenuePerBuiltKwMonth").GetProperty("CN");
        Assert.Equal(300 * (1 - 0.35), cn.GetProperty("value").GetDouble(), 9);
        Assert.Equal("RMB", cn.GetProperty("currency").GetString());
        Assert.InRange(json.GetProperty("breakEvenRentPerKwMonth").GetProperty("accounting").GetDouble(), 276.1, 276.3);
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "market.belowBreakEven");
    }

    [Theory]
    [InlineData("market.chipMix[0].share=0.7", "sum to 0.9, not 1")]
    [InlineData("market.chipMix[1].vendor=Nvidia", "Nvidia appears twice in the estimate 'essay'")]
    [InlineData("market.vacancy[0].vacancy=1.2", "market.vacancy[0].vacancy")]
    [InlineData("market.rent[0].currency=JPY", "market.rent[0].currency")]
    [InlineData("market.breakEvenPreset=nowhere", "nowhere")]
    public void Bad_market_series_are_refused(string set, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-essay", "--set", set);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_with_a_gap_is_said_never_filled()
    {
        // The essay's rent: 2020 and 2025 in one series; 2021-2024 are missing and said so.
        var json = Json("market", "--preset", "cn-us-2025-essay");
        var gap = json.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "market.seriesGap");
        Assert.Equal("warning", gap.GetProperty("level").GetString());
        Assert.Equal([2021, 2022, 2023, 2024], gap.GetProperty("args").GetProperty("years").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public void Only_leased_capacity_vacancy_that_is_not_a_target_counts_for_revenue()
    {
        // China 2024 in the evidence: rack vacancy 31 % and 37.28 %, GDS 25.6 % and 7.3 % (mean 25.295 %); the 70 % idle
        // compute of AI centers (measure: computeUse) is shown, not averaged in.
        var json = Json("market", "--preset", "cn-us-2025-evidence");
        Assert.Equal((0.31 + 0.3728 + 0.256 + 0.073) / 4, json.GetProperty("vacancy").GetProperty("CN").GetDouble(), 9);

        // China 2025 has only idle-compute figures and the 60 % racking target: no vacancy to compute revenue with.
        var y2025 = Json("market", "--preset", "cn-us-2025-evidence", "--year", "2025", "--set", "market.rmbPerUsd=7.18");
        Assert.Equal(JsonValueKind.Null, y2025.GetProperty("vacancy").GetProperty("CN").ValueKind);
        Assert.Equal(JsonValueKind.Null, y2025.GetProperty("revenuePerBuiltKwMonth").GetProperty("CN").GetProperty("value").ValueKind);
    }

    [Fact]
    public void A_zero_China_total_has_no_ratio_and_says_so_instead_of_failing()
    {
        var json = Json("market", "--preset", "cn-us-2025-essay", "--set", "market.investment[1].amount=0");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("investmentRatio").ValueKind);
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "market.noRatio");
    }

    [Theory]
    [InlineData("market.investment[0].company= ", "the text is empty")]
    [InlineData("market.breakEvenPreset=llama3-405b-h100", "has no site section")]
    public void Blank_names_and_a_break_even_preset_without_a_site_are_refused(string set, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-essay", "--set", set);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_are_found_whatever_the_case_and_spaces()
    {
        var (code, _, stderr) = CliRunner.Run("market", "--preset", "cn-us-2025-evidence", "--set", "market.investment[1].company=microsoft ",
            "--set", "market.investment[1].year=2024");
        Assert.Equal(2, code);
        Assert.Contains("would be counted twice", CliRunner.Flat(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void Companies_missing_from_the_year_are_named()
    {
        // 2023 has Alphabet and Amazon but not Microsoft, Meta or Tesla, which have rows in other years.
        var json = Json("market", "--preset", "cn-us-2025-evidence", "--year", "2023");
        var missing = json.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "market.missingCompanies");
        var names = missing.GetProperty("args").GetProperty("companies").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("US Microsoft", names);
        Assert.Contains("US Meta", names);
        Assert.True(json.GetProperty("vacancyRows").GetArrayLength() > 0);
    }
}
