using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Cli.Output;

/// <summary>
/// A catalog model's 6·N·D against its published figures: FLOPs, and accelerator-hours at the published accelerator,
/// count, utilisation (converted to model FLOPs when the authors published hardware FLOPs) and effective training time ratio.
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
/// <param name="Note">How to read the figures.</param>
internal sealed record PublishedCheck(double? SixNdFlops, double? FlopsDeviation, double? PublishedMfu, double? PublishedHfu, double? ComputedAcceleratorHours,
    double? AcceleratorHoursDeviation, double? HoursCovered, double? ImpliedUtilisation, double? ImpliedUtilisationOfReportedPeak, string? Note)
{
    /// <summary>Tolerance within which computed and published figures are said to agree.</summary>
    public const double Tolerance = 0.10;

    public static PublishedCheck For(ModelSpec m, ComputeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(catalog);
        double? sixNd = m.TrainingTokensTrillion is { } t ? 6 * m.ActiveParamsBillion * 1e9 * t * 1e12 : null;
        double? flopsDeviation = sixNd is { } f && m.ReportedTrainingFlops is { } r ? (f / r) - 1 : null;
        var accelerator = m.ReportedAccelerator is { } id ? catalog.FindAccelerator(id) : null;
        var precision = m.ReportedPrecision ?? Precision.Bf16;

        // A published HFU counts recomputed FLOPs: divide by hardware FLOPs per model FLOP (6ND basis, no attention term)
        // to compare with 6ND at a model-FLOPs utilisation.
        var factor = ComputeEngine.HardwareFlopsPerModelFlop(m, m.ReportedRecompute ?? Recompute.None, includeAttention: false);
        double? publishedMfu = m.ReportedMfu is { } u ? (m.ReportedUtilisationBasis == UtilisationBasis.Hfu ? u / factor : u) : null;
        double? publishedHfu = m.ReportedMfu is { } v && (m.ReportedUtilisationBasis == UtilisationBasis.Hfu || m.ReportedRecompute is not null)
            ? (m.ReportedUtilisationBasis == UtilisationBasis.Hfu ? v : v * factor) : null;

        double? computedHours = null;
        if (sixNd is { } flops && accelerator?.PeakFlops(precision) is { } peak && m.ReportedAcceleratorCount is not null && publishedMfu is { } mfu)
        {
            computedHours = flops / (peak * mfu * (m.ReportedEttr ?? 1)) / 3600;
        }

        double? hoursDeviation = computedHours is { } c && m.ReportedAcceleratorHours is { } rh ? (c / rh) - 1 : null;
        var covered = m.ReportedPretrainingAcceleratorHours ?? m.ReportedAcceleratorHours;
        double? implied = sixNd is { } s && accelerator is not null && covered is { } h ? s / (h * 3600 * accelerator.PeakBf16Tflops * 1e12) : null;
        double? impliedReported = precision != Precision.Bf16 && sixNd is { } s2 && accelerator?.PeakFlops(precision) is { } p2 && covered is { } h2 ? s2 / (h2 * 3600 * p2) : null;

        var notes = new List<string>();
        if (flopsDeviation is { } fd)
        {
            notes.Add(Math.Abs(fd) <= Tolerance ? Fmt.Text($"6ND is within {Fmt.Pct(Tolerance, 0)} of the published FLOPs.") : "6ND differs from the published FLOPs by more than 10%.");
        }

        if (hoursDeviation is { } hd)
        {
            var basis = m.ReportedUtilisationBasis == UtilisationBasis.Hfu
                ? Fmt.Text($"published HFU {Fmt.Pct(m.ReportedMfu!.Value, 1)} with {RecomputeWords(m.ReportedRecompute ?? Recompute.None)} = MFU {Fmt.Pct(publishedMfu!.Value, 1)}")
                : Fmt.Text($"MFU {Fmt.Pct(publishedMfu!.Value, 0)}");
            notes.Add(Fmt.Text($"At the published {m.ReportedAcceleratorCount:#,0} accelerators, {basis}{(m.ReportedEttr is { } e ? Fmt.Text($" and ETTR {Fmt.Pct(e, 0)}") : string.Empty)}, 6ND takes {computedHours!.Value / 1e6:0.00} M accelerator-hours: {(Math.Abs(hd) <= Tolerance ? "within 10% of" : "more than 10% off")} the published {m.ReportedAcceleratorHours!.Value / 1e6:0.00} M."));
        }

        if (implied is { } iu)
        {
            var hours = m.ReportedPretrainingAcceleratorHours is not null ? "pre-training accelerator-hour" : "published accelerator-hour";
            notes.Add(impliedReported is { } ir
                ? Fmt.Text($"6ND over every {hours} implies {Fmt.Pct(iu, 1)} of BF16 peak = {Fmt.Pct(ir, 1)} of the {precision.ToString().ToUpperInvariant()} peak it was trained at.")
                : Fmt.Text($"6ND over every {hours} implies {Fmt.Pct(iu, 1)} of BF16 peak."));
        }

        if (m.ReportedAccelerator is { } ra && accelerator is null)
        {
            notes.Add($"The published accelerator ({ra}) is not in the catalog.");
        }

        return new PublishedCheck(sixNd, flopsDeviation, publishedMfu, publishedHfu, computedHours, hoursDeviation, covered, implied, impliedReported,
            notes.Count > 0 ? string.Join(" ", notes) : null);
    }

    /// <summary>Recomputation in words.</summary>
    public static string RecomputeWords(Recompute recompute) => recompute switch
    {
        Recompute.Full => "full recomputation (hardware FLOPs 4/3 of model FLOPs)",
        Recompute.Selective => "selective recomputation (+ the attention core's forward FLOPs)",
        _ => "no recomputation",
    };
}
