using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

/// <summary>training.wan.routeFactor: the fibre route is longer than the distance, for the WAN's failures and latency alike.</summary>
public class RouteFactorTests
{
    [Fact]
    public void A_route_factor_scales_fibre_cuts_and_round_trip_time_not_the_other_terms()
    {
        var job = ScenarioLoader.FromPreset("cn-two-sites-1000km").Scenario!.Training!;
        Assert.Equal(1, job.RouteFactor);
        var longer = job with { RouteFactor = 1.5 };
        double Rate(TrainingReliability r, TermKind kind) => FailureModel.Terms(r).Single(t => t.Kind == kind).RatePerHour;

        // 0.0003 cuts/km-year × 1,000 km = 0.3 a year on one link; × 1.5 = 0.45.
        Assert.Equal(0.3 / 8760, Rate(job, TermKind.FiberCuts), 15);
        Assert.Equal(0.45 / 8760, Rate(longer, TermKind.FiberCuts), 15);

        // RTT 2 × 1,000 km × 5 µs/km = 10 ms; × 1.5 = 15 ms, and the time-outs per ms of RTT follow.
        Assert.Equal(10, job.RoundTripMs, 12);
        Assert.Equal(15, longer.RoundTripMs, 12);
        Assert.Equal(1.5 * Rate(job, TermKind.CollectiveTimeouts), Rate(longer, TermKind.CollectiveTimeouts), 15);
        Assert.Equal(Rate(job, TermKind.LinkEvents), Rate(longer, TermKind.LinkEvents));
        Assert.Equal(Rate(job, TermKind.SiteEvents), Rate(longer, TermKind.SiteEvents));
    }
}
