using Suanli.Core.Compute;

namespace Suanli.Core.Market;

/// <summary>What US export rules allow of an accelerator's sale into China, as the catalog records it.</summary>
public enum ChinaAccess
{
    /// <summary>No US restriction on its sale in China.</summary>
    Open,

    /// <summary>A US licence is required; some are granted (supply can stop when they are not).</summary>
    Licence,

    /// <summary>Barred: no licences (supply only from stock bought before the rule, or outside the rules).</summary>
    Barred,

    /// <summary>Made in China: US export rules do not gate its supply (though its foundry supply may be).</summary>
    Domestic,
}

/// <summary>One vendor's part of a chip split, with the catalog chip that stands for its cards.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Share">Its share of the cards.</param>
/// <param name="Accelerator">The chip that stands for its cards, or null when the row names none (its cards are then left out of the compute).</param>
/// <param name="Access">The chip's access class, or null when the catalog records none.</param>
public sealed record ChipMixPart(string Vendor, double Share, Accelerator? Accelerator, ChinaAccess? Access);

/// <summary>One vendor's compute within a split.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Share">Its share of the cards.</param>
/// <param name="Accelerator">The chip, or null.</param>
/// <param name="Access">Its access class, or null.</param>
/// <param name="PeakPflops">Peak dense BF16 of its cards out of <see cref="ChipMixCompute.Cards"/>, PFLOPS.</param>
/// <param name="ComputeShare">Its share of the split's peak compute (of the cards with a chip).</param>
public sealed record VendorCompute(string Vendor, double Share, Accelerator? Accelerator, ChinaAccess? Access, double PeakPflops, double ComputeShare);

/// <summary>The share of a split's peak compute in one access class.</summary>
/// <param name="Access">The class, or null for chips the catalog gives none.</param>
/// <param name="Share">Its share of the peak compute.</param>
public sealed record AccessShare(ChinaAccess? Access, double Share);

/// <summary>The compute a chip split delivers.</summary>
/// <param name="Cards">The cards the split is applied to.</param>
/// <param name="Vendors">Each vendor's compute, as given.</param>
/// <param name="CoveredShare">The share of cards with a chip (the compute counts only these).</param>
/// <param name="PeakPflops">Σ cards × share × peak BF16, PFLOPS.</param>
/// <param name="ReferenceEquivalents">Peak ÷ the reference chip's peak: how many reference chips deliver the same peak.</param>
/// <param name="DeliveredFlopPerYear">Peak × utilisation × 8,760 h × 3,600 s, when a utilisation is given.</param>
/// <param name="ShareByAccess">Share of the peak compute per access class (classes with none are absent; chips without a class under null).</param>
/// <param name="Utilisation">The utilisation of the delivered compute, or null.</param>
public sealed record ChipMixCompute(double Cards, IReadOnlyList<VendorCompute> Vendors, double CoveredShare, double PeakPflops, double ReferenceEquivalents,
    double? DeliveredFlopPerYear, IReadOnlyList<AccessShare> ShareByAccess, double? Utilisation)
{
    /// <summary>
    /// The share of the peak compute left if licensed supply stopped: 1 − the licence class's share. What the April 2025 H20 licence
    /// requirement did for three months.
    /// </summary>
    public double WithoutLicensed => 1 - ShareByAccess.Where(a => a.Access == ChinaAccess.Licence).Sum(a => a.Share);

    /// <summary>The share of the peak compute on chips barred from sale to China (stock bought before the rules, or supply outside them).</summary>
    public double BarredShare => ShareByAccess.Where(a => a.Access == ChinaAccess.Barred).Sum(a => a.Share);
}

/// <summary>
/// The training compute of a chip split (issue 11): cards × share × the peak dense BF16 of the chip standing for each vendor.
/// A simplified model: one chip per vendor, peak (or peak × one utilisation for all chips), no interconnect or software differences.
/// </summary>
public static class ChipComputeModel
{
    /// <summary>The US export-control threshold of ECCN 3A090.a since 17 Oct 2023: total processing performance 4,800.</summary>
    public const double TppThreshold3A090a = 4800;

    /// <summary>The compute of <paramref name="cards"/> cards split as <paramref name="parts"/>, against <paramref name="reference"/>.</summary>
    public static ChipMixCompute Of(IReadOnlyList<ChipMixPart> parts, double cards, Accelerator reference, double? utilisation)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(reference);
        var peaks = parts.Select(p => p.Accelerator is { } a ? cards * p.Share * a.PeakBf16Tflops / 1000 : 0).ToList();
        var total = peaks.Sum();
        var vendors = parts.Select((p, i) => new VendorCompute(p.Vendor, p.Share, p.Accelerator, p.Access, peaks[i], total > 0 ? peaks[i] / total : 0)).ToList();
        var byAccess = vendors.Where(v => v.Accelerator is not null).GroupBy(v => v.Access).OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
            .Select(g => new AccessShare(g.Key, total > 0 ? g.Sum(v => v.PeakPflops) / total : 0)).ToList();
        return new ChipMixCompute(cards, vendors, parts.Where(p => p.Accelerator is not null).Sum(p => p.Share), total, total * 1000 / reference.PeakBf16Tflops,
            utilisation is { } u ? total * 1e15 * u * 8760 * 3600 : null, byAccess, utilisation);
    }
}
