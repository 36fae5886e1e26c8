using System.Diagnostics;
using Suanli.Analysis.Reliability;
using Suanli.Analysis.Results;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Tests.Analysis;

public class ReliabilityAnalysisTests
{
    private static Scenario Preset(string name, params string[] sets) =>
        ScenarioLoader.FromPreset(name, sets).Scenario ?? throw new InvalidOperationException("preset did not load");

    private static double Metric(ReliabilityResult r, string key) => r.Metrics.Single(m => m.Key == key).Value!.Value;

    [Fact]
    public void Llama3_metrics_are_its_published_count_over_54_days()
    {
        // The preset's per-unit MTBFs are derived so that the 54-day total is Meta's 419 (arXiv 2407.21783, Table 5); they
        // are written rounded to whole hours, hence the tolerance of 0.01 %.
        var r = ReliabilityAnalysis.Evaluate(Preset("llama3-405b-16k"), new ReliabilityOptions());
        Assert.Equal(419, Metric(r, "expectedInterruptions"), 419e-4);
        Assert.Equal(419.0 / 54, Metric(r, "lambdaPerDay"), 419.0 / 54 * 1e-4);
        Assert.Equal(54 * 24 / 419.0, Metric(r, "mttiHours"), 54 * 24 / 419.0 * 1e-4);
        Assert.Equal(16_384 * 54 * 24, Metric(r, "acceleratorHours"), 1e-6);
        Assert.Equal(419, r.PublishedInterruptions);
        Assert.Equal(1, Metric(r, "calibrationRatio"), 1e-4);
        Assert.Null(r.Simulated);
        Assert.DoesNotContain(r.Metrics, m => m.Key == "interruptionsMean");
        Assert.Equal(["reliability.rateAddsUp", "reliability.calibration", "reliability.survivalDecays", "reliability.oneSite"], r.Findings.Select(f => f.Code));
        // faultyGpu: 148 of 419.
        var top = r.Findings[0].Args;
        Assert.Equal("faultyGpu", top["term"].Text);
        Assert.Equal(148.0 / 419, top["share"].Number!.Value, 1e-5);
    }

    [Fact]
    public void Terms_of_the_shared_infrastructure_are_named_by_a_word_and_components_by_their_own_name()
    {
        var r = ReliabilityAnalysis.Evaluate(Preset("cn-two-sites-1000km"), new ReliabilityOptions());
        Assert.Equal("faultyGpu", r.Terms[0].Label.Text);
        Assert.Equal(new Term("reliability.term.fiberCuts"), r.Terms.Single(t => t.Term.Kind == TermKind.FiberCuts).Label.Term);
        Assert.Equal("training.wan.fiberCutsPerKmYear", r.Terms.Single(t => t.Term.Kind == TermKind.FiberCuts).InputPath);
        Assert.Equal(1, r.Terms.Sum(t => t.Share), 1e-12);
        Assert.Equal(r.SiteShare + r.WanShare, r.Terms.Where(t => t.Term.Kind != TermKind.Component).Sum(t => t.Share), 1e-12);
    }

    [Fact]
    public void Progress_reports_each_step_from_zero_to_its_total()
    {
        var reports = new List<AnalysisProgress>();
        var progress = new Collect(reports);
        var r = ReliabilityAnalysis.Evaluate(Preset("cn-two-sites-1000km"),
            new ReliabilityOptions { Trials = 10, Seed = 3, Sweep = SweepKind.Sites, OptimizeInterval = true, Threads = 1 }, progress);
        Assert.NotNull(r.Simulated);
        Assert.NotNull(r.IntervalSearch);
        Assert.Equal(8, r.Sweep!.Rows.Count);
        List<string> steps;
        lock (reports)
        {
            steps = [.. reports.Select(p => p.Step).Distinct()];
            Assert.Equal([ReliabilityAnalysis.SimulateStep, ReliabilityAnalysis.SweepStep, ReliabilityAnalysis.IntervalSearchStep], steps);
            foreach (var step in steps)
            {
                var mine = reports.Where(p => p.Step == step).ToList();
                Assert.Equal(0, mine[0].Done);
                Assert.Equal(mine[0].Total, mine[^1].Done);
                Assert.All(mine, p => Assert.InRange(p.Done, 0, p.Total));
            }

            // 10 trials; 8 sites x 10; 17 evaluations x 10.
            Assert.Equal([10, 80, 170], steps.Select(s => reports.First(p => p.Step == s).Total));
        }

        // 10 trials x (1 main + 17 searched + 8 sweep points) were planned.
        Assert.Equal(26, r.Work.Simulations);
    }

    [Fact]
    public void A_cancelled_token_stops_before_anything_runs()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => ReliabilityAnalysis.Evaluate(Preset("llama3-405b-16k"), new ReliabilityOptions { Trials = 100 }, null, cancel.Token));
    }

    [Fact]
    public async Task Cancelling_one_long_trial_stops_it_within_a_second()
    {
        // One trial of ~6.6e12 failure events (hours of work): the token is checked inside the trial, not only between trials.
        var scenario = Preset("llama3-405b-16k", "training.reliability.components[2].mtbfHours=4e-7");
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => ReliabilityAnalysis.Evaluate(scenario, new ReliabilityOptions { Trials = 1, MaxEvents = long.MaxValue }, null, cancel.Token));
        await Task.Delay(300);
        Assert.False(run.IsCompleted);
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Options_that_cannot_run_are_refused_with_the_field_at_fault()
    {
        var llama = Preset("llama3-405b-16k");
        var sweep = Assert.Throws<ReliabilityRefusedException>(() => ReliabilityAnalysis.Evaluate(Preset("opt-175b-992"), new ReliabilityOptions { Sweep = SweepKind.Distance }));
        Assert.Equal("training.wan", sweep.Refusal.Field);
        Assert.Equal("reliability.refused.sweepNeedsWan", sweep.Refusal.Message.Code);

        // softwareBug (components[2]) at an MTBF of 4e-7 h: 1,296 h x 2,048 nodes / 4e-7 = 6.6e12 events per trial.
        var (work, refusal) = ReliabilityAnalysis.Plan(Preset("llama3-405b-16k", "training.reliability.components[2].mtbfHours=4e-7"), new ReliabilityOptions { Trials = 1 });
        Assert.Equal(1296 * 2048 / 4e-7, work.EventsPerTrial, 1e-3 * work.EventsPerTrial);
        Assert.Equal("training.reliability.components[2].mtbfHours", refusal!.Field);
        Assert.Equal("reliability.refused.tooManyEvents", refusal.Message.Code);
        Assert.Equal("softwareBug", refusal.Message.Args["term"].Text);

        // 10 trials of ~420 events each fit 5,000 but not 4,000: the trial count is what to lower.
        var trials = ReliabilityAnalysis.Plan(llama, new ReliabilityOptions { Trials = 10, MaxEvents = 4000 }).Refusal!;
        Assert.Equal("--trials", trials.Field);
        Assert.Equal(9, trials.Allowed.Args["most"].Number);
        Assert.Null(ReliabilityAnalysis.Plan(llama, new ReliabilityOptions { Trials = 10, MaxEvents = 5000 }).Refusal);

        Assert.Equal("--optimize-interval", ReliabilityAnalysis.CheckOptions(new ReliabilityOptions { OptimizeInterval = true })!.Field);
        Assert.Equal("--threads", ReliabilityAnalysis.CheckOptions(new ReliabilityOptions { Threads = 0 })!.Field);
        Assert.Equal("--max-events", ReliabilityAnalysis.CheckOptions(new ReliabilityOptions { MaxEvents = 0 })!.Field);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_on_any_number_of_threads()
    {
        var scenario = Preset("opt-175b-992");
        var one = ReliabilityAnalysis.Evaluate(scenario, new ReliabilityOptions { Trials = 300, Seed = 11, Threads = 1 });
        var two = ReliabilityAnalysis.Evaluate(scenario, new ReliabilityOptions { Trials = 300, Seed = 11, Threads = 2 });
        Assert.Equal(one.Simulated!.Result, two.Simulated!.Result);
        Assert.Equal(one.Metrics, two.Metrics);
    }

    /// <summary>Collects progress on the reporting thread (reports come from worker threads).</summary>
    private sealed class Collect(List<AnalysisProgress> into) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
