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
        Assert.Equal(0.01 * 720, c.ExpectedInterruptions, 1e-9);
        Assert.Equal(Math.Exp(-0.24), c.PNoInterruption24h, 1e-15);
        Assert.Equal(Math.Exp(-7.2), c.PNoInterruptionHorizon, 1e-15);
    }

    [Fact]
    public void Young_interval_is_the_square_root_of_twice_cost_times_mtti()
    {
        // C = 1 min, M = 100 h = 6,000 min → √12,000 = 109.54 min.
        Assert.Equal(Math.Sqrt(12_000), ClosedForms.For(ReliabilityModels.Simple(102_400)).YoungIntervalMinutes, 1e-9);
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
        // τ = 30 min, C = 1 min, R = 10 min, M = 100 h.
        var c = ClosedForms.For(ReliabilityModels.Simple(102_400));
        double tau = 0.5, cost = 1.0 / 60, r = 10.0 / 60, m = 100;
        Assert.Equal(tau / (m * Math.Exp(r / m) * (Math.Exp((tau + cost) / m) - 1)), c.Ettr, 1e-12);
        Assert.Equal(1 - cost / tau - (tau / 2 + r) / m, c.EttrFirstOrder, 1e-12);
        Assert.Equal(c.Ettr, c.EttrFirstOrder, 0.002);   // they agree to first order when τ ≪ M
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
        var rtt = 2 * 1000 * 5 / 1000.0;                              // 10 ms
        var expected = 0.01 + (3 * 2 + 2 * (1 + 0.0005 * 1000)) / 8760 + 2 * 0.1 * rtt / 24;
        Assert.Equal(10, model.RoundTripMs, 1e-12);
        Assert.Equal(expected, FailureModel.LambdaPerHour(model), 1e-15);
        var terms = FailureModel.Terms(model);
        Assert.Equal(2 * 0.5 / 8760, terms.Single(t => t.Kind == TermKind.FiberCuts).RatePerHour, 1e-15);
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
                new ComponentType("bug", CountBasis.Job, 1, 1000, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Fixed),
            ],
        };
        var terms = FailureModel.Terms(model);
        Assert.Equal(250, terms[0].Units);
        Assert.Equal(32, terms[1].Units);
        Assert.Equal(1, terms[2].Units);
    }
}
