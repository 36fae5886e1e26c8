using Suanli.Core.Reliability;

namespace Suanli.Scenarios.Schema;

/// <summary>The <c>training</c> section: a training job on a cluster, for reliability (MODEL.md §4).</summary>
public sealed class TrainingDto
{
    [Field("The installed cluster (all sites together).", Required = true)]
    public ClusterDto? Cluster { get; set; }

    [Field("The training job.", Required = true)]
    public JobDto? Job { get; set; }

    [Field("Sites the job is spread over.", Required = true)]
    public SitesDto? Sites { get; set; }

    [Field("The wide-area links between sites; required when sites.count > 1 or for sweeps over sites and distance.", WhenAbsent = "no WAN terms (one site only)")]
    public WanDto? Wan { get; set; }

    [Field("Failure rates of the components inside the sites, and recovery times.", Required = true)]
    public ReliabilityDto? Reliability { get; set; }

    [Field("Checkpointing.", Required = true)]
    public CheckpointDto? Checkpoint { get; set; }

    [Field("Length of the period studied.", Unit = "days", Required = true, Min = 0, MinExclusive = true, Max = 3650)]
    public double? HorizonDays { get; set; }

    [Field("The published failure log the component rates were derived from: checked against the model, and a warning when the job is resized more than 4x from it.", WhenAbsent = "no calibration check or warning")]
    public CalibrationDto? Calibration { get; set; }
}

/// <summary><c>training.calibration</c>.</summary>
public sealed class CalibrationDto
{
    [Field("Name of the failure log (the run or cluster it comes from).", Required = true)]
    public string? Name { get; set; }

    [Field("Accelerators of the job the failures were counted on.", Unit = "accelerators", Required = true, Min = 1, Max = 10_000_000)]
    public int? JobAccelerators { get; set; }

    [Field("Days the published count covers.", Unit = "days", Required = true, Min = 0, MinExclusive = true, Max = 3650)]
    public double? Days { get; set; }

    [Field("Interruptions the log reports over those days on that job.", Unit = "interruptions", Required = true, Min = 0, MinExclusive = true, Max = 100_000_000)]
    public double? Interruptions { get; set; }
}

/// <summary>What a component count is per, as written in a scenario.</summary>
public enum ComponentBasis
{
    /// <summary>Per accelerator.</summary>
    Accelerator,

    /// <summary>Per node.</summary>
    Node,

    /// <summary>Per rack.</summary>
    Rack,

    /// <summary>Per site.</summary>
    Site,

    /// <summary>Refused: kept only so that old scenarios get an error that says how to convert them.</summary>
    Job,
}

/// <summary><c>training.cluster</c>.</summary>
public sealed class ClusterDto
{
    [Field("Accelerators installed in the cluster, all sites together.", Unit = "accelerators", Required = true, Min = 1, Max = 10_000_000)]
    public int? Accelerators { get; set; }

    [Field("Accelerators per node (host).", Unit = "accelerators", Required = true, Min = 1, Max = 1024)]
    public int? AcceleratorsPerNode { get; set; }

    [Field("Nodes per rack, for rack-level (correlated) failures.", Unit = "nodes", Required = true, Min = 1, Max = 1000)]
    public int? NodesPerRack { get; set; }
}

/// <summary><c>training.job</c>.</summary>
public sealed class JobDto
{
    [Field("Accelerators the job uses, spread evenly over the sites.", Unit = "accelerators", Required = true, Min = 1, Max = 10_000_000)]
    public int? Accelerators { get; set; }

    [Field("Spare nodes ready to swap in for failed ones; they come from the cluster.", Unit = "nodes", Default = "0", Min = 0, Max = 1_000_000)]
    public int? SpareNodes { get; set; }
}

/// <summary><c>training.sites</c>.</summary>
public sealed class SitesDto
{
    [Field("Number of sites the job spans.", Unit = "sites", Required = true, Min = 1, Max = 64)]
    public int? Count { get; set; }

    [Field("Fibre distance between joined sites (every link, for mesh).", Unit = "km", Required = true, Min = 0, Max = 20_000)]
    public double? DistanceKm { get; set; }

    [Field("How the sites are joined: chain (S − 1 links), ring (S links) or mesh (S(S − 1)/2 links).", Default = "chain")]
    public WanTopology? Topology { get; set; }

    [Field("Site-level power or cooling events per site per year that take the site's part of the job down (λ_site).", Unit = "events/site-year", Required = true, Min = 0, Max = 1000)]
    public double? FacilityEventsPerYear { get; set; }

    [Field("Hours to restore a site after such an event; the job waits.", Unit = "hours", Required = true, Min = 0, Max = 10_000)]
    public double? RestoreHours { get; set; }
}

/// <summary><c>training.wan</c>.</summary>
public sealed class WanDto
{
    [Field("One-way propagation delay in fibre.", Unit = "µs/km", Default = "5", Min = 3, Max = 10)]
    public double? LatencyUsPerKm { get; set; }

    [Field("Failures of a link's end equipment per link per year (λ_link0).", Unit = "events/link-year", Required = true, Min = 0, Max = 1000)]
    public double? LinkEventsPerYear { get; set; }

    [Field("Fibre cuts per km of route per year (r_cut); no primary source found, always state yours.", Unit = "cuts/km-year", Required = true, Min = 0, Max = 1)]
    public double? FiberCutsPerKmYear { get; set; }

    [Field("Hours to repair a link; the job waits unless diversePaths.", Unit = "hours", Required = true, Min = 0, Max = 10_000)]
    public double? RepairHours { get; set; }

    [Field("Each link has a protection path: a link event still interrupts the job but it restarts without waiting for the repair.", Default = "false")]
    public bool? DiversePaths { get; set; }

    [Field("Collective (e.g. NCCL) time-outs per link per day per ms of round-trip time (λ_timeout(d)).", Unit = "events/link-day-ms", Default = "0", Min = 0, Max = 100)]
    public double? CollectiveTimeoutsPerDayPerMsRtt { get; set; }
}

/// <summary><c>training.reliability</c>.</summary>
public sealed class ReliabilityDto
{
    [Field("Minutes from a failure until it is detected.", Unit = "minutes", Required = true, Min = 0, Max = 10_000)]
    public double? DetectionMinutes { get; set; }

    [Field("Minutes to restart the job once it can (reload the checkpoint, re-initialise).", Unit = "minutes", Required = true, Min = 0, Max = 10_000)]
    public double? RestartMinutes { get; set; }

    [Field("Component types whose failure interrupts the job.", Required = true)]
    public List<ComponentDto>? Components { get; set; }
}

/// <summary>One component type.</summary>
public sealed class ComponentDto
{
    [Field("Name, unique in the list.", Required = true)]
    public string? Name { get; set; }

    [Field("What the count is per: accelerator, node, rack or site. `job` is refused: a failure counted once per job did not grow with the job; a rate measured on a whole job of N nodes is per: node with N times its MTBF.", Required = true)]
    public ComponentBasis? Per { get; set; }

    [Field("Units of this type per `per` (fractional for shared parts, exponential only).", Unit = "units", Default = "1", Min = 0, MinExclusive = true, Max = 1_000_000)]
    public double? CountPerUnit { get; set; }

    [Field("Mean time between failures of one unit.", Unit = "hours", Required = true, Min = 0, MinExclusive = true, Max = 1e12)]
    public double? MtbfHours { get; set; }

    [Field("Time-to-failure distribution: exponential, or weibull (units start new at the job's start).", Default = "exponential")]
    public FailureDistribution? Distribution { get; set; }

    [Field("Weibull shape k: below 1 infant mortality, above 1 wear-out (weibull only).", Unit = "ratio", Default = "1", Min = 0.1, Max = 10)]
    public double? WeibullShape { get; set; }

    [Field("After a failure: restart (nothing to fix), replaceNode (swap in spares, or wait for repaired nodes), waitForRepair.", Required = true)]
    public RecoveryAction? Recovery { get; set; }

    [Field("Nodes a replaceNode failure takes out: node, or rack (every node of the rack).", Default = "node")]
    public FailureDomain? Domain { get; set; }

    [Field("Mean repair time of a failed unit (a node returns to the spares after it).", Unit = "hours", Default = "0", Min = 0, Max = 100_000)]
    public double? RepairHours { get; set; }

    [Field("Repair-time distribution: exponential or fixed.", Default = "exponential")]
    public RepairDistribution? RepairDistribution { get; set; }

    [Field("A published count of such failures over the horizon, shown beside the model's expectation (calibration).", Unit = "failures", Min = 0, Max = 100_000_000)]
    public int? PublishedCount { get; set; }
}

/// <summary><c>training.checkpoint</c>.</summary>
public sealed class CheckpointDto
{
    [Field("Minutes of computation between checkpoints, or auto for Daly's optimum.", Unit = "minutes", Required = true, Min = 0, MinExclusive = true, Max = 100_000, AllowAuto = true)]
    public double? IntervalMinutes { get; set; }

    [Field("Minutes the job stops to write a checkpoint (C).", Unit = "minutes", Required = true, Min = 0, Max = 10_000)]
    public double? BlockingMinutes { get; set; }
}
