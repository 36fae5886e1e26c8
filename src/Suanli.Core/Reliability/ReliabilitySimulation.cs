using Suanli.Core.Random;

namespace Suanli.Core.Reliability;

/// <summary>Aggregated outcome of a Monte Carlo run of the job timeline. Times in hours unless named otherwise.</summary>
public sealed record SimulationResult
{
    /// <summary>Trials run.</summary>
    public required int Trials { get; init; }

    /// <summary>Seed every trial's stream was derived from.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Checkpoint interval simulated, minutes.</summary>
    public required double IntervalMinutes { get; init; }

    /// <summary>Mean interruptions per trial (failures that hit the job while it ran or restarted).</summary>
    public required double InterruptionsMean { get; init; }

    /// <summary>Standard error of <see cref="InterruptionsMean"/>.</summary>
    public required double InterruptionsStdError { get; init; }

    /// <summary>5th percentile of interruptions.</summary>
    public required double InterruptionsP5 { get; init; }

    /// <summary>Median interruptions.</summary>
    public required double InterruptionsP50 { get; init; }

    /// <summary>95th percentile of interruptions.</summary>
    public required double InterruptionsP95 { get; init; }

    /// <summary>Horizon ÷ mean interruptions, hours.</summary>
    public required double MttiHours { get; init; }

    /// <summary>Mean effective training time ratio: useful work ÷ elapsed time.</summary>
    public required double EttrMean { get; init; }

    /// <summary>Standard error of <see cref="EttrMean"/>.</summary>
    public required double EttrStdError { get; init; }

    /// <summary>5th percentile of ETTR.</summary>
    public required double EttrP5 { get; init; }

    /// <summary>95th percentile of ETTR.</summary>
    public required double EttrP95 { get; init; }

    /// <summary>Mean accelerator-hours not spent on useful work: (horizon − useful) × accelerators.</summary>
    public required double LostAcceleratorHoursMean { get; init; }

    /// <summary>Mean hours spent writing checkpoints.</summary>
    public required double CheckpointHoursMean { get; init; }

    /// <summary>Mean hours of computation lost since the last checkpoint.</summary>
    public required double LostWorkHoursMean { get; init; }

    /// <summary>Mean hours detecting failures and restarting.</summary>
    public required double RestartHoursMean { get; init; }

    /// <summary>Mean hours waiting for repairs or spare nodes.</summary>
    public required double WaitHoursMean { get; init; }

    /// <summary>Mean failures that happened while the job was already down waiting (handled, not counted as interruptions).</summary>
    public required double AbsorbedFailuresMean { get; init; }

    /// <summary>Share of trials with no interruption in the first 24 h.</summary>
    public required double PNoInterruption24h { get; init; }

    /// <summary>Failure events simulated over all trials.</summary>
    public required long Events { get; init; }
}

/// <summary>
/// Event-driven Monte Carlo of a synchronous training job over its horizon: failures of every term, detection and
/// restart (which can itself be interrupted), spare-node swaps or waits for repair, periodic blocking checkpoints and
/// the work lost since the last one. Checkpoints between two failures are not simulated one by one: whole
/// checkpoint cycles are counted arithmetically. Trials run in parallel; trial i draws from its own stream derived
/// from (seed, i), and results are gathered by index, so the outcome does not depend on the number of threads.
/// </summary>
public static class ReliabilitySimulation
{
    /// <summary>Runs <paramref name="trials"/> trials.</summary>
    public static SimulationResult Run(
        TrainingReliability model,
        int trials,
        ulong seed,
        double? intervalMinutesOverride = null,
        IProgress<int>? progress = null,
        int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var closed = ClosedForms.For(model, intervalMinutesOverride);
        var plan = new SimulationPlan(model, closed.IntervalMinutes / 60);
        var outcomes = new TrialOutcome[trials];
        var completed = 0;
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
        };

        // Chunks of trials per task keep the per-trial overhead of Parallel.For small.
        const int chunk = 64;
        var chunks = (trials + chunk - 1) / chunk;
        Parallel.For(0, chunks, options, () => new TrialWorkspace(), (c, _, workspace) =>
        {
            var end = Math.Min(trials, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)i);
                outcomes[i] = plan.RunTrial(ref rng, workspace);
            }

            var done = Interlocked.Add(ref completed, end - c * chunk);
            progress?.Report(done);
            return workspace;
        }, _ => { });

        return Aggregate(model, plan, outcomes, seed);
    }

    private static SimulationResult Aggregate(TrainingReliability model, SimulationPlan plan, TrialOutcome[] outcomes, ulong seed)
    {
        var n = outcomes.Length;
        var interruptions = new double[n];
        var ettr = new double[n];
        double checkpoint = 0, lost = 0, restart = 0, wait = 0, absorbed = 0, survived24 = 0;
        long events = 0;
        for (var i = 0; i < n; i++)
        {
            ref readonly var o = ref outcomes[i];
            interruptions[i] = o.Interruptions;
            ettr[i] = o.UsefulHours / plan.HorizonHours;
            checkpoint += o.CheckpointHours;
            lost += o.LostWorkHours;
            restart += o.RestartHours;
            wait += o.WaitHours;
            absorbed += o.AbsorbedFailures;
            survived24 += o.FirstInterruptionHours > 24 ? 1 : 0;
            events += o.Events;
        }

        var (interruptionsMean, interruptionsSe) = MeanAndStdError(interruptions);
        var (ettrMean, ettrSe) = MeanAndStdError(ettr);
        Array.Sort(interruptions);
        Array.Sort(ettr);
        return new SimulationResult
        {
            Trials = n,
            Seed = seed,
            IntervalMinutes = plan.TauHours * 60,
            InterruptionsMean = interruptionsMean,
            InterruptionsStdError = interruptionsSe,
            InterruptionsP5 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(interruptions, 0.05),
            InterruptionsP50 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(interruptions, 0.50),
            InterruptionsP95 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(interruptions, 0.95),
            MttiHours = interruptionsMean > 0 ? plan.HorizonHours / interruptionsMean : double.PositiveInfinity,
            EttrMean = ettrMean,
            EttrStdError = ettrSe,
            EttrP5 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(ettr, 0.05),
            EttrP95 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(ettr, 0.95),
            LostAcceleratorHoursMean = (1 - ettrMean) * plan.HorizonHours * model.JobAccelerators,
            CheckpointHoursMean = checkpoint / n,
            LostWorkHoursMean = lost / n,
            RestartHoursMean = restart / n,
            WaitHoursMean = wait / n,
            AbsorbedFailuresMean = absorbed / n,
            PNoInterruption24h = survived24 / n,
            Events = events,
        };
    }

    private static (double Mean, double StdError) MeanAndStdError(double[] values)
    {
        var (mean, variance) = MathNet.Numerics.Statistics.ArrayStatistics.MeanVariance(values);
        return (mean, values.Length > 1 ? Math.Sqrt(variance / values.Length) : 0);
    }
}

/// <summary>What one trial measured.</summary>
internal struct TrialOutcome
{
    public int Interruptions;
    public int AbsorbedFailures;
    public int Events;
    public double UsefulHours;
    public double CheckpointHours;
    public double LostWorkHours;
    public double RestartHours;
    public double WaitHours;
    public double FirstInterruptionHours;
}

/// <summary>A failure event: when, and which term.</summary>
internal readonly record struct FailureEvent(double Time, int Term) : IComparable<FailureEvent>
{
    public int CompareTo(FailureEvent other) => Time.CompareTo(other.Time);
}

/// <summary>Per-thread buffers reused across trials, so the trial loop does not allocate.</summary>
internal sealed class TrialWorkspace
{
    public FailureEvent[] Scheduled = new FailureEvent[256];
    public int ScheduledCount;
    public double[] Returns = new double[256];
    public int ReturnCount;

    public void Schedule(FailureEvent e)
    {
        if (ScheduledCount == Scheduled.Length)
        {
            Array.Resize(ref Scheduled, Scheduled.Length * 2);
        }

        Scheduled[ScheduledCount++] = e;
    }

    /// <summary>
    /// Adds the time a node under repair returns. Return times are kept unsorted: most of the time spares are
    /// plentiful and nobody asks when the next one comes back, so the list is only searched when spares run short
    /// (or compacted when it fills).
    /// </summary>
    public void AddReturn(double time, double now, ref int spares)
    {
        if (ReturnCount == Returns.Length)
        {
            spares += CollectReturned(now);
            if (ReturnCount == Returns.Length)
            {
                Array.Resize(ref Returns, Returns.Length * 2);
            }
        }

        Returns[ReturnCount++] = time;
    }

    /// <summary>Removes every node back by <paramref name="now"/> and says how many there were.</summary>
    public int CollectReturned(double now)
    {
        var kept = 0;
        for (var i = 0; i < ReturnCount; i++)
        {
            if (Returns[i] > now)
            {
                Returns[kept++] = Returns[i];
            }
        }

        var returned = ReturnCount - kept;
        ReturnCount = kept;
        return returned;
    }

    /// <summary>Removes and returns the earliest return time.</summary>
    public double TakeEarliest()
    {
        var best = 0;
        for (var i = 1; i < ReturnCount; i++)
        {
            if (Returns[i] < Returns[best])
            {
                best = i;
            }
        }

        var time = Returns[best];
        Returns[best] = Returns[--ReturnCount];
        return time;
    }
}
