using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

public class LayoutEngineTests
{
    // The hand-computed values below take the reference site's design PUE as 1.25 (the preset itself runs at 1.18 so that its
    // standalone sites meet the 1.25 cap on annual PUE): the tests state it rather than follow the preset.
    private static LayoutInputs Preset(params string[] sets) =>
        ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", ["site.designPue=1.25", .. sets]).Scenario!.Layout!;

    /// <summary>Every figure of one layout against the other's, to a relative tolerance.</summary>
    internal static void AssertSameFigures(LayoutResult a, LayoutResult b, double relative)
    {
        static void Same(double? x, double? y, double tol, string what)
        {
            Assert.True(x.HasValue == y.HasValue, $"{what}: {x} vs {y}");
            if (x is { } u && y is { } v)
            {
                Assert.True(Math.Abs(u - v) <= tol * Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))), $"{what}: {u:R} vs {v:R}");
            }
        }

        Same(a.CapexPerMw, b.CapexPerMw, relative, "capex per MW");
        Same(a.OpexPerMwYear, b.OpexPerMwYear, relative, "opex per MW-year");
        Same(a.Pue, b.Pue, relative, "PUE");
        Same(a.PueFullLoad, b.PueFullLoad, relative, "PUE at full load");
        Same(a.StaffFte, b.StaffFte, relative, "staff");
        Same(a.EnergyMwhPerYear, b.EnergyMwhPerYear, relative, "energy");
        Same(a.Co2TonnesPerYear, b.Co2TonnesPerYear, relative, "CO2");
        Same(a.EnergyCostPerYear, b.EnergyCostPerYear, relative, "electricity bill");
        Same(a.NetworkCostPerYear, b.NetworkCostPerYear, relative, "network");
        Same(a.TenantPowerPerKwMonth, b.TenantPowerPerKwMonth, relative, "tenant power");
        Same(a.AccountingBreakEvenRentPerKwMonth, b.AccountingBreakEvenRentPerKwMonth, relative, "accounting break-even");
        Same(a.EconomicBreakEvenRentPerKwMonth, b.EconomicBreakEvenRentPerKwMonth, 1e-6, "economic break-even");
        Same(a.Npv, b.Npv, relative, "NPV");
        Same(a.Irr.AnnualRate, b.Irr.AnnualRate, relative, "IRR");
        foreach (var ((name, x), (_, y)) in a.CostStackPerKwMonth.Lines.Zip(b.CostStackPerKwMonth.Lines))
        {
            Same(x, y, relative, "cost stack " + name);
        }
    }

    [Fact]
    public void A_campus_of_one_hall_is_one_standalone_site_in_every_figure()
    {
        // Before plant PUE followed size, this preset gave PUE 1.272 vs 1.340 for the same 200 MW plant.
        var c = LayoutEngine.Compare(Preset("layout.units=1"));
        AssertSameFigures(c.Campus, c.Distributed, 1e-12);
        Assert.Equal(200, c.Distributed.PlantItMw);
    }

    [Fact]
    public void At_the_reference_size_a_layout_is_the_reference_site()
    {
        var inputs = Preset("layout.units=1", "layout.totalItMw=40");
        var c = LayoutEngine.Compare(inputs);
        var econ = EconomicsEngine.Analyze(inputs.BaseSite);
        Assert.Equal(econ.Npv, c.Campus.Npv, 1e-3);
        Assert.Equal(econ.AccountingBreakEvenRentPerKwMonth, c.Campus.AccountingBreakEvenRentPerKwMonth, 1e-9);
        Assert.Equal(1.25, c.Campus.PueFullLoad, 1e-12);                     // site.designPue, unscaled at P = P_ref
        Assert.Equal(51_400_000, c.Campus.CapexPerMw, 1e-3);                  // 1.0 + 18.648 + 16.987 + 9.725 + 5.04 + 0 = 51.4 M RMB
    }

    [Fact]
    public void The_plant_design_pue_follows_its_size()
    {
        var inputs = Preset();

        // 1 + 0.25 × (200 / 40)^(0.85 − 1) = 1 + 0.25 × 5^−0.15 = 1 + 0.25 × 0.785515 = 1.196379.
        Assert.Equal(1.196379, inputs.DesignPueAt(200), 1e-6);
        Assert.Equal(1.25, inputs.DesignPueAt(40), 1e-12);

        // A 10 MW plant: 1 + 0.25 × 0.25^−0.15 = 1 + 0.25 × 1.231144 = 1.307786.
        Assert.Equal(1.307786, inputs.DesignPueAt(10), 1e-6);
        Assert.Equal(1.25, (inputs with { PueOverheadExponent = 1 }).DesignPueAt(200), 1e-12);

        var c = LayoutEngine.Compare(inputs);
        Assert.Equal(1.196379, c.Campus.PueFullLoad, 1e-6);
        Assert.Equal(1.25, c.Distributed.PueFullLoad, 1e-12);
    }

    [Fact]
    public void Pue_energy_and_carbon_at_the_occupancy_studied_match_a_hand_computation()
    {
        var c = LayoutEngine.Compare(Preset());

        // Campus, one 200 MW plant at 65 % occupancy and load factor 0.7: u = 0.455, IT 91,000 kW.
        // Design overhead 0.196379 = fixed f 0.058914 (30 %) + proportional k 0.137465.
        // Facility 91,000 × 1.137465 + 0.058914 × 200,000 = 103,509.3 + 11,782.7 = 115,292.1 kW → PUE 1.266946.
        Assert.Equal(1.266946, c.Campus.Pue!.Value, 1e-6);
        Assert.Equal(1_009_958.4, c.Campus.EnergyMwhPerYear, 0.5);          // 115,292.05 kW × 8,760 h
        Assert.Equal(575_979.3, c.Campus.Co2TonnesPerYear, 0.5);            // × 0.5703 kg/kWh

        // Five 40 MW sites at the reference PUE 1.25: 1 + 0.175 + 0.075 / 0.455 = 1.339835.
        Assert.Equal(1.339835, c.Distributed.Pue!.Value, 1e-6);
        Assert.Equal(1_068_063.0, c.Distributed.EnergyMwhPerYear, 0.5);     // 5 × (18,200 × 1.175 + 3,000) kW × 8,760 h
    }

    [Fact]
    public void Shared_components_follow_the_power_law_and_the_rest_stay_linear()
    {
        var inputs = Preset();
        var building = inputs.BaseSite.Capex.Single(c => c.Component == CapexComponent.Building);
        var fitOut = inputs.BaseSite.Capex.Single(c => c.Component == CapexComponent.FitOut);

        // 18,648,000 × (200 / 40)^(0.9 − 1) = 18,648,000 × 0.851340 = 15,875,787 RMB per MW.
        Assert.Equal(15_875_787, inputs.CostPerMwAt(building, 200), 1.0);
        Assert.Equal(5_040_000, inputs.CostPerMwAt(fitOut, 200));
        Assert.Equal(89.442719, inputs.StaffAt(200), 1e-6);                  // 40 × √5
        var flat = inputs with { ScaleExponent = 1, StaffExponent = 1 };
        Assert.Equal(18_648_000, flat.CostPerMwAt(building, 200), 1e-6);
        Assert.Equal(200, flat.StaffAt(200), 1e-9);
    }

    [Fact]
    public void Scale_economies_are_monotone()
    {
        double previousCapex = double.PositiveInfinity, previousStaffPerMw = double.PositiveInfinity, previousPue = double.PositiveInfinity;
        foreach (var mw in new[] { 40.0, 80, 160, 320, 640 })
        {
            var campus = LayoutEngine.Compare(Preset(FormattableString.Invariant($"layout.totalItMw={mw}"))).Campus;
            Assert.True(campus.CapexPerMw < previousCapex, $"capex per MW at {mw} MW");
            Assert.True(campus.StaffFte / mw < previousStaffPerMw, $"staff per MW at {mw} MW");
            Assert.True(campus.PueFullLoad < previousPue, $"design PUE at {mw} MW");
            previousCapex = campus.CapexPerMw;
            previousStaffPerMw = campus.StaffFte / mw;
            previousPue = campus.PueFullLoad;
        }
    }

    [Fact]
    public void The_occupancy_sweep_matches_hand_values_and_falls_with_occupancy()
    {
        var rows = LayoutEngine.OccupancySweep(Preset());
        Assert.Equal(8, rows.Count);

        // 30 % occupancy, u = 0.21: campus 1 + 0.137465 + 0.058914 / 0.21 = 1.418006; sites 1 + 0.175 + 0.075 / 0.21 = 1.532143.
        Assert.Equal(1.418006, rows[0].CampusPue!.Value, 1e-6);
        Assert.Equal(1.532143, rows[0].DistributedPue!.Value, 1e-6);

        // 100 %, u = 0.7: 1 + 0.137465 + 0.058914 / 0.7 = 1.221627; 1 + 0.175 + 0.075 / 0.7 = 1.282143.
        Assert.Equal(1.221627, rows[7].CampusPue!.Value, 1e-6);
        Assert.Equal(1.282143, rows[7].DistributedPue!.Value, 1e-6);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].CampusBreakEvenRentPerLeasedKwMonth < rows[i - 1].CampusBreakEvenRentPerLeasedKwMonth);
        }
    }

    [Fact]
    public void The_campus_is_cheaper_when_it_shares_plant_and_staff()
    {
        var c = LayoutEngine.Compare(Preset());
        Assert.True(c.Campus.CapexPerMw < c.Distributed.CapexPerMw);
        Assert.True(c.Campus.StaffFte < c.Distributed.StaffFte);
        Assert.True(c.Campus.AccountingBreakEvenRentPerKwMonth < c.Distributed.AccountingBreakEvenRentPerKwMonth);
        Assert.True(c.Campus.Co2TonnesPerYear < c.Distributed.Co2TonnesPerYear);
        Assert.Equal(4_000_000, c.Distributed.NetworkCostPerYear);            // 4 links × 500 km × 400 Gbps × RMB 5
    }

    [Fact]
    public void Tenants_pay_the_power_saving_under_pass_through()
    {
        var c = LayoutEngine.Compare(Preset());

        // Fully leased, u = 0.7: tenants pay IT × PUE × price per built kW-month = 0.7 × 730 h × PUE × 0.63.
        // Campus 321.93 × 1.221627 = 393.28; sites 321.93 × 1.282143 = 412.76 RMB.
        Assert.Equal(393.28, c.Campus.TenantPowerPerKwMonth, 0.01);
        Assert.Equal(412.76, c.Distributed.TenantPowerPerKwMonth, 0.01);
    }

    [Fact]
    public void No_it_load_leaves_pue_undefined_and_every_other_figure_finite()
    {
        var c = LayoutEngine.Compare(Preset("site.vacancy=1"));
        Assert.Equal(0, c.Occupancy);
        foreach (var r in new[] { c.Campus, c.Distributed })
        {
            Assert.Null(r.Pue);
            Assert.True(double.IsFinite(r.EnergyMwhPerYear) && r.EnergyMwhPerYear > 0);
            Assert.True(double.IsFinite(r.Co2TonnesPerYear) && double.IsFinite(r.OpexPerMwYear) && double.IsFinite(r.Npv));
        }

        // The fixed overhead alone: 0.058914 × 200,000 kW × 8,760 h = 103,217 MWh on the campus; 0.075 × 200,000 × 8.76 = 131,400 on the sites.
        Assert.Equal(103_217, c.Campus.EnergyMwhPerYear, 1.0);
        Assert.Equal(131_400, c.Distributed.EnergyMwhPerYear, 1e-6);
        Assert.Null(LayoutEngine.PueAt(Preset(), LayoutKind.Campus, 1e-320));
    }

    [Fact]
    public void Each_distributed_site_may_have_its_own_grid()
    {
        var inputs = Preset();
        inputs = inputs with { DistributedSites = [.. Enumerable.Range(0, 5).Select(i => new SiteGrid(0.3 + 0.1 * i, 0.4 + 0.1 * i))] };
        var d = LayoutEngine.Compare(inputs).Distributed;
        Assert.Equal([0.3, 0.4, 0.5, 0.6, 0.7], d.Sites.Select(s => Math.Round(s.ElectricityPricePerKwh, 10)));
        Assert.Equal(1_068_063.0 / 5 * (0.4 + 0.5 + 0.6 + 0.7 + 0.8), d.Co2TonnesPerYear, 0.5);
    }
}
