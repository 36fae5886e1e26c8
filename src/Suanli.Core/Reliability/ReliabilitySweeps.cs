namespace Suanli.Core.Reliability;

/// <summary>What a sweep varies.</summary>
public enum SweepKind
{
    /// <summary>Number of sites, 1…8, the job spread evenly.</summary>
    Sites,

    /// <summary>Distance between sites, 0…3,000 km.</summary>
    Distance,
}

/// <summary>One point of a sweep.</summary>
/// <param name="Sites">Sites the job spans.</param>
/// <param name="DistanceKm">Distance between joined sites.</param>
/// <param name="Links">WAN links.</param>
/// <param name="LambdaPerHour">Interruption rate.</param>
/// <param name="PNoInterruption24h">exp(−24λ).</param>
/// <param name="LnPNoInterruption24h">−24λ: linear in S and d when λ is.</param>
/// <param name="Ettr">Closed-form ETTR at the interval the job uses (Daly's optimum when auto).</param>
/// <param name="IntervalMinutes">That interval.</param>
/// <param name="EttrSimulated">Simulated mean ETTR, when trials were run.</param>
/// <param name="SiteShare">Share of λ from site events.</param>
/// <param name="WanShare">Share of λ from WAN terms (link equipment, cuts, time-outs).</param>
public sealed record SweepRow(int Sites, double DistanceKm, int Links, double LambdaPerHour, double PNoInterruption24h, double LnPNoInterruption24h,
    double Ettr, double IntervalMinutes, double? EttrSimulated, double SiteShare, double WanShare);

/// <summary>A least-squares line y = intercept + slope·x and its R².</summary>
/// <param name="Slope">Slope.</param>
/// <param name="Intercept">Intercept.</param>
/// <param name="RSquared">Coefficient of determination.</param>
public sealed record LineFit(double Slope, double Intercept, double RSquared);

/// <summary>Curves over sites and distance (MODEL.md §4, multi-site).</summary>
public static class ReliabilitySweeps
{
    /// <summary>Sites swept: 1 to 8.</summary>
    public const int MaxSites = 8;

    /// <summary>Distances swept: 0 to 3,000 km in steps of 250 km.</summary>
    public static IReadOnlyList<double> Distances { get; } = [.. Enumerable.Range(0, 13).Select(i => i * 250.0)];

    /// <summary>The scenario at each point of a sweep (sites: its distance; distance: its sites, at least 2).</summary>
    public static IReadOnlyList<TrainingReliability> Points(TrainingReliability r, SweepKind kind)
    {
        ArgumentNullException.ThrowIfNull(r);
        return kind == SweepKind.Sites
            ? [.. Enumerable.Range(1, MaxSites).Where(s => s <= r.JobAccelerators).Select(s => r with { Sites = s })]
            : [.. Distances.Select(d => r with { DistanceKm = d, Sites = Math.Max(2, r.Sites) })];
    }

    /// <summary>Closed-form rows, with simulated ETTR when <paramref name="simulate"/> is given.</summary>
    public static IReadOnlyList<SweepRow> Run(TrainingReliability r, SweepKind kind, Func<TrainingReliability, double>? simulate = null) =>
        [.. Points(r, kind).Select(p =>
        {
            var closed = ClosedForms.For(p);
            var terms = FailureModel.Terms(p);
            var lambda = closed.LambdaPerHour;
            double Share(Func<FailureTerm, bool> which) => lambda > 0 ? terms.Where(which).Sum(t => t.RatePerHour) / lambda : 0;
            return new SweepRow(p.Sites, p.DistanceKm, p.Links, lambda, closed.PNoInterruption24h, -24 * lambda, closed.Ettr, closed.IntervalMinutes,
                simulate?.Invoke(p),
                Share(t => t.Kind == TermKind.SiteEvents),
                Share(t => t.Kind is TermKind.LinkEvents or TermKind.FiberCuts or TermKind.CollectiveTimeouts));
        })];

    /// <summary>Least-squares fit of ln P(no interruption in 24 h) against the swept variable.</summary>
    public static LineFit FitLnSurvival(IReadOnlyList<SweepRow> rows, SweepKind kind)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var x = rows.Select(r => kind == SweepKind.Sites ? r.Sites : r.DistanceKm).ToArray();
        var y = rows.Select(r => r.LnPNoInterruption24h).ToArray();
        if (x.Length < 2)
        {
            return new LineFit(0, y.FirstOrDefault(), 1);
        }

        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        var fitted = x.Select(v => intercept + slope * v);
        var spread = y.Max() - y.Min();
        var r2 = spread < 1e-15 ? 1 : MathNet.Numerics.GoodnessOfFit.RSquared(fitted, y);
        return new LineFit(slope, intercept, r2);
    }
}

/// <summary>The checkpoint interval that maximises the simulated ETTR, found by golden-section search.</summary>
/// <param name="IntervalMinutes">Best interval found.</param>
/// <param name="Ettr">Simulated ETTR there.</param>
/// <param name="DalyIntervalMinutes">Daly's interval.</param>
/// <param name="EttrAtDaly">Simulated ETTR at Daly's interval.</param>
/// <param name="YoungIntervalMinutes">Young's interval.</param>
/// <param name="EttrAtYoung">Simulated ETTR at Young's interval.</param>
/// <param name="Evaluations">Simulations run by the search.</param>
public sealed record IntervalSearchResult(double IntervalMinutes, double Ettr, double DalyIntervalMinutes, double EttrAtDaly,
    double YoungIntervalMinutes, double EttrAtYoung, int Evaluations);

/// <summary>Searches the checkpoint interval on the simulation itself (same seed at every interval, so differences are not noise).</summary>
public static class CheckpointIntervalSearch
{
    // Golden section on ln τ over [Daly/8, Daly×8] until the bracket is narrower than this (1 % in τ).
    private const double Tolerance = 0.01;

    private static readonly double Phi = (Math.Sqrt(5) - 1) / 2;

    /// <summary>
    /// Simulations the search runs: two to start, one per narrowing of the bracket, and two more at Daly's and
    /// Young's intervals for comparison (17), whatever the model; for estimating the work before it starts.
    /// </summary>
    public static int PlannedEvaluations
    {
        get
        {
            double a = Math.Log(1.0 / 8), b = Math.Log(8.0);
            var n = 0;
            while (b - a > Tolerance)
            {
                b = a + Phi * (b - a);
                n++;
            }

            return 2 + n + 2;
        }
    }

    /// <summary>Golden-section search on ln τ between Daly/8 and Daly×8.</summary>
    /// <param name="model">The job.</param>
    /// <param name="trials">Trials of each simulation.</param>
    /// <param name="seed">Seed of every simulation.</param>
    /// <param name="maxDegreeOfParallelism">Threads.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <param name="progress">Receives the trials completed so far over all the search's simulations.</param>
    /// <param name="maxEvents">Failure events each simulation may process (see <see cref="ReliabilitySimulation.Run"/>).</param>
    public static IntervalSearchResult Run(TrainingReliability model, int trials, ulong seed, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default,
        IProgress<long>? progress = null, long maxEvents = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        var closed = ClosedForms.For(model);
        var daly = closed.DalyIntervalMinutes;
        var young = closed.YoungIntervalMinutes;
        if (!(daly > 0) || double.IsInfinity(daly))
        {
            throw new ArgumentException("The interval search needs a positive blocking checkpoint time and a finite failure rate.", nameof(model));
        }

        var evaluations = 0;
        double Ettr(double minutes)
        {
            var offset = (long)evaluations * trials;
            evaluations++;
            var step = progress is null ? null : new Progress(done => progress.Report(offset + done));
            return ReliabilitySimulation.Run(model, trials, seed, minutes, step, maxDegreeOfParallelism, cancellationToken, maxEvents).EttrMean;
        }

        double a = Math.Log(daly / 8), b = Math.Log(daly * 8);
        var c = b - Phi * (b - a);
        var d = a + Phi * (b - a);
        double fc = Ettr(Math.Exp(c)), fd = Ettr(Math.Exp(d));
        while (b - a > Tolerance)
        {
            if (fc >= fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - Phi * (b - a);
                fc = Ettr(Math.Exp(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + Phi * (b - a);
                fd = Ettr(Math.Exp(d));
            }
        }

        var best = fc >= fd ? (Math.Exp(c), fc) : (Math.Exp(d), fd);
        return new IntervalSearchResult(best.Item1, best.Item2, daly, Ettr(daly), young, Ettr(young), evaluations);
    }

    /// <summary>Forwards progress on the calling thread.</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
