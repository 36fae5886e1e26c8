namespace Suanli.Core.Reliability;

/// <summary>
/// What a component count is counted per. There is deliberately no "once per job": software faults, collective
/// time-outs and dependency failures happen on some rank of the job, so they too grow with its size and are counted
/// per node (or per accelerator).
/// </summary>
public enum CountBasis
{
    /// <summary>Per accelerator in the job.</summary>
    Accelerator,

    /// <summary>Per node (host) in the job.</summary>
    Node,

    /// <summary>Per rack holding the job's nodes.</summary>
    Rack,

    /// <summary>Per site the job spans (site-level equipment: it is there whatever the job's size).</summary>
    Site,
}

/// <summary>Time-to-failure distribution of one unit.</summary>
public enum FailureDistribution
{
    /// <summary>Constant hazard.</summary>
    Exponential,

    /// <summary>Weibull with a shape: below 1 infant mortality, above 1 wear-out; units start new at the job's start.</summary>
    Weibull,
}

/// <summary>What the job must do after a failure before it restarts.</summary>
public enum RecoveryAction
{
    /// <summary>Nothing to fix: detect and restart (software bugs, timeouts).</summary>
    Restart,

    /// <summary>Swap the failed node(s) for spares, or wait for repaired nodes when no spare is left.</summary>
    ReplaceNode,

    /// <summary>Wait until the failed unit is repaired (a switch, a WAN link, a site's power or cooling).</summary>
    WaitForRepair,
}

/// <summary>How many nodes a <see cref="RecoveryAction.ReplaceNode"/> failure takes out.</summary>
public enum FailureDomain
{
    /// <summary>One node.</summary>
    Node,

    /// <summary>Every node of a rack (a correlated failure: PDU, top-of-rack switch, cooling loop).</summary>
    Rack,
}

/// <summary>Distribution of a repair time.</summary>
public enum RepairDistribution
{
    /// <summary>Exponential with the given mean.</summary>
    Exponential,

    /// <summary>Always the given time.</summary>
    Fixed,
}

/// <summary>WAN topology joining the sites.</summary>
public enum WanTopology
{
    /// <summary>S − 1 links in a line.</summary>
    Chain,

    /// <summary>S links in a ring.</summary>
    Ring,

    /// <summary>S(S − 1)/2 links, every pair joined.</summary>
    Mesh,
}

/// <summary>One type of component whose failure interrupts the job.</summary>
/// <param name="Name">Name, e.g. faultyGpu.</param>
/// <param name="Per">What the count is per.</param>
/// <param name="CountPerUnit">Units of this type per <paramref name="Per"/> (may be fractional for shared parts with exponential failures).</param>
/// <param name="MtbfHours">Mean time between failures of one unit, hours.</param>
/// <param name="Distribution">Time-to-failure distribution.</param>
/// <param name="WeibullShape">Weibull shape k (1 = exponential).</param>
/// <param name="Recovery">What the job does after it fails.</param>
/// <param name="Domain">Nodes lost per failure when replacing nodes.</param>
/// <param name="RepairHours">Mean repair time, hours.</param>
/// <param name="RepairDistribution">Repair-time distribution.</param>
/// <param name="PublishedCount">A published count of failures over the horizon, for calibration display; null when none.</param>
public sealed record ComponentType(
    string Name,
    CountBasis Per,
    double CountPerUnit,
    double MtbfHours,
    FailureDistribution Distribution,
    double WeibullShape,
    RecoveryAction Recovery,
    FailureDomain Domain,
    double RepairHours,
    RepairDistribution RepairDistribution,
    int? PublishedCount = null);

/// <summary>Validated inputs of the training-job reliability model (MODEL.md §4).</summary>
public sealed record TrainingReliability
{
    /// <summary>Accelerators installed in the cluster (all sites together).</summary>
    public required int ClusterAccelerators { get; init; }

    /// <summary>Accelerators per node.</summary>
    public required int AcceleratorsPerNode { get; init; }

    /// <summary>Nodes per rack (for rack-level failures).</summary>
    public required int NodesPerRack { get; init; }

    /// <summary>Accelerators the job uses.</summary>
    public required int JobAccelerators { get; init; }

    /// <summary>Spare nodes held ready to swap in.</summary>
    public required int SpareNodes { get; init; }

    /// <summary>Sites the job is spread over (evenly).</summary>
    public required int Sites { get; init; }

    /// <summary>Distance between joined sites, km (the fibre route is <see cref="RouteKm"/>).</summary>
    public required double DistanceKm { get; init; }

    /// <summary>How the sites are joined.</summary>
    public required WanTopology Topology { get; init; }

    /// <summary>Site-level power or cooling events per site per year that take the site's part of the job down.</summary>
    public required double SiteEventsPerYear { get; init; }

    /// <summary>Hours to restore a site after such an event.</summary>
    public required double SiteRestoreHours { get; init; }

    /// <summary>One-way fibre latency, µs per km.</summary>
    public double LatencyUsPerKm { get; init; } = 5;

    /// <summary>Fibre route km per km of <see cref="DistanceKm"/> (1 when the distance is already the fibre route).</summary>
    public double RouteFactor { get; init; } = 1;

    /// <summary>Fibre route length of one link, km: the distance times the route factor.</summary>
    public double RouteKm => DistanceKm * RouteFactor;

    /// <summary>Fixed failure rate of a WAN link (its end equipment), per link per year.</summary>
    public required double LinkEventsPerYear { get; init; }

    /// <summary>Fibre cuts per km per year.</summary>
    public required double FiberCutsPerKmYear { get; init; }

    /// <summary>Hours to repair a WAN link.</summary>
    public required double LinkRepairHours { get; init; }

    /// <summary>Whether each link has a diverse protection path: a link event still interrupts the job, but it need not wait for the repair.</summary>
    public required bool DiversePaths { get; init; }

    /// <summary>Collective time-outs per link per day per ms of round-trip time (λ_timeout(d)).</summary>
    public required double CollectiveTimeoutsPerDayPerMsRtt { get; init; }

    /// <summary>Component types inside the sites.</summary>
    public required IReadOnlyList<ComponentType> Components { get; init; }

    /// <summary>Minutes from a failure until it is detected.</summary>
    public required double DetectionMinutes { get; init; }

    /// <summary>Minutes to restart the job (reload, re-initialise) once it can restart.</summary>
    public required double RestartMinutes { get; init; }

    /// <summary>Minutes of computation between checkpoints; null = the Daly optimum.</summary>
    public required double? CheckpointIntervalMinutes { get; init; }

    /// <summary>Minutes the job stops to write a checkpoint.</summary>
    public required double CheckpointBlockingMinutes { get; init; }

    /// <summary>Length of the period studied, days.</summary>
    public required double HorizonDays { get; init; }

    /// <summary>The published failure log the rates were derived from, if the scenario names one.</summary>
    public ReliabilityCalibration? Calibration { get; init; }

    /// <summary>Nodes the job uses.</summary>
    public int JobNodes => (JobAccelerators + AcceleratorsPerNode - 1) / AcceleratorsPerNode;

    /// <summary>Racks holding the job's nodes.</summary>
    public int JobRacks => (JobNodes + NodesPerRack - 1) / NodesPerRack;

    /// <summary>Nodes installed in the cluster.</summary>
    public int ClusterNodes => ClusterAccelerators / AcceleratorsPerNode;

    /// <summary>WAN links the topology needs for <see cref="Sites"/> sites.</summary>
    public int Links => LinksFor(Topology, Sites);

    /// <summary>Horizon in hours.</summary>
    public double HorizonHours => HorizonDays * 24;

    /// <summary>Detection + restart, hours: the R of Young and Daly.</summary>
    public double RestartHours => (DetectionMinutes + RestartMinutes) / 60;

    /// <summary>Round-trip time of one link, ms.</summary>
    public double RoundTripMs => 2 * RouteKm * LatencyUsPerKm / 1000;

    /// <summary>Links a topology needs to join S sites.</summary>
    public static int LinksFor(WanTopology topology, int sites) => sites <= 1 ? 0 : topology switch
    {
        WanTopology.Chain => sites - 1,
        WanTopology.Ring => sites,
        _ => sites * (sites - 1) / 2,
    };

    /// <summary>How many units a count basis means for this job.</summary>
    public double UnitsOf(CountBasis basis) => basis switch
    {
        CountBasis.Accelerator => JobAccelerators,
        CountBasis.Node => JobNodes,
        CountBasis.Rack => JobRacks,
        CountBasis.Site => Sites,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "unknown count basis"),
    };
}
