using System.Globalization;
using System.Text.Json;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli econ</c> with <c>site.financing</c> (issue 12): equity returns, DSCR and the loan schedule, and the investor's questions.</summary>
public class FinancingCommandTests
{
    private static readonly string[] Debt60 =
        ["--set", "site.financing.debtShare=0.6", "--set", "site.financing.interestRate=0.045", "--set", "site.financing.tenorYears=12"];

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Without_debt_the_equity_is_the_project()
    {
        // A zero debt share draws nothing: the equity flows are the unlevered flows, to the last digit.
        var json = Json("econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=1200", "--set", "site.financing.debtShare=0",
            "--set", "site.financing.interestRate=0.05", "--set", "site.financing.tenorYears=10");
        Assert.Equal(json.GetProperty("irr").GetDouble(), json.GetProperty("equityIrr").GetDouble(), 9);
        Assert.Equal(json.GetProperty("npv").GetDouble(), json.GetProperty("equityNpv").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("minDscr").ValueKind);
        Assert.Equal(0, json.GetProperty("financing").GetProperty("taxShield").GetDouble(), 6);
    }

    [Fact]
    public void Debt_gives_equity_returns_cover_ratios_and_the_schedule()
    {
        var json = Json(["econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=1200", .. Debt60]);
        var financing = json.GetProperty("financing");
        var years = json.GetProperty("loanSchedule");
        Assert.Equal(years.GetArrayLength(), financing.GetProperty("years").GetArrayLength());

        // The loan is 60 % of the initial capex; the equity puts in the other 40 %.
        var capex = json.GetProperty("initialCapex").GetDouble();
        Assert.Equal(0.6 * capex, financing.GetProperty("debtAmount").GetDouble(), 3);
        Assert.Equal(0.4 * capex, financing.GetProperty("equityInvested").GetDouble(), 3);

        // Cheap debt on a project earning more than it lifts the equity return; interest is deducted from tax.
        Assert.True(json.GetProperty("equityIrr").GetDouble() > json.GetProperty("irr").GetDouble());
        Assert.True(financing.GetProperty("taxShield").GetDouble() > 0);

        // What is drawn plus capitalised interest is what is repaid, with nothing left at the horizon.
        var drawn = years.EnumerateArray().Sum(y => y.GetProperty("drawdown").GetDouble() + y.GetProperty("interestCapitalised").GetDouble());
        Assert.Equal(drawn, years.EnumerateArray().Sum(y => y.GetProperty("principal").GetDouble()), 3);
        Assert.Equal(0, financing.GetProperty("balloonAtHorizon").GetDouble(), 3);

        // The minimum DSCR is the lowest of the years with debt service, each CFADS ÷ (interest + principal).
        var covered = years.EnumerateArray().Where(y => y.GetProperty("dscr").ValueKind == JsonValueKind.Number).ToList();
        Assert.All(covered, y => Assert.Equal(y.GetProperty("cfads").GetDouble() / y.GetProperty("debtService").GetDouble(), y.GetProperty("dscr").GetDouble(), 9));
        Assert.Equal(covered.Min(y => y.GetProperty("dscr").GetDouble()), json.GetProperty("minDscr").GetDouble(), 12);
    }

    [Fact]
    public void A_thin_year_breaches_the_covenant_and_says_so()
    {
        var json = Json(["econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=600", .. Debt60]);
        var breach = json.GetProperty("financing").GetProperty("covenantBreachYear").GetInt32();
        var dscr = json.GetProperty("loanSchedule").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == breach).GetProperty("dscr").GetDouble();
        Assert.True(dscr < 1.2);
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "econ.financing.breach");
    }

    [Fact]
    public void The_rent_for_a_ten_percent_equity_irr_at_sixty_percent_debt()
    {
        // The walk-through's question in one command: solve varies the rent until the equity IRR is 10 %.
        var solved = Json(["solve", "--preset", "cn-2025-essay", "--target", "equityIrr=0.10", "--vary", "site.rentPerKwMonth", .. Debt60]);
        var rent = solved.GetProperty("value").GetDouble();
        var econ = Json(["econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=" + rent.ToString("R", CultureInfo.InvariantCulture), .. Debt60]);
        Assert.Equal(0.10, econ.GetProperty("equityIrr").GetDouble(), 1e-7);

        // Debt cheaper than the project's return needs less rent for 10 % on equity than 10 % unlevered.
        var unlevered = Json("solve", "--preset", "cn-2025-essay", "--target", "irr=0.10", "--vary", "site.rentPerKwMonth").GetProperty("value").GetDouble();
        Assert.True(rent < unlevered);
    }

    [Theory]
    [InlineData("site.financing.debtShare=0.99", "site.financing.debtShare")]
    [InlineData("site.financing.tenorYears=0", "site.financing.tenorYears")]
    [InlineData("site.financing.amortisation=bullet", "site.financing.amortisation")]
    [InlineData("site.financing.dscrCovenant=0.5", "site.financing.dscrCovenant")]
    public void Bad_terms_are_refused(string set, string field)
    {
        var (code, stdout, stderr) = CliRunner.Run(["econ", "--preset", "cn-2025-essay", .. Debt60, "--set", set]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
    }
}

/// <summary>Issue 12's walk-through on <c>cn-inner-mongolia-100mw</c>: each question one command.</summary>
public class InnerMongoliaWalkThroughTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Each_question_of_the_walk_through_is_one_command()
    {
        // Payback at 300 RMB with power billed separately, and with power included in the 300: neither pays back in 20 years.
        var apart = Json("econ", "--preset", "cn-inner-mongolia-100mw");
        var included = Json("econ", "--preset", "cn-inner-mongolia-100mw", "--set", "site.powerPricing=included");
        Assert.Equal(JsonValueKind.Null, apart.GetProperty("paybackYears").ValueKind);
        Assert.Equal(JsonValueKind.Null, included.GetProperty("paybackYears").ValueKind);
        Assert.True(included.GetProperty("irr").GetDouble() < apart.GetProperty("irr").GetDouble());

        // The region's cheaper power lowers the accounting break-even below the essay's national site (RMB 276.2).
        Assert.True(apart.GetProperty("accountingBreakEvenRentPerKwMonth").GetDouble() < 276.2);

        // The rent for a 10 % equity IRR at the preset's 60 % debt, and the minimum DSCR at 300 RMB (below the 1.2 covenant).
        var solved = Json("solve", "--preset", "cn-inner-mongolia-100mw", "--target", "equityIrr=0.10", "--vary", "site.rentPerKwMonth");
        var rent = solved.GetProperty("value").GetDouble();
        Assert.InRange(rent, 300, 2000);
        Assert.Equal(0.10, Json("econ", "--preset", "cn-inner-mongolia-100mw", "--set", "site.rentPerKwMonth=" + rent.ToString("R", CultureInfo.InvariantCulture))
            .GetProperty("equityIrr").GetDouble(), 1e-7);
        Assert.True(apart.GetProperty("minDscr").GetDouble() < 1.2);
        Assert.NotEqual(JsonValueKind.Null, apart.GetProperty("financing").GetProperty("covenantBreachYear").ValueKind);
    }
}

/// <summary>Rents quoted per rack-month (issue 12): converted to per kW-month with the rack's kW, and back.</summary>
public class RackRentTests
{
    [Fact]
    public void A_rack_rent_is_a_kw_rent_times_the_racks_kw()
    {
        // RMB 1,800 per 6 kW rack-month = RMB 300 per kW-month: the essay's site to the last digit.
        var text = Suanli.Scenarios.Presets.Text("cn-2025-essay")!;
        var line = text.Split('\n').Single(l => l.TrimStart().StartsWith("rentPerKwMonth:", StringComparison.Ordinal));
        var path = Path.Combine(Path.GetTempPath(), $"suanli-rack-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text.Replace(line, "  rentPerRackMonth: 1800\n  rackKw: 6", StringComparison.Ordinal));
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("econ", path, "--json");
            Assert.True(code == 0, stderr);
            var rack = JsonDocument.Parse(stdout).RootElement;
            var (_, preset, _) = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--json");
            var kw = JsonDocument.Parse(preset).RootElement;
            Assert.Equal(300, rack.GetProperty("rentPerKwMonth").GetDouble(), 12);
            Assert.Equal(kw.GetProperty("npv").GetDouble(), rack.GetProperty("npv").GetDouble(), 6);
            Assert.Equal(1800, rack.GetProperty("rentPerRackMonth").GetDouble(), 9);
            Assert.Equal(6 * kw.GetProperty("accountingBreakEvenRentPerKwMonth").GetDouble(), rack.GetProperty("accountingBreakEvenRentPerRackMonth").GetDouble(), 6);
            Assert.Equal(JsonValueKind.Null, kw.GetProperty("rentPerRackMonth").ValueKind);

            // A rack rent without the rack's kW, or beside a kW rent, is refused.
            var (noKw, _, noKwError) = CliRunner.Run("econ", path, "--set", "site.rackKw=0");
            Assert.Equal(2, noKw);
            Assert.Contains("site.rackKw", noKwError, StringComparison.Ordinal);
            var (both, _, bothError) = CliRunner.Run("econ", path, "--set", "site.rentPerKwMonth=300");
            Assert.Equal(2, both);
            Assert.Contains("both rentPerKwMonth and rentPerRackMonth are given", bothError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The essay's C5 sharpened by the investor's walk-through (issue 12).</summary>
public class EssayInvestorTests
{
    [Fact]
    public void C5_sets_the_rent_for_a_ten_percent_equity_return_beside_the_essays_rent()
    {
        var (code, stdout, stderr) = CliRunner.Run("essay", "--claim", "C5", "--json");
        Assert.True(code == 0, stderr);
        var c5 = JsonDocument.Parse(stdout).RootElement.GetProperty("claims")[0];
        var needed = c5.GetProperty("figures").GetProperty("investorRentForTenPercentEquityIrr").GetProperty("value").GetDouble();
        Assert.Contains(c5.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "essay.C5.investor");

        // The essay solves inside the engine; solve varies the preset's input through --set: one answer.
        var (_, solved, _) = CliRunner.Run("solve", "--preset", "cn-inner-mongolia-100mw", "--target", "equityIrr=0.10", "--vary", "site.rentPerKwMonth", "--json");
        Assert.Equal(JsonDocument.Parse(solved).RootElement.GetProperty("value").GetDouble(), needed, 1e-3);
        Assert.True(needed > 300);
    }
}

/// <summary>The essay's C4 sharpened by the regional preset (issue 12).</summary>
public class EssayRegionTests
{
    [Fact]
    public void C4_shows_the_regional_power_price_in_the_break_even_only_when_power_is_inside_the_rent()
    {
        var (code, stdout, stderr) = CliRunner.Run("essay", "--claim", "C4", "--json");
        Assert.True(code == 0, stderr);
        var c4 = JsonDocument.Parse(stdout).RootElement.GetProperty("claims")[0];
        double Figure(string key) => c4.GetProperty("figures").GetProperty(key).GetProperty("value").GetDouble();
        var national = Figure("accountingBreakEvenPowerIncluded");
        var western = Figure("westernAccountingBreakEvenPowerIncluded");

        // Cheaper western power lowers the all-in break-even, yet both stay far above the essay's ~260.
        Assert.True(western < national);
        Assert.True(western > 260 && national > 260);

        // The difference to the pass-through break-even is the power a built kW burns at full lease: more than RMB 100 a month.
        Assert.True(national - Figure("accountingBreakEvenRentPerKwMonth") > 100);
        Assert.Contains(c4.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "essay.C4.regionalPower");
    }
}

/// <summary>What the review of issue 12 asked to be said or refused.</summary>
public class InvestorReviewTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static List<string?> Codes(JsonElement json) => [.. json.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString())];

    [Fact]
    public void Sponsor_support_peak_funding_and_a_default_cost_of_equity_are_said()
    {
        var json = Json("econ", "--preset", "cn-inner-mongolia-100mw");
        var financing = json.GetProperty("financing");

        // The equity's ticket is the construction equity plus every later shortfall: the peak is above the construction equity.
        Assert.True(financing.GetProperty("sponsorSupportAfterOpening").GetDouble() > 0);
        Assert.True(financing.GetProperty("peakEquityFunding").GetDouble() > financing.GetProperty("equityInvested").GetDouble());
        Assert.Contains("econ.financing.sponsorSupport", Codes(json));
        Assert.Contains("econ.financing.costOfEquityDefault", Codes(json));
        Assert.Contains("econ.powerPassedThrough", Codes(json));
        Assert.DoesNotContain("econ.financing.costOfEquityDefault", Codes(Json("econ", "--preset", "cn-inner-mongolia-100mw", "--set", "site.financing.costOfEquity=0.12")));

        // A loan outliving the horizon by more than the terminal value: the equity pays the rest, and says so.
        var long40 = Json("econ", "--preset", "cn-inner-mongolia-100mw", "--set", "site.financing.tenorYears=40", "--set", "site.financing.graceMonths=120");
        Assert.Contains("econ.financing.balloonUncovered", Codes(long40));
    }

    [Theory]
    [InlineData(new[] { "--target", "equityIrr=1e20", "--vary", "site.rentPerKwMonth" }, "over that range it runs from -0.")]
    [InlineData(new[] { "--target", "equityIrr=0.1", "--vary", "site.rentPerKwMonth", "--lower", "-5" }, "--lower: -5 is outside the range site.rentPerKwMonth allows")]
    [InlineData(new[] { "--target", "equityIrr=0.1", "--vary", "site.phases[5].itMw" }, "--vary: the scenario has no such list item to set")]
    [InlineData(new[] { "--target", "irr=0.1=2", "--vary", "site.rentPerKwMonth" }, "--target: 'irr=0.1=2' is not METRIC=VALUE")]
    public void Solve_refusals_name_the_real_cause(string[] args, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run(["solve", "--preset", "cn-inner-mongolia-100mw", .. args]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_does_not_depend_on_the_input_is_said()
    {
        var (code, _, stderr) = CliRunner.Run("solve", "--preset", "cn-h800-cloud", "--target", "npv=0", "--vary", "cloud.marketPrices[0].pricePerHour");
        Assert.Equal(2, code);
        Assert.Contains("it does not depend on this input", CliRunner.Flat(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_list_names_the_cloud_and_market_sections()
    {
        var (code, stdout, _) = CliRunner.Run("presets", "list", "--json");
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("sections"));
        Assert.Contains(rows["us-h100-cloud"].EnumerateArray(), s => s.GetString() == "cloud");
        Assert.Contains(rows["cn-us-2025-evidence"].EnumerateArray(), s => s.GetString() == "market");
    }
}
