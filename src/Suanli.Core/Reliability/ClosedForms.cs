namespace Suanli.Core.Reliability;

/// <summary>The closed forms of MODEL.md §4 for exponential failures. Times in hours unless the name says minutes.</summary>
public sealed record ClosedFormResult
{
    /// <summary>Interruption rate λ, per hour.</summary>
    public required double LambdaPerHour { get; init; }

    /// <summary>Mean time to interruption, 1/λ, hours.</summary>
    public required double MttiHours { get; init; }

    /// <summary>Expected interruptions over the horizon, λT.</summary>
    public required double ExpectedInterruptions { get; init; }

    /// <summary>P(no interruption in 24 h) = exp(−24λ).</summary>
    public required double PNoInterruption24h { get; init; }

    /// <summary>P(no interruption over the horizon) = exp(−λT).</summary>
    public required double PNoInterruptionHorizon { get; init; }

    /// <summary>Young's optimal checkpoint interval √(2CM), minutes.</summary>
    public required double YoungIntervalMinutes { get; init; }

    /// <summary>Daly's higher-order optimal interval, minutes.</summary>
    public required double DalyIntervalMinutes { get; init; }

    /// <summary>The interval the job uses (the scenario's, or Daly's when set to auto), minutes.</summary>
    public required double IntervalMinutes { get; init; }

    /// <summary>Expected effective training time ratio by Daly's exact expected wall time for Poisson failures: τ / (M e^(R/M) (e^((τ+C)/M) − 1)).</summary>
    public required double Ettr { get; init; }

    /// <summary>First-order ETTR, 1 − C/τ − (τ/2 + R)/M (can fall below zero when the interval is far from optimal).</summary>
    public required double EttrFirstOrder { get; init; }

    /// <summary>
    /// Whether the first-order expansion holds at this interval, i.e. gives a ratio in [0, 1]: it assumes C ≪ τ ≪ M, and
    /// outside [0, 1] (an interval of 0.01 min gives −405 %) it is no approximation of anything.
    /// </summary>
    public bool FirstOrderHolds => EttrFirstOrder is >= 0 and <= 1;

    /// <summary>The first-order ETTR where it holds, else null (Daly's exact <see cref="Ettr"/> stands either way).</summary>
    public double? EttrFirstOrderWhereItHolds => FirstOrderHolds ? EttrFirstOrder : null;
}

/// <summary>Computes <see cref="ClosedFormResult"/>.</summary>
public static class ClosedForms
{
    /// <summary>The closed forms for a job; λ from <see cref="FailureModel"/>.</summary>
    public static ClosedFormResult For(TrainingReliability r, double? intervalMinutesOverride = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lambda = FailureModel.LambdaPerHour(r);
        var m = lambda > 0 ? 1 / lambda : double.PositiveInfinity;
        var c = r.CheckpointBlockingMinutes / 60;
        var young = YoungHours(c, m);
        var daly = DalyHours(c, m);
        var tau = intervalMinutesOverride / 60 ?? r.CheckpointIntervalMinutes / 60 ?? daly;
        return new ClosedFormResult
        {
            LambdaPerHour = lambda,
            MttiHours = m,
            ExpectedInterruptions = lambda * r.HorizonHours,
            PNoInterruption24h = Math.Exp(-24 * lambda),
            PNoInterruptionHorizon = Math.Exp(-lambda * r.HorizonHours),
            YoungIntervalMinutes = young * 60,
            DalyIntervalMinutes = daly * 60,
            IntervalMinutes = tau * 60,
            Ettr = EttrDaly(tau, c, r.RestartHours, m),
            EttrFirstOrder = FirstOrderEttr(tau, c, r.RestartHours, m),
        };
    }

    /// <summary>1 − C/τ − (τ/2 + R)/M; at τ = 0 the limit (1 − R/M when checkpoints are free, −∞ otherwise).</summary>
    public static double FirstOrderEttr(double tauHours, double checkpointHours, double restartHours, double mttiHours)
    {
        var overhead = tauHours > 0 ? checkpointHours / tauHours : checkpointHours > 0 ? double.PositiveInfinity : 0;
        var failures = double.IsPositiveInfinity(mttiHours) ? 0 : (tauHours / 2 + restartHours) / mttiHours;
        return 1 - overhead - failures;
    }

    /// <summary>Young (1974): τ* = √(2CM).</summary>
    public static double YoungHours(double checkpointHours, double mttiHours) => Math.Sqrt(2 * checkpointHours * mttiHours);

    /// <summary>Daly (2006): τ* = √(2CM)·[1 + ⅓√(C/2M) + (1/9)(C/2M)] − C for C &lt; 2M, else M.</summary>
    public static double DalyHours(double checkpointHours, double mttiHours)
    {
        if (double.IsPositiveInfinity(mttiHours))
        {
            return double.PositiveInfinity;
        }

        if (checkpointHours >= 2 * mttiHours)
        {
            return mttiHours;
        }

        var x = checkpointHours / (2 * mttiHours);
        return Math.Sqrt(2 * checkpointHours * mttiHours) * (1 + Math.Sqrt(x) / 3 + x / 9) - checkpointHours;
    }

    /// <summary>
    /// ETTR from Daly's expected wall time with Poisson failures of mean M: each segment of τ work plus a C checkpoint
    /// is retried until it completes, and each failure costs a restart R that may itself fail.
    /// </summary>
    public static double EttrDaly(double tauHours, double checkpointHours, double restartHours, double mttiHours)
    {
        if (double.IsPositiveInfinity(mttiHours))
        {
            return tauHours > 0 ? tauHours / (tauHours + checkpointHours) : 1;
        }

        if (!(mttiHours > 0))
        {
            return 0;
        }

        if (tauHours <= 0)
        {
            // Checkpointing continuously for free loses nothing but the restarts.
            return checkpointHours > 0 ? 0 : Math.Exp(-restartHours / mttiHours);
        }

        // τ / (M·(e^((τ+C)/M) − 1)) is written as a ratio of small numbers so that a tiny τ + C neither underflows nor
        // divides by a rounded-away zero; e^(R/M) is applied last, in the log domain when R/M is large.
        var x = (tauHours + checkpointHours) / mttiHours;
        var ratio = tauHours / (tauHours + checkpointHours) * (x / ReliabilityMath.ExpM1(x));
        return ratio * Math.Exp(-restartHours / mttiHours);
    }
}
