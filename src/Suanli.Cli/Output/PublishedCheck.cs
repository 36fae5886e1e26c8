using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Cli.Output;

/// <summary>
/// A catalog model's 6·N·D against its published figures: FLOPs, and accelerator-hours at the published accelerator,
/// count, MFU and effective training time ratio.
/// </summary>
/// <param name="SixNdFlops">6 × N_active × D, when D is known.</param>
/// <param name="FlopsDeviation">(6ND − reported) / reported.</param>
/// <param name="ComputedAcceleratorHours">6ND at the published count, MFU and ETTR, when all are published.</param>
/// <param name="AcceleratorHoursDeviation">(computed − reported) / reported.</param>
/// <param name="ImpliedUtilisation">6ND / (reported accelerator-hours × 3,600 × BF16 peak): utilisation over every reported hour.</param>
/// <param name="Note">How to read the figures.</param>
internal sealed record PublishedCheck(double? SixNdFlops, double? FlopsDeviation, double? ComputedAcceleratorHours, double? AcceleratorHoursDeviation, double? ImpliedUtilisation, string? Note)
{
    /// <summary>Tolerance within which computed and published figures are said to agree.</summary>
    public const double Tolerance = 0.10;

    public static PublishedCheck For(ModelSpec m, ComputeCatalog catalog)
    {
        double? sixNd = m.TrainingTokensTrillion is { } t ? 6 * m.ActiveParamsBillion * 1e9 * t * 1e12 : null;
        double? flopsDeviation = sixNd is { } f && m.ReportedTrainingFlops is { } r ? f / r - 1 : null;
        var accelerator = m.ReportedAccelerator is { } id ? catalog.FindAccelerator(id) : null;
        double? computedHours = null;
        if (sixNd is { } flops && accelerator is not null && m.ReportedAcceleratorCount is not null && m.ReportedMfu is { } mfu)
        {
            var perAccelerator = accelerator.PeakBf16Tflops * 1e12 * mfu * (m.ReportedEttr ?? 1);
            computedHours = flops / perAccelerator / 3600;
        }

        double? hoursDeviation = computedHours is { } c && m.ReportedAcceleratorHours is { } rh ? c / rh - 1 : null;
        double? implied = sixNd is { } s && accelerator is not null && m.ReportedAcceleratorHours is { } h ? s / (h * 3600 * accelerator.PeakBf16Tflops * 1e12) : null;
        var notes = new List<string>();
        if (flopsDeviation is { } fd)
        {
            notes.Add(Math.Abs(fd) <= Tolerance ? Fmt.Text($"6ND is within {Fmt.Pct(Tolerance, 0)} of the published FLOPs.") : "6ND differs from the published FLOPs by more than 10%.");
        }

        if (hoursDeviation is { } hd)
        {
            notes.Add(Fmt.Text($"At the published {m.ReportedAcceleratorCount:#,0} accelerators, MFU {Fmt.Pct(m.ReportedMfu!.Value, 0)}{(m.ReportedEttr is { } e ? Fmt.Text($" and ETTR {Fmt.Pct(e, 0)}") : string.Empty)}, 6ND takes {computedHours!.Value / 1e6:0.00} M accelerator-hours: {(Math.Abs(hd) <= Tolerance ? "within 10% of" : "more than 10% off")} the published {m.ReportedAcceleratorHours!.Value / 1e6:0.00} M."));
        }

        if (m.ReportedAccelerator is { } ra && accelerator is null)
        {
            notes.Add($"The published accelerator ({ra}) is not in the catalog.");
        }

        return new PublishedCheck(sixNd, flopsDeviation, computedHours, hoursDeviation, implied, notes.Count > 0 ? string.Join(" ", notes) : null);
    }
}
