namespace Suanli.Core.Reliability;

/// <summary>
/// The published failure log a scenario's failure rates were derived from: which job, over how long, and how many
/// interruptions it saw. Rates measured on one job size are trusted near that size only.
/// </summary>
public sealed record ReliabilityCalibration
{
    /// <summary>Short name of the log (e.g. the training run).</summary>
    public required string Name { get; init; }

    /// <summary>Accelerators of the job the failures were counted on.</summary>
    public required int JobAccelerators { get; init; }

    /// <summary>Days the published count covers.</summary>
    public required double Days { get; init; }

    /// <summary>Interruptions the log reports over <see cref="Days"/> on that job.</summary>
    public required double PublishedInterruptions { get; init; }
}

/// <summary>What a scenario's rates give at the calibration job against what was published.</summary>
/// <param name="JobAccelerators">The calibration job's accelerators.</param>
/// <param name="Days">Days the published count covers.</param>
/// <param name="ModelInterruptions">Interruptions the model expects on that job over those days, on one site.</param>
/// <param name="PublishedInterruptions">Interruptions published.</param>
public sealed record CalibrationCheck(int JobAccelerators, double Days, double ModelInterruptions, double PublishedInterruptions)
{
    /// <summary>Model ÷ published.</summary>
    public double Ratio => ModelInterruptions / PublishedInterruptions;
}

/// <summary>Kinds of <see cref="ReliabilityWarning"/>; the words are the front end's.</summary>
public enum ReliabilityWarningCode
{
    /// <summary>The job is more than <see cref="Calibrations.RangeFactor"/> times smaller or larger than the job the rates were measured on.</summary>
    JobOutsideCalibration,
}

/// <summary>Something about the inputs that makes the figures less trustworthy, as a code and its numbers.</summary>
/// <param name="Code">What it is.</param>
/// <param name="JobAccelerators">The scenario's job.</param>
/// <param name="CalibrationJobAccelerators">The job the rates were measured on.</param>
/// <param name="Ratio">Job ÷ calibration job.</param>
/// <param name="RangeFactor">How far either way the calibration is trusted.</param>
public sealed record ReliabilityWarning(ReliabilityWarningCode Code, int JobAccelerators, int CalibrationJobAccelerators, double Ratio, double RangeFactor);

/// <summary>Checks of a scenario against its calibration.</summary>
public static class Calibrations
{
    /// <summary>
    /// A calibration is trusted for jobs up to this factor smaller or larger than the job it was measured on. Failure
    /// logs of large training runs are dominated by per-GPU and per-node hardware; far from that size other causes
    /// (user code, storage, scheduler) take a share that one log cannot tell.
    /// </summary>
    public const double RangeFactor = 4;

    /// <summary>
    /// What the component rates give at the calibration job over the calibration's days (one site; site events,
    /// which a scenario states separately, left out) against the published count; null without a calibration.
    /// </summary>
    public static CalibrationCheck? Check(TrainingReliability r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Calibration is not { } c)
        {
            return null;
        }

        var atCalibration = r with { JobAccelerators = c.JobAccelerators, Sites = 1, DistanceKm = 0, SiteEventsPerYear = 0 };
        return new CalibrationCheck(c.JobAccelerators, c.Days, FailureModel.LambdaPerHour(atCalibration) * c.Days * 24, c.PublishedInterruptions);
    }

    /// <summary>Warnings about how far the job is from what the rates were measured on.</summary>
    public static IReadOnlyList<ReliabilityWarning> Warnings(TrainingReliability r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Calibration is not { } c)
        {
            return [];
        }

        var ratio = (double)r.JobAccelerators / c.JobAccelerators;
        return ratio > RangeFactor || ratio < 1 / RangeFactor
            ? [new ReliabilityWarning(ReliabilityWarningCode.JobOutsideCalibration, r.JobAccelerators, c.JobAccelerators, ratio, RangeFactor)]
            : [];
    }
}
