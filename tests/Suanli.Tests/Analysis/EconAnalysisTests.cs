using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Scenarios;

namespace Suanli.Tests.Analysis;

public class EconAnalysisTests
{
    private static EconResult Evaluate(string preset, params string[] sets)
    {
        var loaded = ScenarioLoader.FromPreset(preset, sets);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Diagnostics));
        return EconAnalysis.Evaluate(loaded.Scenario!);
    }

    [Fact]
    public void Lease_up_years_above_the_pue_cap_are_flagged_even_when_the_stabilised_year_meets_it()
    {
        // cn-2025-essay: design PUE 1.18, 30 % fixed overhead, load factor 0.7. In project year 3 occupancy averages
        // ~35 %: IT load 0.245 of design, PUE = 1 + 0.126 + 0.054 / 0.245 ≈ 1.344 > 1.25.
        var r = Evaluate("cn-2025-essay");
        var f = Assert.Single(r.Findings, f => f.Code == "econ.annualPueAboveCapInYears");
        Assert.Equal(FindingLevel.Warning, f.Level);
        Assert.Equal([3.0, 4.0, 5.0], f.Args["years"].Numbers!);
        Assert.InRange(f.Args["highest"].Number!.Value, 1.34, 1.35);
        Assert.DoesNotContain(r.Findings, f => f.Code == "econ.annualPueAboveCapAtStabilisedOccupancy");
    }

    [Fact]
    public void A_payback_that_is_lost_again_is_flagged_with_the_year_and_where_the_flows_end()
    {
        // The review's example: paid back in year 16, then an 8.6 bn building rebuild in year 17 (13-year life).
        var r = Evaluate("us-2025", "site.vacancy=0.155109", "site.discountRate=0.177387", "site.itCapacityMw=386.664", "site.designPue=1.38428",
            "site.incomeTaxRate=0.447191", "site.constructionMonths=40", "site.capex.building.costPerMw=9258220.0", "site.opexInflation=0.0701937",
            "site.pueFixedShare=0.329341", "site.powerMarkup=0.246412", "site.terminalValue=none", "site.horizonYears=15",
            "site.capex.building.usefulLifeYears=13", "site.capexEscalation=0", "site.electricityPriceEscalation=0");
        Assert.NotNull(r.Economics.PaybackYears);
        var f = Assert.Single(r.Findings, f => f.Code == "econ.paybackReversed");
        Assert.Equal(17, f.Args["year"].Number);
        Assert.True(f.Args["end"].Number < 0);
        Assert.Equal(r.Economics.Years[^1].CumulativeFreeCashFlow, f.Args["end"].Number!.Value, 1e-6);
    }

    [Fact]
    public void A_payback_that_holds_is_not_flagged()
    {
        Assert.DoesNotContain(Evaluate("us-2025").Findings, f => f.Code == "econ.paybackReversed");
    }
}
