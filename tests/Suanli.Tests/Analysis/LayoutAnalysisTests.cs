using CsCheck;
using Suanli.Analysis.Layout;
using Suanli.Analysis.Results;
using Suanli.Core.Economics;
using Suanli.Reports;
using Suanli.Scenarios;

namespace Suanli.Tests.Analysis;

/// <summary>The layout comparison as data: savings, PUE advantage, training, figures, metrics and findings as codes.</summary>
public class LayoutAnalysisTests
{
    private const string Preset = "cn-200mw-campus-vs-5-sites";

    private static Scenario Load(params string[] sets) => ScenarioLoader.FromPreset(Preset, sets).Scenario!;

    [Fact]
    public void The_savings_breakdown_has_the_hand_computed_lines_of_the_preset()
    {
        // The arithmetic below takes the reference site's design PUE as 1.25 (the preset runs at 1.18 to meet its cap).
        var r = LayoutAnalysis.Evaluate(Load("site.designPue=1.25"));
        // Staff: campus 40 x (200 / 40)^0.5 = 89.443 FTE against 5 x 40 = 200; x 150,000 RMB / (200,000 kW x 12) = 6.910 RMB per kW-month.
        Assert.Equal(6.909830, r.Savings[SavingsSource.Staff], 1e-6);
        // Network: 4 chain links x 500 km x 400 Gbps x 5 RMB = 4 M RMB a year over 200,000 kW x 12 months = 1.667 RMB per kW-month.
        Assert.Equal(4e6 / 2.4e6, r.Savings[SavingsSource.NetworkAndOther], 1e-9);
        Assert.Equal(4, r.NetworkLinks);
        // Power is passed through at metered PUE: the operator saves nothing; tenants save 19.48 (the CLI test has the arithmetic).
        Assert.Equal(0, r.Savings[SavingsSource.Power], 1e-9);
        Assert.True(r.PowerPassThrough);
        Assert.True(r.PowerSavingGoesToTenants);
        Assert.Equal(19.48, r.Savings.TenantPower.Saving, 0.01);
        Assert.Equal(PueAdvantageCause.PlantSize, r.PueAdvantage.Cause);
        Assert.Equal(r.Comparison.Distributed.AccountingBreakEvenRentPerKwMonth - r.Comparison.Campus.AccountingBreakEvenRentPerKwMonth, r.Savings.Total, 1e-9);
    }

    [Fact]
    public void The_training_job_is_assessed_with_the_closed_forms_on_one_site_and_on_five()
    {
        var r = LayoutAnalysis.Evaluate(Load());
        Assert.Equal(LayoutTrainingStatus.Assessed, r.Training.Status);
        Assert.Equal(1, r.Training.Campus!.Sites);
        Assert.Equal(5, r.Training.Distributed!.Sites);
        Assert.Equal(500, r.Training.Distributed.DistanceKm);
        Assert.Equal(r.Training.Campus.ClosedForms.LambdaPerHour * 24, r.Training.Campus.InterruptionsPerDay, 1e-12);
        Assert.True(r.Training.Distributed.InterruptionsPerDay > r.Training.Campus.InterruptionsPerDay);
        Assert.Equal("layout.training.stepTime", r.Training.Note.Code);
        Assert.True(r.Training.IntervalIsDaly);
        Assert.False(LayoutAnalysis.Evaluate(Load("training.checkpoint.intervalMinutes=30")).Training.IntervalIsDaly);
    }

    [Fact]
    public void Findings_are_codes_with_numbers_in_the_order_the_report_reads_them()
    {
        var r = LayoutAnalysis.Evaluate(Load());
        Assert.Equal(
            ["layout.campusSaves", "layout.savingShares", "layout.pue.plantSize", "layout.pueAtOccupancy", "layout.npv", "layout.training.spanningFailures",
                "layout.training.wanForTarget"],
            r.Readings.Select(f => f.Code));
        var saves = r.Readings[0];
        // 1 - 44.657 / 51.4 = 13.1 %.
        Assert.Equal(0.131191, saves.Args["capexSaving"].Number!.Value, 1e-6);
        Assert.Equal(new Term("currency.RMB"), saves.Args["currency"].Term);
        Assert.Null(r.PueNote);
        Assert.Contains(r.Findings, f => f.Code == "layout.training.stepTime");
    }

    [Fact]
    public void The_step_time_of_the_job_runs_over_the_layouts_own_links()
    {
        // 16,000 H800 (125 replicas of 128, 25 per site) at 41 % MFU on 16,777,216-token steps: t_c = 6 × 405e9 ×
        // 16,777,216 / (16,000 × 989e12 × 0.41) = 6.282 s. Five sites in a chain at 500 km on 400 Gbps links: each site
        // sends 2 × 4/5 × 1,620 GB = 2,592 GB = 20,736 Gbit = 51.84 s a step; in site 2 × 24/25 × 12.656 GB at 400 Gbps
        // = 0.486 s; latency 8 × (2.5 ms + 50 µs) = 0.0204 s. Exposed 52.35 − 3.141 = 49.21 s: efficiency 6.282 / 55.49 = 11.3 %.
        var r = LayoutAnalysis.Evaluate(Load());
        var step = r.Training.Step!;
        Assert.Equal(1, step.CampusEfficiency, 9);
        Assert.InRange(step.DistributedEfficiency, 0.1125, 0.1140);

        // 95 % leaves 6.282 × (1/0.95 − 1) + 3.141 − 0.486 − 0.0204 = 2.965 s for 20,736 Gbit: ≈ 6,993 Gbps per link.
        Assert.InRange(step.RequiredGbpsPerLink!.Value, 6980, 7010);

        // Four links of 500 km at RMB 5 per Gbps-km-year: 400 Gbps cost 4.0 M a year; the required capacity ≈ 69.9 M.
        Assert.Equal(4.0e6, step.NetworkCostPerYear, 6);
        Assert.InRange(step.RequiredNetworkCostPerYear!.Value, 69.8e6, 70.1e6);

        // A job that does not split evenly over the five sites keeps its reliability figures and says why there is no step time.
        var uneven = LayoutAnalysis.Evaluate(Load("training.job.accelerators=16384")).Training;
        Assert.Null(uneven.Step);
        Assert.Equal("layout.training.stepNotSplit", uneven.Note.Code);
    }

    [Fact]
    public void Metrics_have_stable_keys_units_and_currency()
    {
        var r = LayoutAnalysis.Evaluate(Load());
        var metrics = r.Metrics.ToDictionary(m => m.Key);
        Assert.Equal(r.Metrics.Count, metrics.Count);
        foreach (var key in new[]
        {
            "capexPerMw", "opexPerMwYear", "pue", "energyMwhPerYear", "co2TonnesPerYear", "accountingBreakEvenRentPerKwMonth",
            "economicBreakEvenRentPerKwMonth", "npv", "irr", "staffFte", "ettr",
        })
        {
            Assert.Contains("campus." + key, metrics.Keys);
            Assert.Contains("distributed." + key, metrics.Keys);
        }

        Assert.Equal(r.Comparison.Campus.Pue, metrics["campus.pue"].Value);
        Assert.Equal(Suanli.Core.Unit.MoneyPerMwYear, metrics["campus.opexPerMwYear"].Unit);
        Assert.Equal(Suanli.Core.Currency.RMB, metrics["distributed.npv"].Currency);
        Assert.Null(metrics["campus.pue"].Currency);
        Assert.Equal(r.Savings.Total, metrics["savings.totalPerKwMonth"].Value);
    }

    [Fact]
    public void Layouts_that_cost_the_same_have_no_saving_to_break_down()
    {
        // No scale effect anywhere and free links: the two layouts cost the same, up to rounding. Before, the residue
        // (~1e-14 RMB) was split into shares ("power 97%, network and other 3%").
        var r = LayoutAnalysis.Evaluate(Load("layout.scaleExponent=1", "layout.staffExponent=1", "layout.pueOverheadExponent=1",
            "layout.distributed.networkCostPerKmGbpsYear=0"));
        Assert.Equal(0, r.Savings.Total, 1e-9);
        Assert.False(r.Savings.HasSaving);
        Assert.All(r.Savings.Lines, l => Assert.Null(l.Share));
        Assert.Contains(r.Readings, f => f.Code == "layout.noSaving");
        Assert.DoesNotContain(r.Readings, f => f.Code == "layout.savingShares");
        Assert.Equal(PueAdvantageCause.None, r.PueAdvantage.Cause);
    }

    [Fact]
    public void Without_it_load_pue_is_null_with_its_reason_as_a_finding()
    {
        var r = LayoutAnalysis.Evaluate(Load(), new LayoutOptions(Occupancy: 0, OccupancySweep: true));
        Assert.Equal("layout.pueUndefined", r.PueNote!.Code);
        Assert.Null(r.Figures.Single(f => f.Key == "pue").DeltaPercent);
        Assert.Contains(r.Readings, f => f.Code == "layout.noItLoad");
        Assert.Equal(8, r.Sweep!.Count);
    }

    [Fact]
    public void A_cancelled_run_stops_before_computing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => LayoutAnalysis.Evaluate(Load(), null, null, cancelled.Token));
    }

    [Fact]
    public void Progress_is_reported_step_by_step()
    {
        var steps = new List<AnalysisProgress>();
        LayoutAnalysis.Evaluate(Load(), new LayoutOptions(OccupancySweep: true), new SyncProgress(steps.Add));
        Assert.Equal([0, 1, 2, 3], steps.Select(s => s.Done));
        Assert.All(steps, s => Assert.Equal(3, s.Total));
    }

    /// <summary>Random layouts around the preset, on either pricing, with or without a training job across them.</summary>
    private static readonly Gen<(Scenario Scenario, double Occupancy)> Layouts = Gen.Select(Gen.Double[0, 1].Array[6], Gen.Int[1, 12], Gen.Bool, Gen.Double[0, 1],
        (x, units, included, occupancy) =>
        {
            var s = Load();
            var layout = s.Layout! with
            {
                TotalItMw = 1 + (999 * x[0]),
                Units = units,
                ScaleExponent = 0.5 + (0.5 * x[1]),
                StaffExponent = x[2],
                PueOverheadExponent = 0.5 + (0.5 * x[3]),
                NetworkCostPerKmGbpsYear = 10 * x[4],
            };
            layout = layout with { BaseSite = layout.BaseSite with { PowerPricing = included ? PowerPricing.Included : PowerPricing.PassThrough, RentPerKwMonth = 50 + (950 * x[5]) } };
            return (s with { Layout = layout, Training = units > 6 ? null : s.Training }, occupancy);
        });

    [Fact]
    public void The_savings_lines_add_up_to_the_difference_in_break_even_and_their_shares_to_one()
    {
        Layouts.Sample((scenario, occupancy) =>
        {
            var r = LayoutAnalysis.Evaluate(scenario, new LayoutOptions(occupancy));
            var s = r.Savings;
            var scale = Math.Max(1, s.DistributedTotal);
            Assert.Equal(s.DistributedTotal - s.CampusTotal, s.Total, 1e-9 * scale);
            Assert.Equal(s.Total, s.Lines.Sum(l => l.Saving), 1e-9 * scale);
            Assert.All(s.Lines, l => Assert.Equal(l.Distributed - l.Campus, l.Saving, 1e-12 * scale));
            if (s.HasSaving)
            {
                Assert.Equal(1, s.Lines.Sum(l => l.Share!.Value), 1e-9);
            }
        }, iter: 40);
    }

    [Fact]
    public void Every_finding_has_words_in_every_language()
    {
        Layouts.Sample((scenario, occupancy) =>
        {
            var r = LayoutAnalysis.Evaluate(scenario, new LayoutOptions(occupancy));
            foreach (var language in new[] { Language.En, Language.ZhHant, Language.ZhHans })
            {
                var words = Words.For(language);
                foreach (var f in r.Findings)
                {
                    Assert.False(string.IsNullOrWhiteSpace(words.Finding(f)));
                }
            }
        }, iter: 30);
    }

    /// <summary>Reports on the calling thread, so the order of reports is the order of calls.</summary>
    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
