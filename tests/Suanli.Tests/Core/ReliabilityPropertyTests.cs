using CsCheck;
using Suanli.Core.Reliability;

namespace Suanli.Tests.Core;

/// <summary>Invariants of the reliability model over random inputs (CsCheck).</summary>
public class ReliabilityPropertyTests
{
    private static readonly Gen<WanTopology> Topology = Gen.Enum<WanTopology>();

    /// <summary>A job of random size, rates and checkpointing, with components on every count basis.</summary>
    private static readonly Gen<TrainingReliability> Job =
        Gen.Select(Gen.Int[1, 4096], Gen.Int[1, 16], Gen.Double[1e3, 1e7], Gen.Double[1e3, 1e7], Gen.Double[1e2, 1e6], Gen.Double[1, 600], Gen.Double[0, 30], Gen.Double[0, 60])
            .Select((nodes, perNode, gpuMtbf, nodeMtbf, siteMtbf, interval, blocking, restart) => ReliabilityModels.Simple(gpuMtbf, interval, blocking, restart) with
            {
                AcceleratorsPerNode = perNode,
                JobAccelerators = nodes * perNode,
                ClusterAccelerators = nodes * perNode,
                Components =
                [
                    new ComponentType("gpu", CountBasis.Accelerator, 1, gpuMtbf, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                    new ComponentType("host", CountBasis.Node, 1, nodeMtbf, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                    new ComponentType("rackPower", CountBasis.Rack, 1, nodeMtbf, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                    new ComponentType("cooling", CountBasis.Site, 1, siteMtbf, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                ],
            });

    [Fact]
    public void More_failures_never_raise_the_closed_form_ettr()
    {
        // Lower MTBFs (every component divided by f ≥ 1) or one more component: λ does not fall, ETTR at the same τ
        // does not rise; nor does ETTR at Daly's interval, which moves with λ.
        Gen.Select(Job, Gen.Double[1, 100], Gen.Double[1e2, 1e8]).Sample((job, f, extraMtbf) =>
        {
            var worse = job with { Components = [.. job.Components.Select(c => c with { MtbfHours = c.MtbfHours / f })] };
            var more = job with { Components = [.. job.Components, job.Components[0] with { Name = "extra", MtbfHours = extraMtbf }] };
            var baseline = ClosedForms.For(job);
            foreach (var other in new[] { worse, more })
            {
                var c = ClosedForms.For(other);
                Assert.True(c.LambdaPerHour >= baseline.LambdaPerHour);
                Assert.True(c.Ettr <= baseline.Ettr + 1e-12, $"fixed τ: {c.Ettr} > {baseline.Ettr}");
                var auto = ClosedForms.For(other with { CheckpointIntervalMinutes = null }).Ettr;
                Assert.True(auto <= ClosedForms.For(job with { CheckpointIntervalMinutes = null }).Ettr + 1e-12, "Daly's τ");
            }
        });
    }

    [Fact]
    public void More_failures_never_raise_the_simulated_ettr_with_common_random_numbers()
    {
        // Same seed, so trial i uses the same uniforms: dividing every MTBF by f shrinks every gap between failures of
        // the merged stream by f. The mean over trials then cannot rise beyond rounding of the paired difference.
        Gen.Select(Gen.Double[2e4, 2e6], Gen.Double[2, 6], Gen.Double[5, 240], Gen.Double[0, 5], Gen.Double[0, 30]).Sample((mtbf, f, interval, blocking, restart) =>
        {
            var job = ReliabilityModels.Simple(mtbf, interval, blocking, restart) with { HorizonDays = 10 };
            var worse = job with { Components = [.. job.Components.Select(c => c with { MtbfHours = c.MtbfHours / f })] };
            var a = ReliabilitySimulation.Run(job, 200, 17, maxDegreeOfParallelism: 1);
            var b = ReliabilitySimulation.Run(worse, 200, 17, maxDegreeOfParallelism: 1);
            Assert.True(b.EttrMean <= a.EttrMean + 0.002, $"ETTR {b.EttrMean} with MTBF/{f} vs {a.EttrMean}");
            Assert.True(b.InterruptionsMean >= a.InterruptionsMean);
        }, iter: 25, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Every_in_site_term_grows_with_the_job()
    {
        // Nothing is counted once per job any more: halving the job never leaves a term as it was, except per-site ones.
        Gen.Select(Job, Gen.Int[2, 64]).Sample((job, k) =>
        {
            var bigger = job with { JobAccelerators = job.JobAccelerators * k, ClusterAccelerators = job.JobAccelerators * k };
            var small = FailureModel.Terms(job);
            var large = FailureModel.Terms(bigger);
            for (var i = 0; i < small.Count; i++)
            {
                Assert.True(large[i].RatePerHour >= small[i].RatePerHour);
                if (small[i].Kind == TermKind.Component && job.Components[small[i].ComponentIndex].Per is CountBasis.Accelerator or CountBasis.Node)
                {
                    Assert.Equal(small[i].RatePerHour * k, large[i].RatePerHour, small[i].RatePerHour * k * 1e-12);
                }
            }
        });
    }

    [Fact]
    public void One_site_crosses_no_wan_at_any_distance()
    {
        Gen.Select(Job, Gen.Double[0, 20_000], Topology, Gen.Double[0, 1000], Gen.Double[0, 1], Gen.Double[0, 100], Gen.Double[0, 1000]).Sample((job, km, topology, linkEvents, cuts, timeouts, siteEvents) =>
        {
            var oneSite = job with
            {
                Sites = 1, DistanceKm = km, Topology = topology, LinkEventsPerYear = linkEvents, FiberCutsPerKmYear = cuts,
                CollectiveTimeoutsPerDayPerMsRtt = timeouts, SiteEventsPerYear = siteEvents,
            };
            var wan = FailureModel.Terms(oneSite).Where(t => t.Kind is TermKind.LinkEvents or TermKind.FiberCuts or TermKind.CollectiveTimeouts);
            Assert.All(wan, t => Assert.Equal(0.0, t.RatePerHour));
            Assert.Equal(0, oneSite.Links);
            Assert.Equal(FailureModel.LambdaPerHour(oneSite with { DistanceKm = 0 }), FailureModel.LambdaPerHour(oneSite));
        });
    }

    [Fact]
    public void Without_failures_ettr_is_the_checkpoint_duty_cycle_in_both_engines()
    {
        // Identity at the degenerate case λ = 0: ETTR = τ/(τ + C) in Daly's form; the simulation counts whole cycles
        // and the cycle in progress at the horizon as useful, so it equals (T − C·⌊T/(τ+C)⌋ − overhang) / T exactly.
        Gen.Select(Gen.Double[1, 600], Gen.Double[0, 30]).Sample((interval, blocking) =>
        {
            var job = ReliabilityModels.Simple(1e12, interval, blocking) with { Components = [], HorizonDays = 3 };
            var tau = interval / 60;
            var c = blocking / 60;
            Assert.Equal(tau / (tau + c), ClosedForms.For(job).Ettr, 1e-12);
            var horizon = 72.0;
            var cycles = Math.Floor(horizon / (tau + c));
            var rest = horizon - cycles * (tau + c);
            var s = ReliabilitySimulation.Run(job, 3, 1);
            Assert.Equal((cycles * tau + Math.Min(rest, tau)) / horizon, s.EttrMean, 1e-9);
            Assert.Equal(0, s.InterruptionsMean);
        });
    }

    [Fact]
    public void Free_instant_checkpoints_lose_only_the_restarts()
    {
        // Identity: C = 0 and τ → 0 leave ETTR = e^(−R/M) (Daly's form with nothing to redo).
        Gen.Select(Gen.Double[1e2, 1e7], Gen.Double[0, 120]).Sample((mtti, restartMinutes) =>
        {
            var r = restartMinutes / 60;
            Assert.Equal(Math.Exp(-r / mtti), ClosedForms.EttrDaly(1e-12, 0, r, mtti), 1e-12);
        });
    }

    [Fact]
    public void The_work_estimate_is_the_expected_count_and_bounds_weibull_renewals()
    {
        // Exponential: λT exactly. Weibull: the bound is at least the expected renewals, which for shape 1 is T/μ.
        Gen.Select(Gen.Double[1, 1e7], Gen.Double[1, 10_000]).Sample((mtbf, horizon) =>
        {
            Assert.True(SimulationWork.WeibullRenewalsBound(horizon, mtbf, 1) >= horizon / mtbf * (1 - 1e-12));
        });
        var llama = ReliabilityModels.Preset("llama3-405b-16k");
        Assert.Equal(419, SimulationWork.Estimate(llama).EventsPerTrial, 0.5);
    }
}
