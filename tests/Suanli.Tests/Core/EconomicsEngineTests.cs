using Suanli.Core.Economics;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

public class EconomicsEngineTests
{
    private static SiteEconomics Preset(string name) =>
        ScenarioLoader.FromPreset(name).Scenario!.Site!;

    [Fact]
    public void Two_year_project_matches_the_hand_computation()
    {
        var r = EconomicsEngine.Analyze(TestSites.TwoYear());

        Assert.Equal(2, r.Years.Count);
        var build = r.Years[0];
        Assert.Equal(1_200_000, build.Capex, 1e-6);
        Assert.Equal(-1_200_000, build.FreeCashFlow, 1e-6);
        Assert.Equal(0, build.Depreciation);

        // Operating year: IT load 500 kW; facility 500 x (1 + 0.1) + 0.1 x 1000 = 650 kW → PUE 1.3;
        // 650 kW x 8,760 h x 0.5 = 2,847,000 billed and passed through in full.
        var run = r.Years[1];
        Assert.Equal(1_200_000, run.RentRevenue, 1e-6);
        Assert.Equal(2_847_000, run.ElectricityCost, 1e-6);
        Assert.Equal(2_847_000, run.PowerRevenue, 1e-6);
        Assert.Equal(5_694, run.EnergyMwh, 1e-9);
        Assert.Equal(1.3, run.AveragePue!.Value, 1e-12);
        Assert.Equal(120_000, run.StaffCost, 1e-6);
        Assert.Equal(1_080_000, run.Ebitda, 1e-6);
        Assert.Equal(120_000, run.Depreciation, 1e-6);
        Assert.Equal(240_000, run.IncomeTax, 1e-6);                // 25 % of 960,000
        Assert.Equal(1_080_000, run.TerminalValue, 1e-6);          // 1.2 M less one year of ten
        Assert.Equal(1_920_000, run.FreeCashFlow, 1e-6);
        Assert.Equal(720_000, run.CumulativeFreeCashFlow, 1e-6);

        // Σ -100,000 v^(m+1) (m < 12) + Σ 90,000 v^(m+1) (12 ≤ m < 23) + 930,000 v^24, v = 1.1^(-1/12).
        Assert.Equal(486_933.2791361363, r.Npv, 1e-4);
        Assert.Equal(0.48098089117949094, r.Irr.AnnualRate!.Value, 1e-8);
        // Cumulative -210,000 after month 23; the last month brings 930,000.
        Assert.Equal((23 + 210_000.0 / 930_000) / 12, r.PaybackYears!.Value, 1e-9);
    }

    [Fact]
    public void Two_year_project_break_evens_match_the_hand_computation()
    {
        var r = EconomicsEngine.Analyze(TestSites.TwoYear());

        // Fully leased year: depreciation 120,000 + staff 120,000; power nets to zero; over 1,000 kW x 12 months.
        Assert.Equal(20, r.AccountingBreakEvenRentPerKwMonth, 1e-9);
        Assert.Equal(10, r.CostStackPerKwMonth.Depreciation, 1e-9);
        Assert.Equal(10, r.CostStackPerKwMonth.Staff, 1e-9);
        Assert.Equal(0, r.CostStackPerKwMonth.Power, 1e-9);
        Assert.Equal(0.2, r.BreakEvenOccupancy!.Value, 1e-9);     // 20 / 100
        Assert.Equal(960_000, r.StabilisedYearProfit, 1e-6);
        Assert.Equal(1.3, r.PueAtStabilisedOccupancy, 1e-12);
    }

    [Fact]
    public void Losses_are_carried_forward_up_to_the_offset_cap()
    {
        // Ramp from empty over 12 months: year 2 rent Σ 100,000 x a/12 = 550,000 → EBT 550,000 - 700,000 - 120,000 = -270,000.
        // Years 3 and 4: EBT 1,200,000 - 820,000 = 380,000; at most half of it may be offset.
        var site = TestSites.TwoYear() with
        {
            HorizonYears = 3,
            InitialOccupancy = 0,
            OccupancyRampMonths = 12,
            PueFixedShare = 0,
            StaffCostPerFteYear = 700_000,
            LossOffsetCap = 0.5,
            TerminalValue = TerminalValueMethod.None,
        };
        var years = EconomicsEngine.Analyze(site).Years;
        Assert.Equal(550_000, years[1].RentRevenue, 1e-6);
        Assert.Equal(-270_000, years[1].Ebit, 1e-6);
        Assert.Equal(0, years[1].IncomeTax);
        Assert.Equal(47_500, years[2].IncomeTax, 1e-6);           // 25 % of (380,000 - 190,000)
        Assert.Equal(75_000, years[3].IncomeTax, 1e-6);           // 25 % of (380,000 - the last 80,000)

        var expiring = EconomicsEngine.Analyze(site with { LossCarryForwardYears = 1 }).Years;
        Assert.Equal(47_500, expiring[2].IncomeTax, 1e-6);
        Assert.Equal(95_000, expiring[3].IncomeTax, 1e-6);        // the year-2 loss has expired
    }

    [Fact]
    public void Assets_are_rebuilt_at_escalated_cost_when_their_life_ends()
    {
        var site = TestSites.TwoYear() with
        {
            HorizonYears = 3,
            Capex = [new CapexItem(CapexComponent.Building, 1_200_000, 1)],
            CapexEscalation = 0.1,
        };
        var years = EconomicsEngine.Analyze(site).Years;
        Assert.Equal(1_200_000, years[0].Capex, 1e-6);
        Assert.Equal(0, years[1].Capex, 1e-6);
        Assert.Equal(1_320_000, years[2].Capex, 1e-6);
        Assert.Equal(1_452_000, years[3].Capex, 1e-6);
        Assert.Equal(1_452_000, years[3].Depreciation, 1e-6);
        Assert.Equal(0, years[3].TerminalValue, 1e-6);

        var kept = EconomicsEngine.Analyze(site with { ReplaceAtEndOfLife = false }).Years;
        Assert.Equal(0, kept[2].Capex + kept[3].Capex, 1e-6);
        Assert.Equal(0, kept[2].Depreciation, 1e-6);
    }

    [Fact]
    public void Phases_spend_their_capex_before_they_open()
    {
        var site = TestSites.TwoYear() with
        {
            ItCapacityMw = 2,
            HorizonYears = 3,
            Phases = [new DeliveryPhase(1, 0), new DeliveryPhase(1, 12)],
        };
        var years = EconomicsEngine.Analyze(site).Years;
        Assert.Equal([1_200_000.0, 1_200_000, 0, 0], years.Select(y => Math.Round(y.Capex, 6)));
        Assert.Equal([0.0, 1, 2, 2], years.Select(y => y.ItMwInService));
        Assert.Equal(1_200_000, years[1].RentRevenue, 1e-6);
        Assert.Equal(2_400_000, years[2].RentRevenue, 1e-6);
    }

    [Fact]
    public void Included_power_is_a_cost_to_the_operator()
    {
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { PowerPricing = PowerPricing.Included });
        Assert.Equal(0, r.Years[1].PowerRevenue);
        // 2,847,000 a year over 12,000 kW-months.
        Assert.Equal(237.25, r.CostStackPerKwMonth.Power, 1e-9);
        Assert.Equal(257.25, r.AccountingBreakEvenRentPerKwMonth, 1e-9);
    }

    [Fact]
    public void Contractual_pass_through_pue_leaves_the_operator_the_part_load_gap()
    {
        // Tenants pay 1.2 while the actual PUE at this load is 1.3: the operator pays 0.1 x IT energy.
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { PassThroughPue = 1.2 });
        var gap = 500 * 8760 * 0.1 * 0.5;
        Assert.Equal(gap / 12_000, r.CostStackPerKwMonth.Power, 1e-9);
    }

    [Fact]
    public void Part_load_pue_follows_the_formula_and_rises_as_load_falls()
    {
        var site = TestSites.TwoYear() with { DesignPue = 1.3, PueFixedShare = 0.4 };
        // f = 0.12, k = 0.18
        Assert.Equal(1.3, site.PueAt(1), 1e-12);
        Assert.Equal(1 + 0.18 + 0.12 / 0.5, site.PueAt(0.5), 1e-12);
        var previous = site.PueAt(1);
        for (var u = 0.95; u > 0.05; u -= 0.05)
        {
            var pue = site.PueAt(u);
            Assert.True(pue > previous, $"PUE({u}) = {pue} should exceed {previous}");
            previous = pue;
        }

        Assert.Equal(double.PositiveInfinity, site.PueAt(0));
    }

    [Theory]
    [InlineData("cn-2025-essay")]
    [InlineData("us-2025")]
    public void Setting_rent_to_the_economic_break_even_gives_zero_npv_and_irr_equal_to_the_discount_rate(string preset)
    {
        var site = Preset(preset);
        var breakEven = EconomicsEngine.EconomicBreakEvenRent(site)!.Value;
        var atBreakEven = EconomicsEngine.Analyze(site with { RentPerKwMonth = breakEven });
        var capex = atBreakEven.InitialCapex;
        Assert.True(Math.Abs(atBreakEven.Npv) < 1e-6 * capex, $"NPV {atBreakEven.Npv} should be ~0 against capex {capex}");
        Assert.Equal(site.DiscountRate, atBreakEven.Irr.AnnualRate!.Value, 1e-6);
        Assert.Equal(breakEven, atBreakEven.EconomicBreakEvenRentPerKwMonth!.Value, 1e-6);
    }

    [Fact]
    public void The_economic_break_even_is_far_above_the_accounting_one()
    {
        var r = EconomicsEngine.Analyze(Preset("cn-2025-essay"));
        Assert.True(r.EconomicBreakEvenRentPerKwMonth > 2 * r.AccountingBreakEvenRentPerKwMonth);
    }

    [Theory]
    [InlineData("cn-2025-essay", 1.0)]
    [InlineData("cn-2025-essay", 0.5)]
    [InlineData("cn-2025-essay", 3.0)]
    [InlineData("us-2025", 1.0)]
    [InlineData("us-2025", 0.6)]
    public void More_vacancy_never_raises_npv(string preset, double rentMultiple)
    {
        var site = Preset(preset);
        site = site with { RentPerKwMonth = site.RentPerKwMonth * rentMultiple };
        var previous = double.PositiveInfinity;
        for (var vacancy = 0.0; vacancy <= 0.951; vacancy += 0.05)
        {
            var npv = EconomicsEngine.Npv(site with { Vacancy = vacancy });
            Assert.True(npv <= previous + 1e-6, $"NPV rose from {previous} to {npv} at vacancy {vacancy}");
            previous = npv;
        }
    }

    [Fact]
    public void More_vacancy_raises_npv_only_when_rent_is_below_the_power_a_leased_kw_burns()
    {
        // The condition behind the monotonicity: with power included, a kW leased below its own power cost loses money.
        var site = TestSites.TwoYear() with { PowerPricing = PowerPricing.Included, RentPerKwMonth = 100 };
        Assert.True(EconomicsEngine.Npv(site with { Vacancy = 0.5 }) > EconomicsEngine.Npv(site with { Vacancy = 0 }));
        var fair = site with { RentPerKwMonth = 400 };
        Assert.True(EconomicsEngine.Npv(fair with { Vacancy = 0.5 }) < EconomicsEngine.Npv(fair with { Vacancy = 0 }));
    }

    [Fact]
    public void Break_even_occupancy_is_none_when_full_occupancy_loses_money()
    {
        var site = TestSites.TwoYear() with { RentPerKwMonth = 15 };
        Assert.Null(EconomicsEngine.BreakEvenOccupancy(site));
    }

    [Fact]
    public void A_project_that_never_recovers_has_no_irr_and_no_payback()
    {
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { RentPerKwMonth = 5, TerminalValue = TerminalValueMethod.None });
        Assert.Null(r.Irr.AnnualRate);
        Assert.NotNull(r.Irr.Note);
        Assert.Null(r.PaybackYears);
        Assert.Null(r.DiscountedPaybackYears);
    }
}
