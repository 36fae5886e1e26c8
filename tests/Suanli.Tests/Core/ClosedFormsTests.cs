using Suanli.Core.Reliability;

namespace Suanli.Tests.Core;

public class ClosedFormsTests
{
    [Fact]
    public void Rate_mtti_and_survival_match_hand_values()
    {
        // 1,024 accelerators at 102,400 h MTBF: λ = 0.01 per hour.
        var c = ClosedForms.For(ReliabilityModels.Simple(102_400));
        Assert.Equal(0.01, c.LambdaPerHour, 1e-15);
        Assert.Equal(100, c.MttiHours, 1e-9);
        Assert.Equal(7.2, c.ExpectedInterruptions, 1e-9);                      // 0.01 × 720 h
        Assert.Equal(0.78662786106655341, c.PNoInterruption24h, 1e-15);       // e^-0.24, 40-digit decimal arithmetic
        Assert.Equal(7.4658580837667937e-4, c.PNoInterruptionHorizon, 1e-17); // e^-7.2
    }

    [Fact]
    public void Young_interval_is_the_square_root_of_twice_cost_times_mtti()
    {
        // C = 1 min, M = 100 h = 6,000 min → √12,000 = 109.5445 min.
        Assert.Equal(109.54451150103322, ClosedForms.For(ReliabilityModels.Simple(102_400)).YoungIntervalMinutes, 1e-9);
    }

    [Theory]
    [InlineData(24 * 60, 116.7)]
    [InlineData(6 * 60, 56.7)]
    [InlineData(15, 9.14)]
    public void Daly_interval_matches_dalys_published_examples(double mttiMinutes, double expectedMinutes)
    {
        // Daly (2006), δ = 5 min: 117, 57 and 9.1 minutes in the paper's figures; the formula gives 116.7, 56.7, 9.14.
        var tau = ClosedForms.DalyHours(5.0 / 60, mttiMinutes / 60) * 60;
        Assert.Equal(expectedMinutes, tau, 0.05);
    }

    [Fact]
    public void Daly_interval_is_the_mtti_when_checkpoints_cost_more_than_twice_it()
    {
        Assert.Equal(1.0, ClosedForms.DalyHours(3, 1));
    }

    [Fact]
    public void Ettr_follows_dalys_expected_wall_time_and_its_first_order_expansion()
    {
        // τ = 30 min, C = 1 min, R = 10 min, M = 100 h; values worked out by hand in 40-digit decimal arithmetic:
        // τ / (M e^(R/M) (e^((τ+C)/M) − 1)) = 0.963636687985902; 1 − C/τ − (τ/2 + R)/M = 1 − 1/30 − 0.41667/100 = 0.9625.
        var c = ClosedForms.For(ReliabilityModels.Simple(102_400));
        Assert.Equal(0.96363668798590218, c.Ettr, 1e-14);
        Assert.Equal(0.9625, c.EttrFirstOrder, 1e-14);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-20)]
    [InlineData(5e-324)]
    public void Ettr_stays_finite_for_free_checkpoints_at_a_vanishing_interval(double intervalMinutes)
    {
        // C = 0, τ → 0: nothing is lost to checkpoints or rework, only the restarts: e^(−R/M) with R = 10 min, M = 5 h
        // = e^(−1/30) = 0.967216100482006. .NET's double.ExpM1 is Exp(x) − 1 and returned 0 here, giving ETTR = ∞.
        Assert.Equal(0.96721610048200590, ClosedForms.EttrDaly(intervalMinutes / 60, 0, 10.0 / 60, 5), 1e-15);
    }

    [Fact]
    public void ExpM1_and_Log1P_keep_every_digit_near_zero()
    {
        Assert.Equal(1e-20, ReliabilityMath.ExpM1(1e-20));
        Assert.Equal(1.00000000005e-10, ReliabilityMath.ExpM1(1e-10), 1e-24);   // x + x²/2
        Assert.Equal(1.718281828459045, ReliabilityMath.ExpM1(1), 1e-15);
        Assert.Equal(-1e-20, ReliabilityMath.Log1P(-1e-20));
        Assert.Equal(9.9999999995e-11, ReliabilityMath.Log1P(1e-10), 1e-24);   // x − x²/2
        Assert.Equal(double.PositiveInfinity, ReliabilityMath.ExpM1(1000));
    }

    [Fact]
    public void Ettr_without_failures_is_the_checkpoint_duty_cycle()
    {
        Assert.Equal(30.0 / 31, ClosedForms.EttrDaly(0.5, 1.0 / 60, 1, double.PositiveInfinity), 1e-12);
    }

    [Fact]
    public void Auto_interval_uses_daly()
    {
        var model = ReliabilityModels.Simple(102_400) with { CheckpointIntervalMinutes = null };
        var c = ClosedForms.For(model);
        Assert.Equal(c.DalyIntervalMinutes, c.IntervalMinutes);
    }

    [Theory]
    [InlineData(WanTopology.Chain, 1, 0)]
    [InlineData(WanTopology.Chain, 4, 3)]
    [InlineData(WanTopology.Ring, 4, 4)]
    [InlineData(WanTopology.Mesh, 4, 6)]
    [InlineData(WanTopology.Mesh, 8, 28)]
    public void Topologies_need_the_links_the_model_says(WanTopology topology, int sites, int links)
    {
        Assert.Equal(links, TrainingReliability.LinksFor(topology, sites));
    }

    [Fact]
    public void Multi_site_rate_adds_site_and_link_terms()
    {
        // 3 sites in a chain, 1,000 km: 2 links. Per year: site 2 each, link 1 each, cuts 0.0005/km, time-outs 0.1/day per ms RTT.
        var model = ReliabilityModels.Simple(102_400) with
        {
            Sites = 3,
            DistanceKm = 1000,
            SiteEventsPerYear = 2,
            LinkEventsPerYear = 1,
            FiberCutsPerKmYear = 0.0005,
            CollectiveTimeoutsPerDayPerMsRtt = 0.1,
        };
        // By hand: components 0.01/h; sites 3 × 2 and links 2 × (1 + 0.5) = 9 a year = 0.00102740/h; time-outs 2 links ×
        // 0.1 × 10 ms RTT = 2 a day = 0.0833333/h; in all 0.0943607306/h. Cuts alone: 1 a year = 1.14155e-4/h.
        Assert.Equal(10, model.RoundTripMs, 1e-12);
        Assert.Equal(0.094360730593607306, FailureModel.LambdaPerHour(model), 1e-15);
        var terms = FailureModel.Terms(model);
        Assert.Equal(1.1415525114155251e-4, terms.Single(t => t.Kind == TermKind.FiberCuts).RatePerHour, 1e-17);
    }

    [Fact]
    public void Component_counts_follow_their_basis()
    {
        var model = ReliabilityModels.Simple(1000) with
        {
            JobAccelerators = 1000,                                  // 125 nodes, 32 racks of 4
            Components =
            [
                new ComponentType("nic", CountBasis.Node, 2, 1000, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                new ComponentType("pdu", CountBasis.Rack, 1, 1000, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
                new ComponentType("cooling", CountBasis.Site, 1, 1000, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
            ],
        };
        var terms = FailureModel.Terms(model);
        Assert.Equal(250, terms[0].Units);
        Assert.Equal(32, terms[1].Units);
        Assert.Equal(1, terms[2].Units);
        Assert.Equal(new[] { 0, 1, 2 }, terms.Take(3).Select(t => t.ComponentIndex));
        Assert.All(terms.Skip(3), t => Assert.Equal(-1, t.ComponentIndex));
    }
}
