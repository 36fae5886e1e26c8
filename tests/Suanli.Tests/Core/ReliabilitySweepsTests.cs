using Suanli.Core.Reliability;

namespace Suanli.Tests.Core;

public class ReliabilitySweepsTests
{
    [Theory]
    [InlineData(SweepKind.Sites)]
    [InlineData(SweepKind.Distance)]
    public void Log_survival_falls_linearly_for_a_chain(SweepKind kind)
    {
        var model = ReliabilityModels.Preset("cn-two-sites-1000km");
        var rows = ReliabilitySweeps.Run(model, kind);
        Assert.Equal(kind == SweepKind.Sites ? 8 : 13, rows.Count);
        var fit = ReliabilitySweeps.FitLnSurvival(rows, kind);
        Assert.True(fit.Slope < 0);
        Assert.Equal(1, fit.RSquared, 1e-9);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].LambdaPerHour > rows[i - 1].LambdaPerHour);
            Assert.True(rows[i].PNoInterruption24h < rows[i - 1].PNoInterruption24h);
        }
    }

    [Fact]
    public void A_mesh_grows_faster_than_linearly_in_sites()
    {
        var model = ReliabilityModels.Preset("cn-two-sites-1000km") with { Topology = WanTopology.Mesh, LinkEventsPerYear = 50 };
        var fit = ReliabilitySweeps.FitLnSurvival(ReliabilitySweeps.Run(model, SweepKind.Sites), SweepKind.Sites);
        Assert.True(fit.RSquared < 0.999, $"R² {fit.RSquared}");
    }

    [Fact]
    public void A_wan_link_barely_moves_the_rate_of_a_large_job()
    {
        // The reference's point: even a pessimistic cut rate on a 1,000 km link adds well under 1 % to λ.
        var model = ReliabilityModels.Preset("llama3-405b-16k") with { Sites = 2, DistanceKm = 1000, CollectiveTimeoutsPerDayPerMsRtt = 0, LinkEventsPerYear = 0, FiberCutsPerKmYear = 0.005 };
        var cuts = FailureModel.Terms(model).Single(t => t.Kind == TermKind.FiberCuts).RatePerHour;
        Assert.True(cuts / FailureModel.LambdaPerHour(model) < 0.01);
    }

    [Fact]
    public void A_distance_sweep_of_one_site_spreads_the_job_over_two()
    {
        var rows = ReliabilitySweeps.Run(ReliabilityModels.Preset("llama3-405b-16k"), SweepKind.Distance);
        Assert.All(rows, r => Assert.Equal(2, r.Sites));
    }
}
