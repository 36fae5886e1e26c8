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
/// from (seed, i), and results are gathered by index (sums by fixed chunks of trials, added in chunk order), so the
/// outcome does not depend on the number of threads.
/// </summary>
public static class ReliabilitySimulation
{
    // Trials per task: keeps the per-trial overhead of Parallel.For small, and fixes the order partial sums are added in.
    private const int Chunk = 64;

    /// <summary>Runs <paramref name="trials"/> trials.</summary>
    /// <param name="model">The job.</param>
    /// <param name="trials">Trials to run.</param>
    /// <param name="seed">Seed every trial's stream is derived from.</param>
    /// <param name="intervalMinutesOverride">Checkpoint interval to simulate instead of the model's.</param>
    /// <param name="progress">Receives the number of trials completed so far.</param>
    /// <param name="maxDegreeOfParallelism">Threads (default: all cores); the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="maxEvents">
    /// Failure events the run may process in all; past it the run stops with <see cref="SimulationLimitException"/>.
    /// Callers estimate the work first with <see cref="SimulationWork.Estimate"/>; this is the backstop.
    /// </param>
    public static SimulationResult Run(
        TrainingReliability model,
        int trials,
        ulong seed,
        double? intervalMinutesOverride = null,
        IProgress<long>? progress = null,
        int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default,
        long maxEvents = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var closed = ClosedForms.For(model, intervalMinutesOverride);
        var plan = new SimulationPlan(model, closed.IntervalMinutes / 60, maxEvents, cancellationToken);
        var interruptions = new double[trials];
        var ettr = new double[trials];
        var chunks = (trials + Chunk - 1) / Chunk;
        var sums = new ChunkSums[chunks];
        long completed = 0, events = 0;
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
        };

        try
        {
            RunChunks();
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // A trial saw the token first (Parallel.For only looks between chunks): one cancellation, not an aggregate.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<SimulationLimitException>().Any())
        {
            // Several threads may reach a bound; report the lowest term so the message does not depend on scheduling.
            var first = e.InnerExceptions.OfType<SimulationLimitException>().OrderBy(x => x.Kind).ThenBy(x => x.Term).First();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return Aggregate(model, plan, interruptions, ettr, sums, seed);

        void RunChunks() => Parallel.For(0, chunks, options, () => new TrialWorkspace(), (c, _, workspace) =>
        {
            var end = Math.Min(trials, (c + 1) * Chunk);
            var sum = default(ChunkSums);
            for (var i = c * Chunk; i < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)i);
                var o = plan.RunTrial(ref rng, workspace);
                interruptions[i] = o.Interruptions;
                ettr[i] = o.UsefulHours / plan.HorizonHours;
                sum.Add(o);
            }

            sums[c] = sum;
            if (Interlocked.Add(ref events, sum.Events) > maxEvents)
            {
                throw new SimulationLimitException(SimulationLimitKind.Events, -1, maxEvents);
            }

            progress?.Report(Interlocked.Add(ref completed, end - c * Chunk));
            return workspace;
        }, _ => { });
    }

    private static SimulationResult Aggregate(TrainingReliability model, SimulationPlan plan, double[] interruptions, double[] ettr, ChunkSums[] chunks, ulong seed)
    {
        var n = interruptions.Length;
        var total = default(ChunkSums);
        foreach (var c in chunks)
        {
            total.Add(c);
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
            CheckpointHoursMean = total.CheckpointHours / n,
            LostWorkHoursMean = total.LostWorkHours / n,
            RestartHoursMean = total.RestartHours / n,
            WaitHoursMean = total.WaitHours / n,
            AbsorbedFailuresMean = (double)total.AbsorbedFailures / n,
            PNoInterruption24h = (double)total.Survived24h / n,
            Events = total.Events,
        };
    }

    private static (double Mean, double StdError) MeanAndStdError(double[] values)
    {
        var (mean, variance) = MathNet.Numerics.Statistics.ArrayStatistics.MeanVariance(values);
        return (mean, values.Length > 1 ? Math.Sqrt(variance / values.Length) : 0);
    }
}

/// <summary>What one trial measured. Counters are 64-bit: one trial of an absurd input can see billions of failures.</summary>
internal struct TrialOutcome
{
    public long Interruptions;
    public long AbsorbedFailures;
    public long Events;
    public double UsefulHours;
    public double CheckpointHours;
    public double LostWorkHours;
    public double RestartHours;
    public double WaitHours;
    public double FirstInterruptionHours;
}

/// <summary>Sums over a chunk of trials (and over chunks); counters add with overflow checks.</summary>
internal struct ChunkSums
{
    public long AbsorbedFailures;
    public long Events;
    public long Survived24h;
    public double CheckpointHours;
    public double LostWorkHours;
    public double RestartHours;
    public double WaitHours;

    public void Add(in TrialOutcome o)
    {
        AbsorbedFailures = checked(AbsorbedFailures + o.AbsorbedFailures);
        Events = checked(Events + o.Events);
        Survived24h += o.FirstInterruptionHours > 24 ? 1 : 0;
        CheckpointHours += o.CheckpointHours;
        LostWorkHours += o.LostWorkHours;
        RestartHours += o.RestartHours;
        WaitHours += o.WaitHours;
    }

    public void Add(in ChunkSums c)
    {
        AbsorbedFailures = checked(AbsorbedFailures + c.AbsorbedFailures);
        Events = checked(Events + c.Events);
        Survived24h += c.Survived24h;
        CheckpointHours += c.CheckpointHours;
        LostWorkHours += c.LostWorkHours;
        RestartHours += c.RestartHours;
        WaitHours += c.WaitHours;
    }
}

/// <summary>A failure event: when, and which term.</summary>
internal readonly record struct FailureEvent(double Time, int Term) : IComparable<FailureEvent>
{
    public int CompareTo(FailureEvent other) => Time.CompareTo(other.Time);
}

/// <summary>Per-thread buffers reused across trials, so the trial loop does not allocate; both are bounded.</summary>
internal sealed class TrialWorkspace
{
    public FailureEvent[] Scheduled = new FailureEvent[256];
    public int ScheduledCount;

    // Return times of nodes under repair. Returned nodes are collected lazily, so once the first spares are used up
    // nearly every failure looks for the earliest return. With the few nodes a real cluster has in repair a linear scan
    // is fastest (a heap's unpredictable branches cost 40 % of the whole loop on llama3-405b-16k); past HeapFrom nodes
    // the array becomes a binary min-heap for the rest of the trial, so an absurd input costs O(log n) per failure.
    private const int HeapFrom = 1024;

    public double[] Returns = new double[256];
    public int ReturnCount;
    private bool isHeap;

    /// <summary>Empties the nodes under repair, for a new trial.</summary>
    public void ResetReturns()
    {
        ReturnCount = 0;
        isHeap = false;
    }

    /// <summary>Holds a failure drawn ahead; false when the trial already holds <see cref="SimulationWork.MaxHeldFailuresPerTrial"/>.</summary>
    public bool Schedule(FailureEvent e)
    {
        if (ScheduledCount == Scheduled.Length)
        {
            if (Scheduled.Length >= SimulationWork.MaxHeldFailuresPerTrial)
            {
                return false;
            }

            Array.Resize(ref Scheduled, Math.Min(Scheduled.Length * 2, SimulationWork.MaxHeldFailuresPerTrial));
        }

        Scheduled[ScheduledCount++] = e;
        return true;
    }

    /// <summary>
    /// Adds the time a node under repair returns. Nodes back by <paramref name="now"/> are only collected (into
    /// <paramref name="spares"/>) when spares run short or the array fills; false when
    /// <see cref="SimulationWork.MaxNodesInRepair"/> nodes are still under repair.
    /// </summary>
    public bool AddReturn(double time, double now, ref int spares)
    {
        if (ReturnCount == Returns.Length)
        {
            spares += CompactReturned(now);
            if (ReturnCount == Returns.Length)
            {
                if (Returns.Length >= SimulationWork.MaxNodesInRepair)
                {
                    return false;
                }

                Array.Resize(ref Returns, Math.Min(Returns.Length * 2, SimulationWork.MaxNodesInRepair));
            }
        }

        var i = ReturnCount++;
        if (!isHeap && ReturnCount > HeapFrom)
        {
            Returns[i] = time;
            Heapify();
            isHeap = true;
            return true;
        }

        if (isHeap)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (Returns[parent] <= time)
                {
                    break;
                }

                Returns[i] = Returns[parent];
                i = parent;
            }
        }

        Returns[i] = time;
        return true;
    }

    /// <summary>Removes every node back by <paramref name="now"/> and says how many there were.</summary>
    public int CollectReturned(double now)
    {
        if (!isHeap)
        {
            return CompactReturned(now);
        }

        var returned = 0;
        while (ReturnCount > 0 && Returns[0] <= now)
        {
            TakeEarliest();
            returned++;
        }

        return returned;
    }

    /// <summary>Removes and returns the earliest return time.</summary>
    public double TakeEarliest()
    {
        if (!isHeap)
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

        var top = Returns[0];
        var last = Returns[--ReturnCount];
        if (ReturnCount > 0)
        {
            SiftDown(0, last);
        }

        return top;
    }

    /// <summary>The same as <see cref="CollectReturned"/> in one pass, O(n): for a short list, or a full one where most nodes are usually back.</summary>
    private int CompactReturned(double now)
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
        if (isHeap)
        {
            Heapify();
        }

        return returned;
    }

    /// <summary>Builds the heap bottom-up, O(n).</summary>
    private void Heapify()
    {
        for (var i = ReturnCount / 2 - 1; i >= 0; i--)
        {
            SiftDown(i, Returns[i]);
        }
    }

    /// <summary>Places <paramref name="value"/> at or below slot <paramref name="i"/> of the heap.</summary>
    private void SiftDown(int i, double value)
    {
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= ReturnCount)
            {
                break;
            }

            if (child + 1 < ReturnCount && Returns[child + 1] < Returns[child])
            {
                child++;
            }

            if (Returns[child] >= value)
            {
                break;
            }

            Returns[i] = Returns[child];
            i = child;
        }

        Returns[i] = value;
    }
}
