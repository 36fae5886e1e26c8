using Suanli.Core.Reliability;

namespace Suanli.Tests.Core;

/// <summary>The simulation's work is estimated before it runs, and its time and memory are bounded while it runs.</summary>
public class ReliabilityLimitsTests
{
    private static ComponentType Gpu(double mtbf, FailureDistribution distribution = FailureDistribution.Exponential, double shape = 1,
        RecoveryAction recovery = RecoveryAction.Restart, double repairHours = 0) =>
        new("gpu", CountBasis.Accelerator, 1, mtbf, distribution, shape, recovery, FailureDomain.Node, repairHours, RepairDistribution.Fixed);

    [Fact]
    public void The_estimate_finds_the_hostile_input_that_drives_the_count()
    {
        // Llama 3 with its software bugs at an MTBF of 4e-7 h per node: 2,048 / 4e-7 × 1,296 h = 6.6e12 events a trial.
        var llama = ReliabilityModels.Preset("llama3-405b-16k");
        var hostile = llama with { Components = [.. llama.Components.Select((c, i) => i == 2 ? c with { MtbfHours = 4e-7 } : c)] };
        var e = SimulationWork.Estimate(hostile);
        Assert.Equal(6.6355e12, e.EventsPerTrial, 0.001e12);
        Assert.Equal(2, FailureModel.Terms(hostile)[e.DominantTerm].ComponentIndex);
        Assert.True(e.WorkFor(1) > SimulationWork.DefaultMaxEvents);
    }

    [Fact]
    public void A_weibull_term_that_would_fill_memory_is_estimated_and_stopped()
    {
        // 1,024 GPUs with a Weibull MTBF of 0.01 h over 720 h: about 7e7 failures to hold per trial, past the 2^22 bound.
        var model = ReliabilityModels.Simple(1) with { Components = [Gpu(0.01, FailureDistribution.Weibull, 0.7)] };
        Assert.True(SimulationWork.Estimate(model).HeldPerTrial > SimulationWork.MaxHeldFailuresPerTrial);
        var e = Assert.Throws<SimulationLimitException>(() => ReliabilitySimulation.Run(model, 1, 1));
        Assert.Equal(SimulationLimitKind.HeldFailures, e.Kind);
        Assert.Equal(0, e.Term);
    }

    [Fact]
    public void A_run_past_its_event_budget_stops()
    {
        // 1,024 GPUs at 102,400 h: 7.2 failures per trial, 72,000 in 10,000 trials; a budget of 1,000 stops it.
        var model = ReliabilityModels.Simple(102_400);
        var e = Assert.Throws<SimulationLimitException>(() => ReliabilitySimulation.Run(model, 10_000, 1, maxEvents: 1_000));
        Assert.Equal(SimulationLimitKind.Events, e.Kind);
        Assert.Equal(1_000, e.Limit);
        Assert.Equal(7.2 * 10_000, SimulationWork.Estimate(model).WorkFor(10_000) - 10_000, 1e-6);
    }

    [Fact]
    public void Nodes_waiting_for_repair_are_bounded()
    {
        // 1,024 GPUs at 0.1 h: 7.4 million failures in 720 h, each node away for 10,000 h and replaced from 5 million
        // spares, so more than 2^22 nodes would be in repair at once within the trial.
        var model = ReliabilityModels.Simple(1) with { Components = [Gpu(0.1, recovery: RecoveryAction.ReplaceNode, repairHours: 10_000)], SpareNodes = 5_000_000 };
        var e = Assert.Throws<SimulationLimitException>(() => ReliabilitySimulation.Run(model, 1, 1));
        Assert.Equal(SimulationLimitKind.NodesInRepair, e.Kind);
    }

    [Fact]
    public void Counters_are_64_bit_and_checked()
    {
        // One trial of an absurd input can count more failures than an int holds (the old code printed −1,054,981,657).
        var sums = default(ChunkSums);
        sums.Add(new TrialOutcome { Interruptions = 3_000_000_000, Events = 3_000_000_000, AbsorbedFailures = 3_000_000_000 });
        sums.Add(new TrialOutcome { Events = 3_000_000_000 });
        Assert.Equal(6_000_000_000, sums.Events);
        Assert.Equal(3_000_000_000, sums.AbsorbedFailures);
        var full = new ChunkSums { Events = long.MaxValue };
        Assert.Throws<OverflowException>(() => full.Add(new TrialOutcome { Events = 1 }));
    }

    [Fact]
    public void The_interval_search_runs_the_simulations_it_plans()
    {
        var model = ReliabilityModels.Simple(5_000) with { CheckpointIntervalMinutes = null, HorizonDays = 2 };
        long lastReported = 0;
        var r = CheckpointIntervalSearch.Run(model, 64, 3, 1, default, new Collect(n => lastReported = n));
        Assert.Equal(CheckpointIntervalSearch.PlannedEvaluations, r.Evaluations);
        Assert.Equal(17, r.Evaluations);                           // 2 + 13 narrowings of ln 64 by the golden ratio to 0.01 + 2
        Assert.Equal(64L * r.Evaluations, lastReported);
    }

    [Fact]
    public void A_repair_heap_returns_nodes_in_time_order()
    {
        var ws = new TrialWorkspace();
        var spares = 0;
        foreach (var t in new[] { 5.0, 1, 9, 3, 7, 3, 0.5 })
        {
            Assert.True(ws.AddReturn(t, 0, ref spares));
        }

        Assert.Equal(4, ws.CollectReturned(3));                    // 0.5, 1 and both 3s are back by t = 3
        Assert.Equal(5.0, ws.TakeEarliest());
        Assert.Equal(7.0, ws.TakeEarliest());
        Assert.Equal(9.0, ws.TakeEarliest());
        Assert.Equal(0, ws.ReturnCount);
    }

    [Fact]
    public void Past_a_thousand_nodes_in_repair_the_list_becomes_a_heap_with_the_same_answers()
    {
        var ws = new TrialWorkspace();
        var spares = 0;
        var rng = Suanli.Core.Random.Xoshiro256StarStar.ForStream(5, 0);
        var times = Enumerable.Range(0, 3_000).Select(_ => rng.NextDouble() * 100).ToArray();
        foreach (var t in times)
        {
            Assert.True(ws.AddReturn(t, -1, ref spares));
        }

        Assert.Equal(times.Count(t => t <= 50), ws.CollectReturned(50));
        var rest = times.Where(t => t > 50).Order().ToArray();
        Assert.Equal(rest[..100], Enumerable.Range(0, 100).Select(_ => ws.TakeEarliest()));
        Assert.Equal(rest.Length - 100, ws.ReturnCount);
    }

    private sealed class Collect(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
