using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

public class LayoutEngineTests
{
    private static LayoutInputs Preset(params string[] sets) => ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", sets).Scenario!.Layout!;

    [Fact]
    public void A_campus_of_one_hall_is_one_standalone_site()
    {
        var inputs = Preset("layout.units=1", "layout.totalItMw=40");
        inputs = inputs with { Distributed = inputs.Campus };
        var c = LayoutEngine.Compare(inputs);
        Assert.Equal(c.Campus.Npv, c.Distributed.Npv, 1e-3);
        Assert.Equal(c.Campus.CapexPerMw, c.Distributed.CapexPerMw, 1e-6);
        Assert.Equal(c.Campus.StaffFte, c.Distributed.StaffFte, 1e-12);
        Assert.Equal(c.Campus.Pue, c.Distributed.Pue, 1e-12);
        Assert.Equal(c.Campus.AccountingBreakEvenRentPerKwMonth, c.Distributed.AccountingBreakEvenRentPerKwMonth, 1e-9);
        Assert.Equal(c.Campus.EconomicBreakEvenRentPerKwMonth!.Value, c.Distributed.EconomicBreakEvenRentPerKwMonth!.Value, 1e-6);

        // At the reference size it is exactly the economics engine on the reference site with the layout's plant.
        var site = inputs.BaseSite with { DesignPue = inputs.Campus.DesignPue, PueFixedShare = inputs.Campus.PueFixedShare };
        var econ = EconomicsEngine.Analyze(site);
        Assert.Equal(econ.Npv, c.Campus.Npv, 1e-3);
        Assert.Equal(econ.AccountingBreakEvenRentPerKwMonth, c.Campus.AccountingBreakEvenRentPerKwMonth, 1e-9);
        Assert.Equal(inputs.BaseSite.CapexPerMw, c.Campus.CapexPerMw, 1e-6);
    }

    [Fact]
    public void Scale_economies_are_monotone()
    {
        double previousCapex = double.PositiveInfinity, previousStaffPerMw = double.PositiveInfinity;
        foreach (var mw in new[] { 40.0, 80, 160, 320, 640 })
        {
            var campus = LayoutEngine.Compare(Preset(FormattableString.Invariant($"layout.totalItMw={mw}"))).Campus;
            Assert.True(campus.CapexPerMw < previousCapex || mw == 40, $"capex per MW at {mw} MW");
            Assert.True(campus.StaffFte / mw < previousStaffPerMw || mw == 40);
            previousCapex = campus.CapexPerMw;
            previousStaffPerMw = campus.StaffFte / mw;
        }
    }

    [Fact]
    public void Shared_components_follow_the_power_law_and_the_rest_stay_linear()
    {
        var inputs = Preset();
        var building = inputs.BaseSite.Capex.Single(c => c.Component == CapexComponent.Building);
        var fitOut = inputs.BaseSite.Capex.Single(c => c.Component == CapexComponent.FitOut);
        // capex(P) = ref × P_ref × (P / P_ref)^b → per MW ref × (P / P_ref)^(b − 1); 200 / 40 = 5, b = 0.9.
        Assert.Equal(building.CostPerMw * Math.Pow(5, -0.1), inputs.CostPerMwAt(building, 200), 1e-6);
        Assert.Equal(fitOut.CostPerMw, inputs.CostPerMwAt(fitOut, 200));
        Assert.Equal(40 * Math.Sqrt(5), inputs.StaffAt(200), 1e-9);
        var flat = inputs with { ScaleExponent = 1, StaffExponent = 1 };
        Assert.Equal(building.CostPerMw, flat.CostPerMwAt(building, 200), 1e-9);
        Assert.Equal(200, flat.StaffAt(200), 1e-9);
    }

    [Fact]
    public void Pue_follows_the_formula_and_rises_as_occupancy_falls()
    {
        var inputs = Preset();
        var rows = LayoutEngine.OccupancySweep(inputs);
        Assert.Equal(8, rows.Count);
        var lf = inputs.BaseSite.LoadFactor;
        foreach (var r in rows)
        {
            var f = (inputs.Campus.DesignPue - 1) * inputs.Campus.PueFixedShare;
            var k = inputs.Campus.DesignPue - 1 - f;
            Assert.Equal(1 + k + f / (r.Occupancy * lf), r.CampusPue, 1e-12);
        }

        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].CampusPue < rows[i - 1].CampusPue);
            Assert.True(rows[i].DistributedPue < rows[i - 1].DistributedPue);
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
        Assert.Equal(4 * 500 * 400 * 5.0, c.Distributed.NetworkCostPerYear);       // 4 links × 500 km × 400 Gbps × RMB 5
    }

    [Fact]
    public void Carbon_is_energy_times_the_grid_factor()
    {
        var c = LayoutEngine.Compare(Preset());
        Assert.Equal(c.Campus.EnergyMwhPerYear * 0.5703, c.Campus.Co2TonnesPerYear, 1e-6);
    }

    [Fact]
    public void Each_distributed_site_may_have_its_own_grid()
    {
        var inputs = Preset();
        inputs = inputs with { DistributedSites = [.. Enumerable.Range(0, 5).Select(i => new SiteGrid(0.3 + 0.1 * i, 0.4 + 0.1 * i))] };
        var d = LayoutEngine.Compare(inputs).Distributed;
        Assert.Equal([0.3, 0.4, 0.5, 0.6, 0.7], d.Sites.Select(s => Math.Round(s.ElectricityPricePerKwh, 10)));
        var perSite = d.EnergyMwhPerYear / 5;
        Assert.Equal(perSite * (0.4 + 0.5 + 0.6 + 0.7 + 0.8), d.Co2TonnesPerYear, 1e-6);
    }
}
