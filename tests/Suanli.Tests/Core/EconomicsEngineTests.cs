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
        // The rate that zeroes those flows, found independently by bisection on them (Python, 200 halvings).
        Assert.Equal(0.48098089117949094, r.Irr.AnnualRate!.Value, 1e-8);
        Assert.Equal(1_080_000, r.TerminalValue, 1e-6);
        // Operating and capital flows alone: cumulative -210,000 after month 23, and the last month brings
        // 90,000 - 240,000 tax = -150,000. Only the 1,080,000 book value would turn it positive: no payback.
        Assert.Null(r.PaybackYears);
        Assert.Null(r.DiscountedPaybackYears);
    }

    [Fact]
    public void Terminal_value_enters_npv_and_irr_but_never_payback()
    {
        var site = TestSites.TwoYear() with { RentPerKwMonth = 150 };
        var withBook = EconomicsEngine.Analyze(site);
        var without = EconomicsEngine.Analyze(site with { TerminalValue = TerminalValueMethod.None });
        // Rent 150: 140,000 a month from month 12 (tax falls later, in month 23). Cumulative after month 19:
        // -1,200,000 + 8 x 140,000 = -80,000; recovered 80,000 / 140,000 = 4/7 into month 20 → (20 + 4/7) / 12 years.
        Assert.Equal((20 + 4.0 / 7) / 12, withBook.PaybackYears!.Value, 1e-12);
        Assert.Equal(withBook.PaybackYears, without.PaybackYears);
        Assert.Equal(withBook.DiscountedPaybackYears, without.DiscountedPaybackYears);
        // NPV differs by the book value discounted over two years: 1,080,000 / 1.21.
        Assert.Equal(1_080_000 / 1.21, withBook.Npv - without.Npv, 1e-6);
    }

    [Fact]
    public void The_issue_command_has_no_payback_once_the_terminal_value_is_left_out()
    {
        // suanli econ --preset cn-2025-essay --set site.vacancy=0 --set site.initialOccupancy=1 showed 22.0 years
        // only because the book value flipped the last year; with terminalValue none it was already "never".
        var site = Preset("cn-2025-essay") with { Vacancy = 0, InitialOccupancy = 1 };
        var r = EconomicsEngine.Analyze(site);
        Assert.True(r.TerminalValue > 0);
        Assert.Null(r.PaybackYears);
        Assert.Null(EconomicsEngine.Analyze(site with { TerminalValue = TerminalValueMethod.None }).PaybackYears);
    }

    [Fact]
    public void Npv_without_a_terminal_value_matches_the_hand_computation()
    {
        // 486,933.2791361363 less the book value 1,080,000 discounted 24 months at 10 %: 1,080,000 / 1.21.
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { TerminalValue = TerminalValueMethod.None });
        Assert.Equal(-405_628.7043349381, r.Npv, 1e-4);
    }

    [Fact]
    public void Exit_multiple_and_growing_perpetuity_value_the_last_year()
    {
        // Last 12 months' EBITDA 1,080,000 (rent 1,200,000 - staff 120,000).
        var exit = EconomicsEngine.Analyze(TestSites.TwoYear() with { TerminalValue = TerminalValueMethod.ExitMultiple, TerminalEbitdaMultiple = 8 });
        Assert.Equal(8_640_000, exit.TerminalValue, 1e-6);

        // Gordon at r = 10 %, g = 2 %: sustaining capex 1,200,000 / 10 = 120,000; tax 25 % x (1,080,000 - 120,000) = 240,000;
        // next year's FCF 1.02 x (1,080,000 - 240,000 - 120,000) = 734,400; value 734,400 / 0.08 = 9,180,000.
        var gordon = EconomicsEngine.Analyze(TestSites.TwoYear() with { TerminalValue = TerminalValueMethod.GrowingPerpetuity, TerminalGrowthRate = 0.02 });
        Assert.Equal(9_180_000, gordon.TerminalValue, 1e-6);
        Assert.Equal(9_180_000 / 1.21 - 1_080_000 / 1.21, gordon.Npv - EconomicsEngine.Analyze(TestSites.TwoYear()).Npv, 1e-6);

        // A going concern losing money is worth nothing, not less: rent 0 gives EBITDA -120,000.
        var losing = EconomicsEngine.Analyze(TestSites.TwoYear() with { RentPerKwMonth = 0, TerminalValue = TerminalValueMethod.ExitMultiple, TerminalEbitdaMultiple = 8 });
        Assert.Equal(0, losing.TerminalValue);
    }

    [Fact]
    public void Economic_break_even_occupancy_matches_the_closed_form()
    {
        // Occupancy o from the first month (no ramp). With A = Σ_{k=1..12} v^k, B = Σ_{k=13..24} v^k, v = 1.1^(-1/12):
        // NPV(o) = -100,000 A + (100,000 o - 10,000) B - 0.25 x 12 x (100,000 o - 20,000) / 1.21 + 1,080,000 / 1.21,
        // linear in o (the year is profitable at the root): A = 11.400487829330688, B = 10.364079844846081
        // → o* = 0.38243592399471593.
        var r = EconomicsEngine.Analyze(TestSites.TwoYear());
        Assert.Equal(0.38243592399471593, r.EconomicBreakEvenOccupancy!.Value, 1e-8);
        Assert.Null(r.EconomicBreakEvenOccupancyReason);
        Assert.Equal(0.2, r.BreakEvenOccupancy!.Value, 1e-9);       // the accounting one, 20 / 100

        var hopeless = EconomicsEngine.Analyze(TestSites.TwoYear() with { RentPerKwMonth = 10 });
        Assert.Null(hopeless.EconomicBreakEvenOccupancy);
        Assert.Equal(EconomicBreakEvenOccupancyReason.NpvNegativeAtFullOccupancy, hopeless.EconomicBreakEvenOccupancyReason);
    }

    [Fact]
    public void No_economic_break_even_rent_says_why_with_a_code()
    {
        var r = EconomicsEngine.Analyze(TestSites.TwoYear());
        Assert.NotNull(r.EconomicBreakEvenRentPerKwMonth);
        Assert.Null(r.EconomicBreakEvenReason);

        // Nothing is ever leased: rent cannot help.
        var empty = EconomicsEngine.Analyze(TestSites.TwoYear() with { Vacancy = 1, InitialOccupancy = 0 });
        Assert.Null(empty.EconomicBreakEvenRentPerKwMonth);
        Assert.Equal(EconomicBreakEvenReason.NpvNegativeAtAnyRent, empty.EconomicBreakEvenReason);

        // Power resold at three times its cost pays for everything: 2,847,000 x 2 = 5,694,000 a year of margin.
        var power = EconomicsEngine.Analyze(TestSites.TwoYear() with { PowerMarkup = 2 });
        Assert.Null(power.EconomicBreakEvenRentPerKwMonth);
        Assert.Equal(EconomicBreakEvenReason.NpvPositiveAtZeroRent, power.EconomicBreakEvenReason);
    }

    [Fact]
    public void Fractional_useful_lives_are_depreciated_exactly()
    {
        // 1,564,800 over 13.04 years = 156.48 months: 10,000 a month for 156 months and 4,800 in the 157th.
        // Rounded to 156 months it would be 10,030.77 a month and nothing in year 14.
        var site = TestSites.TwoYear() with
        {
            HorizonYears = 14,
            Capex = [new CapexItem(CapexComponent.Building, 1_564_800, 13.04)],
            ReplaceAtEndOfLife = false,
        };
        var years = EconomicsEngine.Analyze(site).Years;
        Assert.Equal(120_000, years[1].Depreciation, 1e-6);
        Assert.Equal(120_000, years[13].Depreciation, 1e-6);       // operating months 144-155
        Assert.Equal(4_800, years[14].Depreciation, 1e-6);         // 0.48 of month 156
        Assert.Equal(1_564_800, years.Sum(y => y.Depreciation), 1e-6);
        Assert.Equal(0, years[14].TerminalValue, 1e-6);

        // Rebuilt 0.48 into month 156: that month carries 4,800 + 0.52 x 10,000; the new asset stands 11.52 months
        // by the horizon's end, leaving 1,564,800 x (1 - 11.52 / 156.48) = 1,449,600 of book value.
        var rebuilt = EconomicsEngine.Analyze(site with { ReplaceAtEndOfLife = true }).Years;
        Assert.Equal(1_564_800, rebuilt[14].Capex, 1e-6);
        Assert.Equal(120_000, rebuilt[14].Depreciation, 1e-6);
        Assert.Equal(1_449_600, rebuilt[14].TerminalValue, 1e-6);
    }

    [Fact]
    public void Insurance_follows_the_assets_in_service_without_escalating_twice()
    {
        // Building 1,200,000 with a 1-year life, insurance 1 % a year of the assets in service.
        var site = TestSites.TwoYear() with
        {
            HorizonYears = 3,
            Capex = [new CapexItem(CapexComponent.Building, 1_200_000, 1)],
            InsuranceAndPropertyTaxRateOfCapex = 0.01,
            CapexEscalation = 0.1,
            OpexInflation = 0,
        };

        // Rebuilt at 1,320,000 and 1,452,000: insured at what stands.
        var rebuilt = EconomicsEngine.Analyze(site).Years;
        Assert.Equal([12_000.0, 13_200, 14_520], rebuilt.Skip(1).Select(y => Math.Round(y.InsuranceAndPropertyTax, 6)));

        // Retired and not rebuilt: nothing left to insure after the first operating year.
        var retired = EconomicsEngine.Analyze(site with { ReplaceAtEndOfLife = false }).Years;
        Assert.Equal([12_000.0, 0, 0], retired.Skip(1).Select(y => Math.Round(y.InsuranceAndPropertyTax, 6)));

        // Construction cost and general inflation both 10 %: the rebuild's cost already carries year 1's escalation,
        // so year 2 is 1 % x 1,320,000 = 13,200, not 1 % x 1,320,000 x 1.1 = 14,520.
        var both = EconomicsEngine.Analyze(site with { OpexInflation = 0.1 }).Years;
        Assert.Equal([12_000.0, 13_200, 14_520], both.Skip(1).Select(y => Math.Round(y.InsuranceAndPropertyTax, 6)));
    }

    [Fact]
    public void Maintenance_follows_electrical_and_mechanical_plant_in_service()
    {
        // Electrical 1,000,000 (2-year life), mechanical 500,000 (1-year life, not rebuilt), maintenance 2 % a year.
        var site = TestSites.TwoYear() with
        {
            HorizonYears = 3,
            Capex = [new CapexItem(CapexComponent.Electrical, 1_000_000, 2), new CapexItem(CapexComponent.Mechanical, 500_000, 1)],
            MaintenanceRateOfMepCapex = 0.02,
            ReplaceAtEndOfLife = false,
        };
        var years = EconomicsEngine.Analyze(site).Years;
        // Year 2: 2 % x 1,500,000; year 3: the mechanical plant has retired: 2 % x 1,000,000; year 4: nothing stands.
        Assert.Equal([30_000.0, 20_000, 0], years.Skip(1).Select(y => Math.Round(y.MaintenanceCost, 6)));
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

        // Construction cost up 10 % a year: the phase opening in operating year 1 costs 1,320,000.
        var escalated = EconomicsEngine.Analyze(site with { CapexEscalation = 0.1 });
        Assert.Equal([1_200_000.0, 1_320_000, 0, 0], escalated.Years.Select(y => Math.Round(y.Capex, 6)));
        Assert.Equal(2_520_000, escalated.InitialCapex, 1e-6);
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
        // 500 kW x 8,760 h x 0.1 x 0.5 = 219,000 a year over 12,000 kW-months.
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { PassThroughPue = 1.2 });
        Assert.Equal(18.25, r.CostStackPerKwMonth.Power, 1e-9);
    }

    [Fact]
    public void Part_load_pue_follows_the_formula_and_rises_as_load_falls()
    {
        var site = TestSites.TwoYear() with { DesignPue = 1.3, PueFixedShare = 0.4 };
        // f = 0.12, k = 0.18: at half load 1 + 0.18 + 0.24.
        Assert.Equal(1.3, site.PueAt(1), 1e-12);
        Assert.Equal(1.42, site.PueAt(0.5), 1e-12);
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
    public void A_pue_cap_is_held_against_the_annual_pue()
    {
        // The two-year site runs at PUE 1.3 all year, fully leased.
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { PueCap = 1.25 });
        Assert.Equal(
            [new EconomicsFinding(EconomicsFindingCode.AnnualPueAboveCapAtStabilisedOccupancy, 1.3, 1.25), new EconomicsFinding(EconomicsFindingCode.AnnualPueAboveCapFullyLeased, 1.3, 1.25)],
            r.Findings.Select(f => f with { Value = Math.Round(f.Value, 12) }));
        Assert.Empty(EconomicsEngine.Analyze(TestSites.TwoYear() with { PueCap = 1.3 }).Findings);
        Assert.Empty(EconomicsEngine.Analyze(TestSites.TwoYear()).Findings);
    }

    [Fact]
    public void The_essay_preset_meets_the_pue_cap_it_cites_on_an_annual_basis()
    {
        // designPue 1.18, fixed share 0.3, 45.5 % of design IT at 65 % occupancy x 0.7 load factor:
        // 1 + 0.18 x (0.7 + 0.3 / 0.455) = 1.24468.
        var r = EconomicsEngine.Analyze(Preset("cn-2025-essay"));
        Assert.Equal(1.25, r.Site.PueCap);
        Assert.Equal(1.2446813186813, r.PueAtStabilisedOccupancy, 1e-9);
        Assert.Empty(r.Findings);

        // At the old design PUE of 1.25 the stabilised year runs 1 + 0.25 x (0.7 + 0.3 / 0.455) = 1.33984 and the fully
        // leased one 1 + 0.25 x (0.7 + 0.3 / 0.7) = 1.28214: both above the cap.
        var old = EconomicsEngine.Analyze(Preset("cn-2025-essay") with { DesignPue = 1.25 });
        Assert.Equal([EconomicsFindingCode.AnnualPueAboveCapAtStabilisedOccupancy, EconomicsFindingCode.AnnualPueAboveCapFullyLeased], old.Findings.Select(f => f.Code));
        Assert.Equal(1.3398351648, old.Findings[0].Value, 1e-9);
        Assert.Equal(1.2821428571, old.Findings[1].Value, 1e-9);
    }

    [Fact]
    public void A_land_use_right_is_amortised_over_its_term()
    {
        // cn-2025-essay: RMB 1 M/MW of land-use right over 50 years: 20,000,000 / 50 = 400,000 a year,
        // 400,000 / (20,000 kW x 12) = 1.667 per kW-month on top of the 274.573 of the buildings and plant.
        var r = EconomicsEngine.Analyze(Preset("cn-2025-essay"));
        Assert.Equal(LandTenure.LandUseRight, r.Site.LandTenure);
        Assert.Equal(1.0 / 0.6, r.DepreciationByComponentPerKwMonth[CapexComponent.Land], 1e-9);
        Assert.Equal(276.2393333333, r.AccountingBreakEvenRentPerKwMonth, 1e-6);
    }

    [Fact]
    public void Freehold_land_with_a_useful_life_is_refused_by_the_engine_too()
    {
        var site = TestSites.TwoYear() with { Capex = [new CapexItem(CapexComponent.Land, 100_000, 30), new CapexItem(CapexComponent.Building, 1_200_000, 10)] };
        Assert.Throws<ArgumentException>(() => EconomicsEngine.Analyze(site));
        // As a 30-year land-use right it is amortised: 100,000 / 30 a year beside the building's 120,000.
        Assert.Equal(100_000 / 30.0, EconomicsEngine.Analyze(site with { LandTenure = LandTenure.LandUseRight }).Years[1].Depreciation - 120_000, 1e-6);
    }

    [Fact]
    public void A_project_that_never_recovers_has_no_irr_and_no_payback()
    {
        var r = EconomicsEngine.Analyze(TestSites.TwoYear() with { RentPerKwMonth = 5, TerminalValue = TerminalValueMethod.None });
        Assert.Null(r.Irr.AnnualRate);
        Assert.NotNull(r.Irr.Reason);
        Assert.Null(r.PaybackYears);
        Assert.Null(r.DiscountedPaybackYears);
    }
}
