namespace Suanli.Core.Reliability;

/// <summary>Which bound of a simulation was reached.</summary>
public enum SimulationLimitKind
{
    /// <summary>Failure events processed over the run (time).</summary>
    Events,

    /// <summary>Weibull failures drawn ahead for one trial and held in memory.</summary>
    HeldFailures,

    /// <summary>Nodes waiting for repair in one trial, held in memory.</summary>
    NodesInRepair,
}

/// <summary>A simulation stopped at one of its bounds (time or memory); says which bound and which failure term drove it.</summary>
public sealed class SimulationLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationLimitException(SimulationLimitKind kind, int term, long limit)
        : base(FormattableString.Invariant($"the simulation reached its bound of {limit} ({kind}) on term {term}"))
    {
        Kind = kind;
        Term = term;
        Limit = limit;
    }

    /// <summary>Which bound.</summary>
    public SimulationLimitKind Kind { get; }

    /// <summary>Index in <see cref="FailureModel.Terms"/> of the term whose failures reached it.</summary>
    public int Term { get; }

    /// <summary>The bound.</summary>
    public long Limit { get; }
}

/// <summary>How much work a simulation of a job is, from the closed-form rates, before running it.</summary>
/// <param name="EventsPerTrialByTerm">Expected failure events per trial of each term of <see cref="FailureModel.Terms"/> (an upper bound for Weibull terms).</param>
/// <param name="HeldPerTrialByTerm">Weibull failures per trial drawn ahead and held in memory, per term (an upper bound; 0 for exponential terms).</param>
public sealed record WorkEstimate(IReadOnlyList<double> EventsPerTrialByTerm, IReadOnlyList<double> HeldPerTrialByTerm)
{
    /// <summary>Expected failure events per trial, all terms.</summary>
    public double EventsPerTrial => EventsPerTrialByTerm.Sum();

    /// <summary>Weibull failures held in memory per trial, all terms.</summary>
    public double HeldPerTrial => HeldPerTrialByTerm.Sum();

    /// <summary>The term with the most events per trial (−1 when there are none).</summary>
    public int DominantTerm => ArgMax(EventsPerTrialByTerm);

    /// <summary>The term with the most failures held in memory (−1 when none).</summary>
    public int DominantHeldTerm => ArgMax(HeldPerTrialByTerm);

    /// <summary>Work of <paramref name="trials"/> trials, in events: each trial counts as one event more than its failures (its own set-up).</summary>
    public double WorkFor(long trials) => trials * (EventsPerTrial + 1);

    private static int ArgMax(IReadOnlyList<double> values)
    {
        var best = -1;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] > 0 && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best;
    }
}

/// <summary>
/// The work and memory bounds of the Monte Carlo. A run is estimated before it starts (expected events per trial ×
/// trials, from the closed-form rates) so that an absurd input is refused at once instead of running for hours or
/// exhausting memory; the bounds are also enforced while it runs.
/// </summary>
public static class SimulationWork
{
    /// <summary>
    /// Default largest run, in events (failures plus one per trial): about 5·10⁸, i.e. tens of seconds at the 10–20
    /// million events per second per core the simulation does (docs/reliability.md); raise it with --max-events.
    /// </summary>
    public const long DefaultMaxEvents = 500_000_000;

    /// <summary>Weibull failures one trial may hold in memory (16 bytes each: 64 MiB per thread). Not raisable.</summary>
    public const int MaxHeldFailuresPerTrial = 1 << 22;

    /// <summary>Nodes one trial may have waiting for repair (8 bytes each: 32 MiB per thread). Not raisable.</summary>
    public const int MaxNodesInRepair = 1 << 22;

    /// <summary>Expected events per trial of every term of the job.</summary>
    public static WorkEstimate Estimate(TrainingReliability r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var horizon = r.HorizonHours;
        var terms = FailureModel.Terms(r);
        var events = new double[terms.Count];
        var held = new double[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            if (t.Distribution == FailureDistribution.Weibull && t.Units > 0)
            {
                held[i] = t.Units * WeibullRenewalsBound(horizon, t.MtbfHours, t.WeibullShape);
                events[i] = held[i];
            }
            else
            {
                events[i] = t.RatePerHour * horizon;
            }
        }

        return new WorkEstimate(events, held);
    }

    /// <summary>
    /// An upper bound on the expected failures of one new unit over T with renewals, M(T): the smaller of
    /// F/(1 − F) (from M(T) = F(T) + ∫ M(T − s) dF(s) ≤ F(T)(1 + M(T))) and Lorden's T/μ + E[X²]/μ² − 1.
    /// </summary>
    public static double WeibullRenewalsBound(double horizonHours, double mtbfHours, double shape)
    {
        var g1 = MathNet.Numerics.SpecialFunctions.Gamma(1 + 1 / shape);
        var scale = mtbfHours / g1;
        var h = Math.Pow(horizonHours / scale, shape);
        var first = ReliabilityMath.ExpM1(h);   // F/(1 − F) with F = 1 − e^(−h)
        var lorden = horizonHours / mtbfHours + Math.Max(0, MathNet.Numerics.SpecialFunctions.Gamma(1 + 2 / shape) / (g1 * g1) - 1);
        return Math.Min(first, lorden);
    }
}
