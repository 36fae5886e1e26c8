namespace Suanli.Core.Reliability;

/// <summary>Where an interruption term comes from.</summary>
public enum TermKind
{
    /// <summary>A component type inside the sites.</summary>
    Component,

    /// <summary>Site-level power or cooling events.</summary>
    SiteEvents,

    /// <summary>WAN link equipment (the fixed per-link rate).</summary>
    LinkEvents,

    /// <summary>Fibre cuts, growing with distance.</summary>
    FiberCuts,

    /// <summary>Collective time-outs on long links, growing with round-trip time.</summary>
    CollectiveTimeouts,
}

/// <summary>One additive term of the job's interruption rate λ, with what recovery it needs.</summary>
/// <param name="Name">Name shown in tables.</param>
/// <param name="Kind">Origin of the term.</param>
/// <param name="Units">How many units the job depends on.</param>
/// <param name="MtbfHours">MTBF of one unit, hours (infinite when the rate is zero).</param>
/// <param name="RatePerHour">Long-run failure rate of all units together, per hour.</param>
/// <param name="Distribution">Time-to-failure distribution.</param>
/// <param name="WeibullShape">Weibull shape (1 for exponential).</param>
/// <param name="Recovery">Recovery after a failure.</param>
/// <param name="NodesLost">Nodes to replace per failure (ReplaceNode only).</param>
/// <param name="RepairHours">Mean repair time, hours.</param>
/// <param name="RepairDistribution">Repair-time distribution.</param>
/// <param name="PublishedCount">Published count over the horizon, if any.</param>
/// <param name="ComponentIndex">Index of the component in <see cref="TrainingReliability.Components"/>, or −1 for site and WAN terms.</param>
public sealed record FailureTerm(
    string Name,
    TermKind Kind,
    double Units,
    double MtbfHours,
    double RatePerHour,
    FailureDistribution Distribution,
    double WeibullShape,
    RecoveryAction Recovery,
    int NodesLost,
    double RepairHours,
    RepairDistribution RepairDistribution,
    int? PublishedCount,
    int ComponentIndex = -1);

/// <summary>
/// The additive failure model of MODEL.md §4: λ(S, d) = λ_in-site(n_acc) + S·λ_site + links(S)·(λ_link0 + r_cut·d + λ_timeout(d)).
/// Every in-site term is counted per accelerator, node, rack or site, so λ_in-site grows with the job; the site and WAN
/// terms belong to the shared infrastructure and grow with the sites and links instead.
/// </summary>
public static class FailureModel
{
    private const double HoursPerYear = 8760;

    /// <summary>Every term of the job's interruption rate, components first.</summary>
    public static IReadOnlyList<FailureTerm> Terms(TrainingReliability r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var terms = new List<FailureTerm>();
        for (var i = 0; i < r.Components.Count; i++)
        {
            var c = r.Components[i];
            var units = c.CountPerUnit * r.UnitsOf(c.Per);
            var nodesLost = c.Domain == FailureDomain.Rack ? r.NodesPerRack : 1;
            terms.Add(new FailureTerm(c.Name, TermKind.Component, units, c.MtbfHours, units / c.MtbfHours, c.Distribution,
                c.Distribution == FailureDistribution.Weibull ? c.WeibullShape : 1, c.Recovery, nodesLost, c.RepairHours, c.RepairDistribution, c.PublishedCount, i));
        }

        var links = r.Links;
        var linkRecovery = r.DiversePaths ? RecoveryAction.Restart : RecoveryAction.WaitForRepair;
        terms.Add(Rate("site power/cooling events", TermKind.SiteEvents, r.Sites, r.SiteEventsPerYear / HoursPerYear,
            RecoveryAction.WaitForRepair, r.SiteRestoreHours));
        terms.Add(Rate("WAN link equipment", TermKind.LinkEvents, links, r.LinkEventsPerYear / HoursPerYear, linkRecovery, r.LinkRepairHours));
        terms.Add(Rate("WAN fibre cuts", TermKind.FiberCuts, links, r.FiberCutsPerKmYear * r.RouteKm / HoursPerYear, linkRecovery, r.LinkRepairHours));
        terms.Add(Rate("collective time-outs on WAN links", TermKind.CollectiveTimeouts, links,
            r.CollectiveTimeoutsPerDayPerMsRtt * r.RoundTripMs / 24, RecoveryAction.Restart, 0));
        return terms;
    }

    /// <summary>The job's interruption rate λ, per hour: the sum of every term.</summary>
    public static double LambdaPerHour(TrainingReliability r) => Terms(r).Sum(t => t.RatePerHour);

    private static FailureTerm Rate(string name, TermKind kind, double units, double ratePerUnitHour, RecoveryAction recovery, double repairHours) =>
        new(name, kind, units, ratePerUnitHour > 0 ? 1 / ratePerUnitHour : double.PositiveInfinity, units * ratePerUnitHour,
            FailureDistribution.Exponential, 1, recovery, 0, repairHours, RepairDistribution.Exponential, null);
}
