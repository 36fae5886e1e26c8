using Suanli.Analysis.Results;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Analysis.Compute;

/// <summary>
/// A model's 6·N·D against what its authors published: FLOPs, and accelerator-hours at the published accelerator,
/// count, utilisation (converted to model FLOPs when the authors published hardware FLOPs) and effective training time
/// ratio. The published accelerator is looked up in the catalog the run uses: the built-in one plus a scenario's own entries.
/// </summary>
/// <param name="SixNdFlops">6 × N_active × D, when D is known.</param>
/// <param name="FlopsDeviation">(6ND − reported) / reported.</param>
/// <param name="PublishedMfu">The published utilisation on the model-FLOPs basis: as published, or published HFU ÷ hardware FLOPs per model FLOP.</param>
/// <param name="PublishedHfu">The published utilisation on the hardware-FLOPs basis, when the recomputation is known.</param>
/// <param name="ComputedAcceleratorHours">6ND ÷ (peak at the published precision × published MFU × ETTR), when all are published.</param>
/// <param name="AcceleratorHoursDeviation">(computed − reported) / reported.</param>
/// <param name="HoursCovered">The reported hours 6ND is set against: the pre-training hours when the report splits them out, else all of them.</param>
/// <param name="ImpliedUtilisation">6ND / (hours covered × 3,600 × BF16 peak).</param>
/// <param name="ImpliedUtilisationOfReportedPeak">The same at the published precision's peak, when that is not BF16.</param>
/// <param name="Findings">How to read the figures, as codes (<c>compute.published.*</c>) and arguments.</param>
public sealed record PublishedCheck(double? SixNdFlops, double? FlopsDeviation, double? PublishedMfu, double? PublishedHfu, double? ComputedAcceleratorHours,
    double? AcceleratorHoursDeviation, double? HoursCovered, double? ImpliedUtilisation, double? ImpliedUtilisationOfReportedPeak, IReadOnlyList<Finding> Findings)
{
    /// <summary>Tolerance within which computed and published figures are said to agree.</summary>
    public const double Tolerance = 0.10;

    /// <summary>Whether the authors published anything this check can set against 6ND.</summary>
    public static bool HasPublishedFigures(ModelSpec m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return m.ReportedTrainingFlops is not null || m.ReportedAcceleratorHours is not null || m.ReportedCost is not null || m.ReportedMfu is not null;
    }

    /// <summary>Checks a model against its publication, its accelerator looked up in <paramref name="catalog"/>.</summary>
    public static PublishedCheck For(ModelSpec m, ComputeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(catalog);
        double? sixNd = m.TrainingTokensTrillion is { } t ? 6 * m.ActiveParamsBillion * 1e9 * t * 1e12 : null;
        double? flopsDeviation = sixNd is { } f && m.ReportedTrainingFlops is { } r ? (f / r) - 1 : null;
        var accelerator = m.ReportedAccelerator is { } id ? catalog.FindAccelerator(id) : null;
        var precision = m.ReportedPrecision ?? Precision.Bf16;
        var recompute = m.ReportedRecompute ?? Recompute.None;

        // A published HFU counts recomputed FLOPs: divide by hardware FLOPs per model FLOP (6ND basis, no attention term)
        // to compare with 6ND at a model-FLOPs utilisation.
        var factor = ComputeEngine.HardwareFlopsPerModelFlop(m, recompute, includeAttention: false);
        var hfuBasis = m.ReportedUtilisationBasis == UtilisationBasis.Hfu;
        double? publishedMfu = m.ReportedMfu is { } u ? (hfuBasis ? u / factor : u) : null;
        double? publishedHfu = m.ReportedMfu is { } v && (hfuBasis || m.ReportedRecompute is not null) ? (hfuBasis ? v : v * factor) : null;

        double? computedHours = null;
        if (sixNd is { } flops && accelerator?.PeakFlops(precision) is { } peak && m.ReportedAcceleratorCount is not null && publishedMfu is { } mfu)
        {
            computedHours = flops / (peak * mfu * (m.ReportedEttr ?? 1)) / 3600;
        }

        double? hoursDeviation = computedHours is { } c && m.ReportedAcceleratorHours is { } rh ? (c / rh) - 1 : null;
        var covered = m.ReportedPretrainingAcceleratorHours ?? m.ReportedAcceleratorHours;
        double? implied = sixNd is { } s && accelerator is not null && covered is { } h ? s / (h * 3600 * accelerator.PeakBf16Tflops * 1e12) : null;
        double? impliedReported = precision != Precision.Bf16 && sixNd is { } s2 && accelerator?.PeakFlops(precision) is { } p2 && covered is { } h2 ? s2 / (h2 * 3600 * p2) : null;

        var findings = new List<Finding>();
        if (flopsDeviation is { } fd)
        {
            findings.Add(Finding.Info(Math.Abs(fd) <= Tolerance ? "compute.published.flopsWithin" : "compute.published.flopsOff",
                ("tolerance", Tolerance), ("deviation", fd)));
        }

        if (hoursDeviation is { } hd)
        {
            findings.Add(Finding.Info((hfuBasis ? "compute.published.hoursHfu" : "compute.published.hoursMfu") + (Math.Abs(hd) <= Tolerance ? "Within" : "Off"),
                ("count", m.ReportedAcceleratorCount!.Value), ("mfu", publishedMfu!.Value), ("hfu", m.ReportedMfu!.Value),
                ("recompute", ComputeTerms.Recompute(recompute)), ("ettr", m.ReportedEttr ?? 1),
                ("computed", computedHours!.Value), ("reported", m.ReportedAcceleratorHours!.Value), ("deviation", hd), ("tolerance", Tolerance)));
        }

        if (implied is { } iu)
        {
            var hours = new Term(m.ReportedPretrainingAcceleratorHours is not null ? "compute.published.pretrainingHours" : "compute.published.allHours");
            findings.Add(impliedReported is { } ir
                ? Finding.Info("compute.published.impliedAtPrecision", ("hours", hours), ("implied", iu), ("impliedReported", ir), ("precision", ComputeTerms.Precision(precision)))
                : Finding.Info("compute.published.implied", ("hours", hours), ("implied", iu)));
        }

        if (m.ReportedAccelerator is { } ra && accelerator is null)
        {
            findings.Add(Finding.Info("compute.published.acceleratorNotInCatalog", ("accelerator", ra)));
        }

        return new PublishedCheck(sixNd, flopsDeviation, publishedMfu, publishedHfu, computedHours, hoursDeviation, covered, implied, impliedReported, findings);
    }
}

/// <summary>Words the compute results refer to, as terms (resource keys).</summary>
public static class ComputeTerms
{
    /// <summary>Recomputation in words: <c>compute.recompute.none|selective|full</c>.</summary>
    public static Term Recompute(Recompute recompute) => new("compute.recompute." + Camel(recompute.ToString()));

    /// <summary>A precision's name, the same in every language: <c>BF16</c>, <c>FP8</c>.</summary>
    public static string Precision(Precision precision) => precision.ToString().ToUpperInvariant();

    /// <summary>A currency's name.</summary>
    public static Term Currency(Core.Currency currency) => new("currency." + currency);

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
