using Suanli.Core.Compute;
using Suanli.Core.Multisite;
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

    [Field("One training step of the job, for its step time across sites (suanli multisite, MODEL.md §5).", WhenAbsent = "no step-time figures (reliability only)")]
    public StepDto? Step { get; set; }

    [Field("Low-communication training (DiLoCo / Streaming DiLoCo style): sites synchronise every syncEverySteps steps, compressed; evaluated beside every-step synchronisation.", WhenAbsent = "every-step synchronisation only")]
    public LowCommunicationDto? LowCommunication { get; set; }
}

/// <summary><c>training.step</c>: what one optimiser step computes and exchanges.</summary>
public sealed class StepDto
{
    [Field("Model id (catalog or compute.models): active parameters for compute, all parameters for the gradient, modelDim for pipeline activations.", Required = true)]
    public string? Model { get; set; }

    [Field("Accelerator id (catalog or compute.accelerators) whose dense peak the MFU refers to.", Required = true)]
    public string? Accelerator { get; set; }

    [Field("Precision whose peak the MFU refers to: bf16 or fp8.", Default = "bf16")]
    public Precision? Precision { get; set; }

    [Field("Model FLOPs utilisation of the step's compute (6·N_active·tokens over the job's peak).", Unit = "fraction", Required = true,
        Min = ComputeRanges.MfuMin, Max = 1, RangeReasonKey = ComputeRanges.UtilisationReasonKey, RangeReason = ComputeRanges.UtilisationReason)]
    public double? Mfu { get; set; }

    [Field("Tokens per optimiser step: the global batch (sequences × sequence length).", Unit = "tokens", Required = true, Min = 1, Max = 1e12)]
    public double? TokensPerStep { get; set; }

    [Field("Accelerators that hold one model replica (tensor × pipeline × context × expert parallel); the job's accelerators divided by it are the data-parallel replicas.", Unit = "accelerators", Required = true, Min = 1, Max = 10_000_000)]
    public int? AcceleratorsPerReplica { get; set; }

    [Field("Precision of the gradient all-reduce: bf16 (2 bytes per parameter) or fp32 (4 bytes).", Required = true)]
    public GradientPrecision? GradientPrecision { get; set; }

    [Field("Scale-out (back-end network) bandwidth of one accelerator inside a site, e.g. 400 for one 400G NIC per GPU.", Unit = "Gbps", Required = true, Min = 1, Max = 100_000)]
    public double? IntraSiteGbpsPerAccelerator { get; set; }

    [Field("Share of the step's compute that communication can hide behind: exposed = max(0, comm − overlap × compute).", Unit = "fraction", Required = true, Min = 0, Max = 1)]
    public double? Overlap { get; set; }

    [Field("What crosses the WAN: dataParallel (whole replicas per site; gradients cross once a step) or pipeline (stages split over sites; activations cross every step).", Default = "dataParallel")]
    public CrossSiteParallelism? CrossSite { get; set; }
}

/// <summary><c>training.lowCommunication</c>.</summary>
public sealed class LowCommunicationDto
{
    [Field("H: inner steps each site runs between two synchronisations across sites (1 = every step).", Unit = "steps", Required = true, Min = 1, Max = 1_000_000)]
    public int? SyncEverySteps { get; set; }

    [Field("Bytes sent per synchronisation as a share of the gradient's bytes at gradientPrecision (e.g. 0.125 for 4-bit updates against fp32; 1 uncompressed).", Unit = "fraction", Required = true, Min = 0, MinExclusive = true, Max = 1)]
    public double? Compression { get; set; }

    [Field("Quality cost: steps the method needs to reach the loss every-step synchronisation reaches in one (1 = free; state your evidence).", Unit = "ratio", Required = true, Min = 1, Max = 10)]
    public double? StepsToEqualLoss { get; set; }
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

    [Field("WAN bandwidth each site sends and receives at, for the step time (suanli multisite); required there when sites.count > 1.", Unit = "Gbps", Min = 0.001, Max = 100_000_000)]
    public double? BandwidthGbpsPerSite { get; set; }

    [Field("Fibre route km per km of sites.distanceKm (fibre follows roads and rails: often 1.2-1.5); 1 when distanceKm is already the fibre route. Scales propagation delay, round-trip time and fibre cuts.", Unit = "ratio", Default = "1", Min = 1, Max = 5)]
    public double? RouteFactor { get; set; }

    [Field("Fixed one-way latency per WAN hop (routers, transponders, the collective's handshake), added to propagation.", Unit = "µs", Default = "0", Min = 0, Max = 1_000_000)]
    public double? HopLatencyUs { get; set; }

    [Field("Price of inter-site capacity, in the scenario's currency, per Gbps per km of route per year: prices the WAN a training job needs.", Unit = "currency/km-Gbps-year", Min = 0, Max = 1_000_000, WhenAbsent = "no WAN cost figures")]
    public double? CostPerGbpsKmYear { get; set; }
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
