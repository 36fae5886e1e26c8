namespace Suanli.Core.Multisite;

/// <summary>Which parallelism of the job crosses the WAN between sites.</summary>
public enum CrossSiteParallelism
{
    /// <summary>Data parallel: each site holds whole model replicas; gradients cross the WAN once a step (the usual choice).</summary>
    DataParallel,

    /// <summary>Pipeline: each site holds some of every replica's stages; activations and their gradients cross at stage boundaries.</summary>
    Pipeline,
}

/// <summary>Precision of the gradient all-reduce (bytes per parameter on the wire).</summary>
public enum GradientPrecision
{
    /// <summary>2 bytes per parameter.</summary>
    Bf16,

    /// <summary>4 bytes per parameter (Llama 3 reduce-scatters gradients in FP32).</summary>
    Fp32,
}

/// <summary>One synchronous training step of a job spread evenly over sites (MODEL.md §5).</summary>
public sealed record StepInputs
{
    /// <summary>Active parameters per token (6·N_active FLOPs per token).</summary>
    public required double ActiveParams { get; init; }

    /// <summary>All parameters: the gradient that data-parallel replicas reduce.</summary>
    public required double TotalParams { get; init; }

    /// <summary>Hidden size: the activation width that crosses a pipeline boundary.</summary>
    public required double ModelDim { get; init; }

    /// <summary>Tokens per optimiser step (the global batch).</summary>
    public required double TokensPerStep { get; init; }

    /// <summary>Accelerators of the job, all sites together.</summary>
    public required int JobAccelerators { get; init; }

    /// <summary>Accelerators holding one model replica (tensor × pipeline × context × expert parallel).</summary>
    public required int AcceleratorsPerReplica { get; init; }

    /// <summary>Dense peak of one accelerator at the training precision, FLOP/s.</summary>
    public required double PeakFlopsPerAccelerator { get; init; }

    /// <summary>Model FLOPs utilisation of the step's compute.</summary>
    public required double Mfu { get; init; }

    /// <summary>Bytes per parameter of the gradient reduction.</summary>
    public required GradientPrecision GradientPrecision { get; init; }

    /// <summary>Scale-out bandwidth of one accelerator inside a site, Gbit/s.</summary>
    public required double IntraSiteGbpsPerAccelerator { get; init; }

    /// <summary>Share of the step's compute time that communication can hide behind (0 none, 1 all).</summary>
    public required double Overlap { get; init; }

    /// <summary>What crosses the WAN.</summary>
    public required CrossSiteParallelism CrossSite { get; init; }

    /// <summary>Sites the job is spread over, evenly.</summary>
    public required int Sites { get; init; }

    /// <summary>Distance between neighbouring sites, km.</summary>
    public required double DistanceKm { get; init; }

    /// <summary>Fibre route km per km of <see cref="DistanceKm"/> (1 when the distance is the fibre route).</summary>
    public required double RouteFactor { get; init; }

    /// <summary>One-way propagation delay in fibre, µs per km.</summary>
    public required double LatencyUsPerKm { get; init; }

    /// <summary>Fixed one-way latency of one WAN hop (routers, transponders, the collective's own handshake), µs.</summary>
    public required double HopLatencyUs { get; init; }

    /// <summary>WAN bandwidth each site sends (and receives) at, Gbit/s.</summary>
    public required double WanGbpsPerSite { get; init; }

    /// <summary>Bytes per gradient element.</summary>
    public double GradientBytesPerParam => GradientPrecision == GradientPrecision.Fp32 ? 4 : 2;

    /// <summary>Bytes per activation element crossing a pipeline boundary (BF16).</summary>
    public const double ActivationBytes = 2;
}

/// <summary>
/// Low-communication training (DiLoCo and Streaming DiLoCo style): sites run <see cref="SyncEverySteps"/> inner
/// steps on their own and then exchange a compressed outer update.
/// </summary>
/// <param name="SyncEverySteps">H: inner steps between two synchronisations across sites.</param>
/// <param name="Compression">Bytes sent per synchronisation as a share of the gradient's bytes (1 uncompressed).</param>
/// <param name="StepsToEqualLoss">Steps the method needs to reach the loss that synchronous training reaches in one (≥ 1): its quality cost.</param>
public sealed record LowCommunication(int SyncEverySteps, double Compression, double StepsToEqualLoss);

/// <summary>Where one step's time goes, averaged over a synchronisation period.</summary>
/// <param name="ComputeSeconds">t_c: forward and backward compute.</param>
/// <param name="IntraSiteSeconds">Ring all-reduce (reduce-scatter and all-gather) among the data-parallel ranks inside a site.</param>
/// <param name="WanBandwidthSeconds">WAN bytes per step over the site's WAN bandwidth.</param>
/// <param name="WanLatencySeconds">Propagation and hop latency of the cross-site exchange per step.</param>
/// <param name="ExposedSeconds">Communication not hidden behind compute: max(0, comm − overlap · t_c).</param>
/// <param name="WanBytesPerStepPerSite">Bytes each site sends over the WAN per step (averaged over a period).</param>
public sealed record StepTime(
    double ComputeSeconds,
    double IntraSiteSeconds,
    double WanBandwidthSeconds,
    double WanLatencySeconds,
    double ExposedSeconds,
    double WanBytesPerStepPerSite)
{
    /// <summary>All communication of a step, hidden or not.</summary>
    public double CommSeconds => IntraSiteSeconds + WanBandwidthSeconds + WanLatencySeconds;

    /// <summary>Wall-clock time of a step.</summary>
    public double StepSeconds => ComputeSeconds + ExposedSeconds;

    /// <summary>t_c / (t_c + exposed).</summary>
    public double Efficiency => ComputeSeconds / StepSeconds;
}

/// <summary>
/// The step-time model of MODEL.md §5: compute t_c = 6·N_active·tokens / (n·peak·MFU); a hierarchical all-reduce
/// (ring reduce-scatter inside each site, ring all-reduce of 2(S−1)/S·G bytes per site across sites, all-gather inside);
/// latency 2(S−1)·(d·routeFactor·µs/km + hop); exposed = max(0, comm − overlap·t_c); efficiency t_c / (t_c + exposed).
/// Low-communication training sends G·compression every H steps; the period's exposed time is shared by its H steps.
/// </summary>
public static class StepTimeModel
{
    /// <summary>The step of <paramref name="s"/>, every step synchronised unless <paramref name="lowCommunication"/> is given.</summary>
    public static StepTime Evaluate(StepInputs s, LowCommunication? lowCommunication = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = Split(s, lowCommunication);
        var bandwidth = parts.WanBytesPerStep > 0 ? parts.WanBytesPerStep * 8 / (s.WanGbpsPerSite * 1e9) : 0;
        var latency = parts.LatencyPerKm * s.DistanceKm + parts.FixedLatency;
        var exposed = Math.Max(0, parts.Intra + bandwidth + latency - s.Overlap * parts.Compute);
        return new StepTime(parts.Compute, parts.Intra, bandwidth, latency, exposed, parts.WanBytesPerStep);
    }

    /// <summary>
    /// The largest distance at which the step efficiency still reaches <paramref name="target"/>; null when even 0 km
    /// misses it, or when nothing crosses a WAN (one site) and distance does not apply.
    /// </summary>
    public static double? MaxDistanceKm(StepInputs s, LowCommunication? lowCommunication, double target)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = Split(s, lowCommunication);
        if (parts.LatencyPerKm <= 0)
        {
            return null;
        }

        var bandwidth = parts.WanBytesPerStep > 0 ? parts.WanBytesPerStep * 8 / (s.WanGbpsPerSite * 1e9) : 0;
        var room = Room(parts, s, target) - parts.Intra - bandwidth - parts.FixedLatency;
        return room < 0 ? null : room / parts.LatencyPerKm;
    }

    /// <summary>
    /// The WAN bandwidth per site at which the step efficiency reaches <paramref name="target"/> at the scenario's
    /// distance; null when no bandwidth does (latency and in-site traffic alone miss it) or nothing crosses a WAN.
    /// </summary>
    public static double? RequiredWanGbps(StepInputs s, LowCommunication? lowCommunication, double target)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = Split(s, lowCommunication);
        if (parts.WanBytesPerStep <= 0)
        {
            return null;
        }

        var room = Room(parts, s, target) - parts.Intra - parts.LatencyPerKm * s.DistanceKm - parts.FixedLatency;
        return room <= 0 ? null : parts.WanBytesPerStep * 8 / room / 1e9;
    }

    /// <summary>Data-parallel ranks that reduce together inside one site.</summary>
    public static int IntraSiteRanks(StepInputs s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var replicas = s.JobAccelerators / s.AcceleratorsPerReplica;
        return s.CrossSite == CrossSiteParallelism.DataParallel ? replicas / s.Sites : replicas;
    }

    // Communication may take up to the time the target leaves beside compute, plus what overlap hides.
    private static double Room(Parts parts, StepInputs s, double target) => parts.Compute * (1 / target - 1) + s.Overlap * parts.Compute;

    private static Parts Split(StepInputs s, LowCommunication? lc)
    {
        var compute = 6 * s.ActiveParams * s.TokensPerStep / (s.JobAccelerators * s.PeakFlopsPerAccelerator * s.Mfu);

        // Each accelerator holds 1/m of a replica's gradient; a ring over p ranks moves 2(p−1)/p of it per rank.
        var gradientBytes = s.TotalParams * s.GradientBytesPerParam;
        var p = IntraSiteRanks(s);
        var shard = gradientBytes / s.AcceleratorsPerReplica;
        var intra = p > 1 ? 2.0 * (p - 1) / p * shard * 8 / (s.IntraSiteGbpsPerAccelerator * 1e9) : 0;
        if (s.Sites <= 1)
        {
            return new Parts(compute, intra, 0, 0, 0);
        }

        // Low-communication training synchronises data-parallel replicas; a pipeline split across sites cannot skip steps.
        var dataParallel = s.CrossSite == CrossSiteParallelism.DataParallel;
        var every = dataParallel ? lc?.SyncEverySteps ?? 1 : 1;
        var compression = dataParallel ? lc?.Compression ?? 1 : 1;
        double wanBytes;
        if (dataParallel)
        {
            // Hierarchical all-reduce: after the in-site reduce-scatter each site holds one reduced gradient, and the
            // ring across S sites sends 2(S−1)/S of it from each site.
            wanBytes = 2.0 * (s.Sites - 1) / s.Sites * gradientBytes * compression / every;
        }
        else
        {
            // Every token's activation crosses a stage boundary forward and its gradient backward; an inner site of a
            // chain sends both ways, an end site one way.
            var oneWay = s.TokensPerStep * s.ModelDim * StepInputs.ActivationBytes;
            wanBytes = s.Sites == 2 ? oneWay : 2 * oneWay;
        }

        // A ring across S sites takes 2(S−1) one-way hops (a pipeline's forward and backward pass cross S−1 boundaries each).
        var hops = 2.0 * (s.Sites - 1) / every;
        return new Parts(compute, intra, wanBytes, hops * s.RouteFactor * s.LatencyUsPerKm * 1e-6, hops * s.HopLatencyUs * 1e-6);
    }

    private readonly record struct Parts(double Compute, double Intra, double WanBytesPerStep, double LatencyPerKm, double FixedLatency);
}
