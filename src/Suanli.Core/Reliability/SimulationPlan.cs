using Suanli.Core.Random;

namespace Suanli.Core.Reliability;

/// <summary>The job's failure terms laid out as flat arrays for the trial loop, plus the loop itself.</summary>
internal sealed class SimulationPlan
{
    private readonly double horizon;
    private readonly double tau;
    private readonly double checkpoint;
    private readonly double cycle;
    private readonly double restart;
    private readonly int spareNodes;

    // Every term, by index.
    private readonly RecoveryAction[] recovery;
    private readonly int[] nodesLost;
    private readonly double[] repairMean;
    private readonly bool[] repairFixed;

    // Exponential terms merge into one Poisson stream; a term is picked by its share with Walker's alias method.
    private readonly double meanGap;
    private readonly int[] aliasTerm;
    private readonly int[] aliasOther;
    private readonly double[] aliasThreshold;

    // Weibull terms: each unit renews on failure (the slot gets a new unit at age 0).
    private readonly int[] weibullTerm;
    private readonly long[] weibullUnits;
    private readonly double[] weibullScale;
    private readonly double[] weibullInverseShape;
    private readonly double[] weibullPHorizon;
    private readonly double[] weibullLogSurvive;

    // A trial stops with SimulationLimitException past this many events (the run's whole budget).
    private readonly long maxTrialEvents;

    // One trial can hold hundreds of millions of events (seconds of work): it looks at the token every 2^16 events so
    // that Ctrl+C stops it within milliseconds, not when the trial ends.
    private const long CancellationCheckMask = (1 << 16) - 1;
    private readonly CancellationToken cancellation;

    public SimulationPlan(TrainingReliability model, double tauHours, long maxTrialEvents = long.MaxValue, CancellationToken cancellation = default)
    {
        this.maxTrialEvents = maxTrialEvents;
        this.cancellation = cancellation;
        horizon = model.HorizonHours;
        tau = tauHours;
        checkpoint = model.CheckpointBlockingMinutes / 60;
        cycle = tau + checkpoint;
        restart = model.RestartHours;
        spareNodes = model.SpareNodes;

        var terms = FailureModel.Terms(model);
        recovery = [.. terms.Select(t => t.Recovery)];
        nodesLost = [.. terms.Select(t => Math.Max(1, t.NodesLost))];
        repairMean = [.. terms.Select(t => t.RepairHours)];
        repairFixed = [.. terms.Select(t => t.RepairDistribution == RepairDistribution.Fixed)];

        var exponential = terms.Select((t, i) => (Term: t, Index: i))
            .Where(x => x.Term.Distribution == FailureDistribution.Exponential && x.Term.RatePerHour > 0)
            .OrderByDescending(x => x.Term.RatePerHour)
            .ToList();
        var total = exponential.Sum(x => x.Term.RatePerHour);
        meanGap = total > 0 ? 1 / total : double.PositiveInfinity;
        (aliasTerm, aliasOther, aliasThreshold) = AliasTable([.. exponential.Select(x => x.Index)], [.. exponential.Select(x => x.Term.RatePerHour / total)]);

        var weibull = terms.Select((t, i) => (Term: t, Index: i))
            .Where(x => x.Term.Distribution == FailureDistribution.Weibull && x.Term.Units > 0)
            .ToList();
        weibullTerm = [.. weibull.Select(x => x.Index)];
        weibullUnits = [.. weibull.Select(x => (long)Math.Round(x.Term.Units))];
        weibullScale = [.. weibull.Select(x => x.Term.MtbfHours / MathNet.Numerics.SpecialFunctions.Gamma(1 + 1 / x.Term.WeibullShape))];
        weibullInverseShape = [.. weibull.Select(x => 1 / x.Term.WeibullShape)];

        // ln S(T) = −(T/η)^k exactly; P(fail within T) = 1 − S(T) without cancellation for very reliable units.
        weibullLogSurvive = [.. weibull.Select((x, i) => -Math.Pow(horizon / weibullScale[i], x.Term.WeibullShape))];
        weibullPHorizon = [.. weibullLogSurvive.Select(l => -ReliabilityMath.ExpM1(l))];
    }

    public double HorizonHours => horizon;

    public double TauHours => tau;

    public TrialOutcome RunTrial(ref Xoshiro256StarStar rng, TrialWorkspace ws)
    {
        ws.ScheduledCount = 0;
        ws.ResetReturns();
        ScheduleWeibullFailures(ref rng, ws);
        ws.Scheduled.AsSpan(0, ws.ScheduledCount).Sort();
        var scheduled = ws.Scheduled;
        var scheduledCount = ws.ScheduledCount;

        var o = new TrialOutcome { FirstInterruptionHours = double.PositiveInfinity };
        var spares = spareNodes;
        var nextPoisson = double.IsPositiveInfinity(meanGap) ? double.PositiveInfinity : rng.NextExponential(meanGap);
        var next = 0;
        double eventTime;
        int eventTerm;
        Advance(ref rng);

        var runningSince = 0.0;
        while (true)
        {
            if (eventTime >= horizon)
            {
                Run(ref o, horizon - runningSince, atHorizon: true);
                break;
            }

            Run(ref o, eventTime - runningSince, atHorizon: false);
            var failedAt = eventTime;
            o.Interruptions++;
            CountEvent(ref o, eventTerm);
            if (failedAt < o.FirstInterruptionHours)
            {
                o.FirstInterruptionHours = failedAt;
            }

            var waitEnd = failedAt + Recover(eventTerm, failedAt, ref rng, ws, ref spares);
            Advance(ref rng);
            var finished = false;
            while (true)
            {
                // Failures while the job is already down are handled (spares, repairs) but interrupt nothing.
                while (eventTime < waitEnd && eventTime < horizon)
                {
                    o.AbsorbedFailures++;
                    CountEvent(ref o, eventTerm);
                    waitEnd = Math.Max(waitEnd, eventTime + Recover(eventTerm, eventTime, ref rng, ws, ref spares));
                    Advance(ref rng);
                }

                if (waitEnd >= horizon)
                {
                    o.WaitHours += horizon - failedAt;
                    finished = true;
                    break;
                }

                o.WaitHours += waitEnd - failedAt;
                var restartEnd = waitEnd + restart;
                if (eventTime < restartEnd && eventTime < horizon)
                {
                    // The restart itself is interrupted: another interruption, and recovery begins again.
                    o.RestartHours += eventTime - waitEnd;
                    o.Interruptions++;
                    CountEvent(ref o, eventTerm);
                    failedAt = eventTime;
                    waitEnd = failedAt + Recover(eventTerm, failedAt, ref rng, ws, ref spares);
                    Advance(ref rng);
                    continue;
                }

                if (restartEnd >= horizon)
                {
                    o.RestartHours += horizon - waitEnd;
                    finished = true;
                    break;
                }

                o.RestartHours += restart;
                runningSince = restartEnd;
                break;
            }

            if (finished)
            {
                break;
            }
        }

        return o;

        void Advance(ref Xoshiro256StarStar r)
        {
            if (next < scheduledCount && scheduled[next].Time <= nextPoisson)
            {
                eventTime = scheduled[next].Time;
                eventTerm = scheduled[next].Term;
                next++;
            }
            else if (!double.IsPositiveInfinity(nextPoisson))
            {
                eventTime = nextPoisson;
                eventTerm = PickExponentialTerm(ref r);
                nextPoisson += r.NextExponential(meanGap);
            }
            else
            {
                eventTime = double.PositiveInfinity;
                eventTerm = -1;
            }
        }
    }

    private void CountEvent(ref TrialOutcome o, int term)
    {
        if (++o.Events > maxTrialEvents)
        {
            Limit(SimulationLimitKind.Events, term, maxTrialEvents);
        }

        if ((o.Events & CancellationCheckMask) == 0 && cancellation.IsCancellationRequested)
        {
            Cancelled(cancellation);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Cancelled(CancellationToken token) => throw new OperationCanceledException(token);

    // Throws from a separate method so that the hot loop stays small enough to inline and register-allocate well.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Limit(SimulationLimitKind kind, int term, long limit) => throw new SimulationLimitException(kind, term, limit);

    /// <summary>Accounts a stretch of running: whole checkpoint cycles at once, then the cycle in progress.</summary>
    private void Run(ref TrialOutcome o, double elapsed, bool atHorizon)
    {
        if (cycle <= 0)
        {
            o.UsefulHours += elapsed;
            return;
        }

        if (elapsed > cycle * 1e15)
        {
            // More than 10^15 cycles (an interval of a few nanoseconds): the partial cycle is below rounding, so the
            // stretch splits by the duty cycle; counting cycles would overflow or lose every digit.
            o.UsefulHours += elapsed * (tau / cycle);
            o.CheckpointHours += elapsed * (checkpoint / cycle);
            return;
        }

        var cycles = Math.Floor(elapsed / cycle);
        var rest = elapsed - cycles * cycle;
        o.UsefulHours += cycles * tau;
        o.CheckpointHours += cycles * checkpoint;
        var work = Math.Min(rest, tau);
        o.CheckpointHours += rest - work;
        if (atHorizon)
        {
            // Work in progress when the horizon ends is not lost: the job goes on.
            o.UsefulHours += work;
        }
        else
        {
            o.LostWorkHours += work;
        }
    }

    /// <summary>Hours the job must wait after a failure of <paramref name="term"/> before it can restart.</summary>
    private double Recover(int term, double time, ref Xoshiro256StarStar rng, TrialWorkspace ws, ref int spares)
    {
        switch (recovery[term])
        {
            case RecoveryAction.Restart:
                return 0;
            case RecoveryAction.WaitForRepair:
                return Repair(term, ref rng);
            default:
                // The failed nodes go to repair; spares replace them, or the job waits for the earliest returns.
                var lost = nodesLost[term];
                for (var i = 0; i < lost; i++)
                {
                    if (!ws.AddReturn(time + Repair(term, ref rng), time, ref spares))
                    {
                        Limit(SimulationLimitKind.NodesInRepair, term, SimulationWork.MaxNodesInRepair);
                    }
                }

                spares -= lost;
                if (spares >= 0)
                {
                    return 0;
                }

                spares += ws.CollectReturned(time);
                var ready = time;
                while (spares < 0)
                {
                    ready = Math.Max(ready, ws.TakeEarliest());
                    spares++;
                }

                return ready - time;
        }
    }

    private double Repair(int term, ref Xoshiro256StarStar rng) =>
        repairFixed[term] ? repairMean[term] : rng.NextExponential(repairMean[term]);

    private int PickExponentialTerm(ref Xoshiro256StarStar rng)
    {
        var u = rng.NextDouble() * aliasTerm.Length;
        var column = (int)u;
        return u - column < aliasThreshold[column] ? aliasTerm[column] : aliasOther[column];
    }

    /// <summary>
    /// Walker's alias table (Vose's construction): column i keeps its own term with probability threshold[i] and
    /// gives way to other[i] otherwise, so a term is picked with one uniform draw whatever the number of terms.
    /// </summary>
    private static (int[] Term, int[] Other, double[] Threshold) AliasTable(int[] terms, double[] probabilities)
    {
        var n = terms.Length;
        var threshold = new double[n];
        var other = new int[n];
        var scaled = probabilities.Select(p => p * n).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            threshold[s] = scaled[s];
            other[s] = terms[l];
            scaled[l] += scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        foreach (var i in small.Concat(large))
        {
            threshold[i] = 1;
            other[i] = terms[i];
        }

        return (terms, other, threshold);
    }

    /// <summary>
    /// Failures of Weibull units within the horizon. Units are independent and start new, so the units that fail at
    /// all are found by skipping geometrically (each fails with probability F(T)), their first failure is drawn from
    /// the distribution truncated to the horizon, and each renewal after it from the full distribution.
    /// </summary>
    private void ScheduleWeibullFailures(ref Xoshiro256StarStar rng, TrialWorkspace ws)
    {
        for (var w = 0; w < weibullTerm.Length; w++)
        {
            var p = weibullPHorizon[w];
            if (p <= 0)
            {
                continue;
            }

            var scale = weibullScale[w];
            var inverseShape = weibullInverseShape[w];
            var unit = -1L;
            while (true)
            {
                var skip = p >= 1 ? 0 : Math.Floor(Math.Log(rng.NextOpenClosed()) / weibullLogSurvive[w]);
                unit += (long)Math.Min(skip, long.MaxValue / 4) + 1;
                if (unit >= weibullUnits[w])
                {
                    break;
                }

                var t = scale * Math.Pow(-ReliabilityMath.Log1P(-rng.NextDouble() * p), inverseShape);
                while (t < horizon)
                {
                    if (!ws.Schedule(new FailureEvent(t, weibullTerm[w])))
                    {
                        Limit(SimulationLimitKind.HeldFailures, weibullTerm[w], SimulationWork.MaxHeldFailuresPerTrial);
                    }

                    t += scale * Math.Pow(-Math.Log(rng.NextOpenClosed()), inverseShape);
                }
            }
        }
    }
}
