using Suanli.Core.Reliability;

namespace Suanli.Tests.Core;

public class ReliabilitySimulationTests
{
    [Fact]
    public void Without_failures_the_timeline_is_whole_checkpoint_cycles()
    {
        // One day, τ = 60 min, C = 1 min: 23 cycles (1,403 min) then 37 min of work in progress.
        var model = ReliabilityModels.Simple(1e12, intervalMinutes: 60, blockingMinutes: 1) with { HorizonDays = 1 };
        var s = ReliabilitySimulation.Run(model, 10, 1);
        Assert.Equal(0, s.InterruptionsMean);
        Assert.Equal((23 * 60 + 37) / 1440.0, s.EttrMean, 1e-12);
        Assert.Equal(23.0 / 60, s.CheckpointHoursMean, 1e-12);
    }

    [Fact]
    public void Llama3_preset_reproduces_the_published_interruptions_and_its_closed_form()
    {
        var model = ReliabilityModels.Preset("llama3-405b-16k");
        var closed = ClosedForms.For(model);
        Assert.Equal(419, closed.ExpectedInterruptions, 0.5);

        var s = ReliabilitySimulation.Run(model, 10_000, 1);
        Assert.InRange(s.InterruptionsMean / closed.ExpectedInterruptions, 0.98, 1.02);
        Assert.Equal(closed.Ettr, s.EttrMean, 0.005);
        Assert.True(s.EttrMean > 0.90, "Meta reports an effective training time above 90 %");
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(120.0)]
    public void Exponential_simulation_agrees_with_the_closed_forms_at_other_intervals(double intervalMinutes)
    {
        var model = ReliabilityModels.Preset("llama3-405b-16k") with { CheckpointIntervalMinutes = intervalMinutes, CheckpointBlockingMinutes = 1 };
        var closed = ClosedForms.For(model);
        var s = ReliabilitySimulation.Run(model, 10_000, 7);
        Assert.InRange(s.InterruptionsMean / closed.ExpectedInterruptions, 0.98, 1.02);
        Assert.Equal(closed.Ettr, s.EttrMean, 0.005);
    }

    [Fact]
    public void Time_is_fully_accounted_for()
    {
        var model = ReliabilityModels.Preset("cn-two-sites-1000km");
        var s = ReliabilitySimulation.Run(model, 500, 3);
        var horizon = model.HorizonHours;
        var useful = s.EttrMean * horizon;
        Assert.Equal(horizon, useful + s.CheckpointHoursMean + s.LostWorkHoursMean + s.RestartHoursMean + s.WaitHoursMean, 1e-6);
        Assert.True(s.WaitHoursMean > 0, "site events and unprotected links make the job wait");
    }

    [Fact]
    public void Same_seed_gives_the_same_result_on_any_number_of_threads()
    {
        var model = ReliabilityModels.Preset("cn-two-sites-1000km");
        var one = ReliabilitySimulation.Run(model, 3_000, 99, maxDegreeOfParallelism: 1);
        var two = ReliabilitySimulation.Run(model, 3_000, 99, maxDegreeOfParallelism: 2);
        var four = ReliabilitySimulation.Run(model, 3_000, 99, maxDegreeOfParallelism: 4);
        Assert.Equal(one, two);
        Assert.Equal(one, four);
        var other = ReliabilitySimulation.Run(model, 3_000, 100, maxDegreeOfParallelism: 2);
        Assert.NotEqual(one.InterruptionsMean, other.InterruptionsMean);
    }

    [Fact]
    public void Weibull_with_shape_one_is_the_exponential()
    {
        var exponential = ReliabilityModels.Preset("llama3-405b-16k");
        var weibull = exponential with
        {
            Components = [.. exponential.Components.Select(c => c with { Distribution = FailureDistribution.Weibull, WeibullShape = 1 })],
        };
        var e = ReliabilitySimulation.Run(exponential, 10_000, 11);
        var w = ReliabilitySimulation.Run(weibull, 10_000, 12);
        var se = Math.Sqrt(e.InterruptionsStdError * e.InterruptionsStdError + w.InterruptionsStdError * w.InterruptionsStdError);
        Assert.True(Math.Abs(e.InterruptionsMean - w.InterruptionsMean) < 4 * se, $"{e.InterruptionsMean} vs {w.InterruptionsMean} (se {se})");
        Assert.Equal(e.EttrMean, w.EttrMean, 0.001);
        Assert.Equal(e.InterruptionsP95, w.InterruptionsP95, 4);
    }

    [Fact]
    public void Weibull_infant_mortality_front_loads_failures_of_a_new_fleet()
    {
        // Shape 0.5, same mean life: a new fleet fails more often early on than the long-run rate says.
        var model = ReliabilityModels.Simple(100_000, intervalMinutes: 30) with
        {
            Components = [new ComponentType("gpu", CountBasis.Accelerator, 1, 100_000, FailureDistribution.Weibull, 0.5, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed)],
        };
        var closed = ClosedForms.For(model);
        var s = ReliabilitySimulation.Run(model, 2_000, 5);
        Assert.True(s.InterruptionsMean > 2 * closed.ExpectedInterruptions, $"{s.InterruptionsMean} vs long-run {closed.ExpectedInterruptions}");
    }

    [Fact]
    public void Without_spares_failed_nodes_must_be_repaired_first()
    {
        var model = ReliabilityModels.Simple(50_000) with
        {
            Components = [new ComponentType("gpu", CountBasis.Accelerator, 1, 50_000, FailureDistribution.Exponential, 1, RecoveryAction.ReplaceNode, FailureDomain.Node, 12, RepairDistribution.Fixed)],
        };
        var noSpares = ReliabilitySimulation.Run(model, 500, 1);
        var withSpares = ReliabilitySimulation.Run(model with { SpareNodes = 16, ClusterAccelerators = 1024 + 128 }, 500, 1);
        // Every interruption waits the fixed 12-hour repair when no spare exists (and overlapping failures are absorbed).
        Assert.True(noSpares.WaitHoursMean > 0.8 * 12 * noSpares.InterruptionsMean, $"{noSpares.WaitHoursMean} h for {noSpares.InterruptionsMean}");
        Assert.Equal(0, withSpares.WaitHoursMean, 1e-9);
        Assert.True(withSpares.EttrMean > noSpares.EttrMean + 0.05);
    }

    [Fact]
    public void Rack_failures_take_several_spares_at_once()
    {
        var component = new ComponentType("rackPower", CountBasis.Rack, 1, 2_000, FailureDistribution.Exponential, 1, RecoveryAction.ReplaceNode, FailureDomain.Rack, 48, RepairDistribution.Fixed);
        var model = ReliabilityModels.Simple(1) with { Components = [component], SpareNodes = 6, ClusterAccelerators = 1024 + 48 };
        var rack = ReliabilitySimulation.Run(model, 500, 2);
        var node = ReliabilityModels.Simple(1) with { Components = [component with { Domain = FailureDomain.Node }], SpareNodes = 6, ClusterAccelerators = 1024 + 48 };
        var single = ReliabilitySimulation.Run(node, 500, 2);
        Assert.True(rack.WaitHoursMean > single.WaitHoursMean, $"rack {rack.WaitHoursMean} h vs node {single.WaitHoursMean} h");
    }

    [Fact]
    public void The_interval_found_on_the_simulation_is_near_daly()
    {
        var model = ReliabilityModels.Simple(102_400 / 20.0) with { CheckpointIntervalMinutes = null, HorizonDays = 10 };
        var r = CheckpointIntervalSearch.Run(model, 400, 3);
        Assert.InRange(r.IntervalMinutes / r.DalyIntervalMinutes, 0.6, 1.6);
        Assert.True(r.Ettr >= r.EttrAtDaly - 0.002);
    }
}

public class ReliabilityTermDrawTests
{
    [Fact]
    public void Each_term_is_drawn_in_proportion_to_its_rate()
    {
        // Three failures that only restart for every one that waits exactly 0.01 h for a repair (128 nodes: rates of 1/30,
        // 1/90 and 1e-9 per hour).
        var model = ReliabilityModels.Simple(1) with
        {
            Components =
            [
                new ComponentType("bug", CountBasis.Node, 1, 30 * 128, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                new ComponentType("switch", CountBasis.Node, 1, 90 * 128, FailureDistribution.Exponential, 1, RecoveryAction.WaitForRepair, FailureDomain.Node, 0.01, RepairDistribution.Fixed),
                new ComponentType("psu", CountBasis.Node, 1, 1e9 * 128, FailureDistribution.Exponential, 1, RecoveryAction.WaitForRepair, FailureDomain.Node, 1000, RepairDistribution.Fixed),
            ],
        };
        var s = ReliabilitySimulation.Run(model, 4_000, 8);
        var waits = s.WaitHoursMean / 0.01;
        Assert.Equal(0.25, waits / s.InterruptionsMean, 0.01);
    }
}
