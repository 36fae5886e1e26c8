using CsCheck;
using Suanli.Core.Multisite;

namespace Suanli.Tests.Core;

/// <summary>
/// The step-time model of MODEL.md §5 against hand-computed volumes and times, the worked example of the training
/// reference notes (§3.4), and its invariants.
/// </summary>
public class StepTimeModelTests
{
    // A toy job whose figures are easy by hand: 1 B parameters (2 GB of BF16 gradient), 64 accelerators of 1 PFLOP/s
    // at 50 % MFU, 8 per replica (8 replicas), 1 M tokens a step.
    private static StepInputs Toy(int sites = 2, double distanceKm = 1000, double gbps = 100, double overlap = 0) => new()
    {
        ActiveParams = 1e9,
        TotalParams = 1e9,
        ModelDim = 4096,
        TokensPerStep = 1e6,
        JobAccelerators = 64,
        AcceleratorsPerReplica = 8,
        PeakFlopsPerAccelerator = 1e15,
        Mfu = 0.5,
        GradientPrecision = GradientPrecision.Bf16,
        IntraSiteGbpsPerAccelerator = 400,
        Overlap = overlap,
        CrossSite = CrossSiteParallelism.DataParallel,
        Sites = sites,
        DistanceKm = distanceKm,
        RouteFactor = 1,
        LatencyUsPerKm = 5,
        HopLatencyUs = 0,
        WanGbpsPerSite = gbps,
    };

    [Fact]
    public void Compute_time_is_six_N_D_over_the_delivered_flops()
    {
        // 6 × 1e9 × 1e6 / (64 × 1e15 × 0.5) = 6e15 / 3.2e16 = 0.1875 s.
        Assert.Equal(0.1875, StepTimeModel.Evaluate(Toy()).ComputeSeconds, 12);
    }

    [Fact]
    public void One_site_crosses_no_WAN()
    {
        var step = StepTimeModel.Evaluate(Toy(sites: 1, distanceKm: 5000, gbps: 1));
        Assert.Equal(0, step.WanBandwidthSeconds);
        Assert.Equal(0, step.WanLatencySeconds);
        Assert.Equal(0, step.WanBytesPerStepPerSite);
        Assert.Null(StepTimeModel.MaxDistanceKm(Toy(sites: 1), null, 0.9));
        Assert.Null(StepTimeModel.RequiredWanGbps(Toy(sites: 1), null, 0.9));

        // The in-site ring over all 8 replicas: shard 2 GB / 8 = 0.25 GB, 2 × 7/8 × 0.25 GB = 0.4375 GB = 3.5 Gbit at 400 Gbps.
        Assert.Equal(3.5 / 400, step.IntraSiteSeconds, 12);
    }

    [Theory]
    [InlineData(2, 2.0)]   // 2(S−1)/S × 2 GB = 1 × 2 GB
    [InlineData(4, 3.0)]   // 2 × 3/4 × 2 GB = 3 GB
    [InlineData(8, 3.5)]   // 2 × 7/8 × 2 GB = 3.5 GB
    public void Ring_volume_across_sites_is_two_S_minus_one_over_S_of_the_gradient(int sites, double gigabytes)
    {
        var step = StepTimeModel.Evaluate(Toy(sites: sites));
        Assert.Equal(gigabytes * 1e9, step.WanBytesPerStepPerSite, 3);

        // 3 GB = 24 Gbit at 100 Gbps = 0.24 s, etc.
        Assert.Equal(gigabytes * 8 / 100, step.WanBandwidthSeconds, 12);

        // 2(S−1) one-way hops of 1,000 km × 5 µs/km = 5 ms each.
        Assert.Equal(2 * (sites - 1) * 0.005, step.WanLatencySeconds, 12);
    }

    [Fact]
    public void In_site_ring_spans_the_replicas_of_one_site()
    {
        // Two sites hold 4 replicas each: 2 × 3/4 × 0.25 GB = 0.375 GB = 3 Gbit at 400 Gbps = 7.5 ms.
        Assert.Equal(4, StepTimeModel.IntraSiteRanks(Toy()));
        Assert.Equal(0.0075, StepTimeModel.Evaluate(Toy()).IntraSiteSeconds, 12);
    }

    [Fact]
    public void Pipeline_across_sites_sends_activations_forward_and_their_gradients_back()
    {
        var two = StepTimeModel.Evaluate(Toy() with { CrossSite = CrossSiteParallelism.Pipeline });
        var three = StepTimeModel.Evaluate(Toy(sites: 3) with { CrossSite = CrossSiteParallelism.Pipeline, JobAccelerators = 48, AcceleratorsPerReplica = 6 });

        // 1e6 tokens × 4096 × 2 bytes = 8.192 GB one way; an end site sends one way, an inner site both.
        Assert.Equal(8.192e9, two.WanBytesPerStepPerSite, 3);
        Assert.Equal(16.384e9, three.WanBytesPerStepPerSite, 3);

        // A pipeline split keeps every replica's data-parallel ring inside one site: all 8 replicas.
        Assert.Equal(8, StepTimeModel.IntraSiteRanks(Toy() with { CrossSite = CrossSiteParallelism.Pipeline }));
    }

    [Fact]
    public void Exposed_time_and_efficiency_by_hand()
    {
        // Two sites, 1,000 km, 100 Gbps, no overlap: comm = 7.5 ms + 0.16 s (2 GB = 16 Gbit) + 10 ms = 0.1775 s;
        // efficiency = 0.1875 / (0.1875 + 0.1775) = 0.513699 …
        var step = StepTimeModel.Evaluate(Toy());
        Assert.Equal(0.1775, step.ExposedSeconds, 12);
        Assert.Equal(0.1875 / 0.365, step.Efficiency, 12);

        // Half the compute hides communication: exposed = 0.1775 − 0.09375 = 0.08375 s.
        Assert.Equal(0.08375, StepTimeModel.Evaluate(Toy(overlap: 0.5)).ExposedSeconds, 12);
    }

    [Fact]
    public void Largest_distance_and_bandwidth_for_a_target_by_hand()
    {
        // Target 0.5 with no overlap allows exposed = t_c = 0.1875 s. Without latency comm is 0.0075 + 0.16 = 0.1675 s,
        // leaving 0.02 s for 2 hops × 5 µs/km: 2,000 km.
        Assert.Equal(2000, StepTimeModel.MaxDistanceKm(Toy(), null, 0.5)!.Value, 6);

        // At 1,000 km (10 ms of latency) 0.1875 − 0.0075 − 0.01 = 0.17 s carries 16 Gbit: 94.1176 Gbps.
        Assert.Equal(16 / 0.17, StepTimeModel.RequiredWanGbps(Toy(), null, 0.5)!.Value, 6);

        // A target that in-site communication and latency alone miss: no bandwidth reaches it; at 0 km it is missed too.
        var slowInSite = Toy() with { IntraSiteGbpsPerAccelerator = 1 };
        Assert.Null(StepTimeModel.RequiredWanGbps(slowInSite, null, 0.9));
        Assert.Null(StepTimeModel.MaxDistanceKm(slowInSite, null, 0.9));
    }

    [Fact]
    public void Reference_worked_example_Llama_3_405B_over_two_sites()
    {
        // Training reference §3.4: 405 B parameters, 16.7 M tokens a step, 16,384 GPUs at 400 TFLOP/s → ≈ 6.2 s a step;
        // hiding the two-site exchange of BF16 gradients (810 GB) in one step needs ≈ 1.05 Tbit/s, FP32 ≈ 2.1 Tbit/s;
        // 1,000 km of propagation (≈ 4.9 ms one way) is negligible against the step.
        var s = new StepInputs
        {
            ActiveParams = 405e9,
            TotalParams = 405e9,
            ModelDim = 16384,
            TokensPerStep = 16.7e6,
            JobAccelerators = 16384,
            AcceleratorsPerReplica = 128,
            PeakFlopsPerAccelerator = 1000e12,
            Mfu = 0.4,
            GradientPrecision = GradientPrecision.Bf16,
            IntraSiteGbpsPerAccelerator = 1e9, // the note counts the WAN only
            Overlap = 1,
            CrossSite = CrossSiteParallelism.DataParallel,
            Sites = 2,
            DistanceKm = 1000,
            RouteFactor = 1,
            LatencyUsPerKm = 4.9,
            HopLatencyUs = 0,
            WanGbpsPerSite = 1000,
        };
        var step = StepTimeModel.Evaluate(s);
        Assert.InRange(step.ComputeSeconds, 6.15, 6.25);
        Assert.Equal(810e9, step.WanBytesPerStepPerSite, 1);
        Assert.InRange(step.WanLatencySeconds, 0.0097, 0.0099);
        Assert.InRange(StepTimeModel.RequiredWanGbps(s, null, 1)!.Value, 1.04e3, 1.06e3);
        Assert.InRange(StepTimeModel.RequiredWanGbps(s with { GradientPrecision = GradientPrecision.Fp32 }, null, 1)!.Value, 2.08e3, 2.12e3);
    }

    [Fact]
    public void Low_communication_divides_the_WAN_traffic_by_H_over_the_compression()
    {
        // H = 100, 4-bit against BF16 (0.25): 2 GB × 0.25 / 100 = 5 MB per step, 10 ms / 100 of latency.
        var step = StepTimeModel.Evaluate(Toy(), new LowCommunication(100, 0.25, 1.1));
        Assert.Equal(5e6, step.WanBytesPerStepPerSite, 3);
        Assert.Equal(0.0001, step.WanLatencySeconds, 12);
    }

    [Fact]
    public void H_one_without_compression_is_every_step_synchronisation()
    {
        Gen.Select(Gen.Int[1, 16], Gen.Double[0, 20_000], Gen.Double[1, 1e6], Gen.Double[0, 1]).Sample((sites, km, gbps, overlap) =>
        {
            var s = Toy(sites: sites, distanceKm: km, gbps: gbps, overlap: overlap) with { JobAccelerators = 8 * 16 * sites };
            Assert.Equal(StepTimeModel.Evaluate(s), StepTimeModel.Evaluate(s, new LowCommunication(1, 1, 1)));
            Assert.Equal(StepTimeModel.MaxDistanceKm(s, null, 0.9), StepTimeModel.MaxDistanceKm(s, new LowCommunication(1, 1, 1), 0.9));
            Assert.Equal(StepTimeModel.RequiredWanGbps(s, null, 0.9), StepTimeModel.RequiredWanGbps(s, new LowCommunication(1, 1, 1), 0.9));
        });
    }

    [Fact]
    public void More_distance_or_less_bandwidth_never_helps()
    {
        Gen.Select(Gen.Int[1, 16], Gen.Double[0, 20_000], Gen.Double[0, 5_000], Gen.Double[1, 1e6], Gen.Double[0.01, 1], Gen.Double[0, 1], Gen.Bool)
            .Sample((sites, km, moreKm, gbps, bandwidthShare, overlap, lowComm) =>
            {
                var s = Toy(sites: sites, distanceKm: km, gbps: gbps, overlap: overlap) with { JobAccelerators = 8 * 16 * sites };
                var lc = lowComm ? new LowCommunication(50, 0.1, 1.05) : null;
                var at = StepTimeModel.Evaluate(s, lc).Efficiency;
                Assert.True(StepTimeModel.Evaluate(s with { DistanceKm = km + moreKm }, lc).Efficiency <= at);
                Assert.True(StepTimeModel.Evaluate(s with { WanGbpsPerSite = gbps * bandwidthShare }, lc).Efficiency <= at);
                Assert.InRange(at, 0, 1);
            });
    }

    [Fact]
    public void The_answers_meet_the_target_exactly()
    {
        // At the largest distance and at the required bandwidth the efficiency is the target (where they exist).
        Gen.Select(Gen.Int[2, 8], Gen.Double[0, 5_000], Gen.Double[10, 1e5], Gen.Double[0, 1], Gen.Double[0.5, 0.99]).Sample((sites, km, gbps, overlap, target) =>
        {
            var s = Toy(sites: sites, distanceKm: km, gbps: gbps, overlap: overlap) with { JobAccelerators = 8 * 16 * sites };
            if (StepTimeModel.MaxDistanceKm(s, null, target) is { } d)
            {
                Assert.Equal(target, StepTimeModel.Evaluate(s with { DistanceKm = d }).Efficiency, 9);
            }

            if (StepTimeModel.RequiredWanGbps(s, null, target) is { } b)
            {
                Assert.Equal(target, StepTimeModel.Evaluate(s with { WanGbpsPerSite = b }).Efficiency, 9);
            }
        });
    }
}
