using Suanli.Core.Economics;
using Suanli.Core.Reliability;

namespace Suanli.Core.Layout;

/// <summary>One clustered campus, or several standalone sites.</summary>
public enum LayoutKind
{
    /// <summary>One campus of N halls sharing power and cooling plant, staff and grid connection.</summary>
    Campus,

    /// <summary>N standalone sites, each with its own plant and staff, joined by WAN links.</summary>
    Distributed,
}

/// <summary>
/// Where one layout draws its power: grid emission factor and electricity price are properties of the location, not of
/// the plant (a plant's efficiency follows its size, <see cref="LayoutInputs.DesignPueAt"/>).
/// </summary>
/// <param name="GridEmissionKgPerKwh">Grid emission factor, kg CO2 per kWh.</param>
/// <param name="ElectricityPricePerKwh">Electricity price, or null for the base site's.</param>
public sealed record LayoutGrid(double GridEmissionKgPerKwh, double? ElectricityPricePerKwh);

/// <summary>Electricity price and grid emission factor of one site of a distributed layout.</summary>
/// <param name="ElectricityPricePerKwh">Price per kWh.</param>
/// <param name="GridEmissionKgPerKwh">kg CO2 per kWh.</param>
public sealed record SiteGrid(double ElectricityPricePerKwh, double GridEmissionKgPerKwh);

/// <summary>
/// Validated inputs of the campus-vs-distributed comparison (MODEL.md §2). The base site describes a reference site of
/// <c>BaseSite.ItCapacityMw</c>: its capex per MW and staff apply at that size and scale from it.
/// </summary>
public sealed record LayoutInputs
{
    /// <summary>The reference site: economics inputs, capex per MW and staff at its own capacity.</summary>
    public required SiteEconomics BaseSite { get; init; }

    /// <summary>Total IT capacity of either layout, MW.</summary>
    public required double TotalItMw { get; init; }

    /// <summary>Halls of the campus, or sites of the distributed layout.</summary>
    public required int Units { get; init; }

    /// <summary>b in capex(P) = capex_ref × P_ref × (P / P_ref)^b for the shared components.</summary>
    public required double ScaleExponent { get; init; }

    /// <summary>c in FTE(P) = FTE_ref × (P / P_ref)^c.</summary>
    public required double StaffExponent { get; init; }

    /// <summary>Components shared by a campus's halls and scaled with b; the others cost the same per MW at any size.</summary>
    public required IReadOnlySet<CapexComponent> SharedComponents { get; init; }

    /// <summary>
    /// β in overhead(P) = (PUE_ref − 1) × P_ref × (P / P_ref)^β: the facility overhead of a plant serving P MW of IT at
    /// design load, scaled from the reference site's (1 = no scale effect).
    /// </summary>
    public required double PueOverheadExponent { get; init; }

    /// <summary>The campus's grid and electricity price.</summary>
    public required LayoutGrid Campus { get; init; }

    /// <summary>Each standalone site's grid and electricity price.</summary>
    public required LayoutGrid Distributed { get; init; }

    /// <summary>Per-site electricity price and emission factor of the distributed layout (one per site), or null for the layout's.</summary>
    public IReadOnlyList<SiteGrid>? DistributedSites { get; init; }

    /// <summary>Fibre distance between joined sites, km.</summary>
    public required double InterSiteDistanceKm { get; init; }

    /// <summary>How the distributed sites are joined.</summary>
    public required WanTopology Topology { get; init; }

    /// <summary>Capacity of each inter-site link, Gbps.</summary>
    public required double NetworkGbpsPerLink { get; init; }

    /// <summary>Cost of inter-site capacity per km per Gbps per year, in the site's currency.</summary>
    public required double NetworkCostPerKmGbpsYear { get; init; }

    /// <summary>The reference size P_ref, MW.</summary>
    public double ReferenceMw => BaseSite.ItCapacityMw;

    /// <summary>Size of one hall or site, MW.</summary>
    public double UnitMw => TotalItMw / Units;

    /// <summary>Cost per MW of a component at plant scale P: shared components scale as (P / P_ref)^(b − 1).</summary>
    public double CostPerMwAt(CapexItem item, double plantMw)
    {
        ArgumentNullException.ThrowIfNull(item);
        return SharedComponents.Contains(item.Component) ? item.CostPerMw * Math.Pow(plantMw / ReferenceMw, ScaleExponent - 1) : item.CostPerMw;
    }

    /// <summary>
    /// Design PUE of a plant serving P MW of IT: 1 + (PUE_ref − 1) × (P / P_ref)^(β − 1). The fixed share of the overhead
    /// is the reference site's at every size, so part-load PUE keeps the form 1 + k + f / u.
    /// </summary>
    public double DesignPueAt(double plantMw) => 1 + ((BaseSite.DesignPue - 1) * Math.Pow(plantMw / ReferenceMw, PueOverheadExponent - 1));

    /// <summary>Staff of a plant of P MW: FTE_ref × (P / P_ref)^c.</summary>
    public double StaffAt(double plantMw) => BaseSite.StaffFte * Math.Pow(plantMw / ReferenceMw, StaffExponent);

    /// <summary>Annual cost of the WAN links joining the distributed sites.</summary>
    public double NetworkCostPerYear => TrainingReliability.LinksFor(Topology, Units) * InterSiteDistanceKm * NetworkGbpsPerLink * NetworkCostPerKmGbpsYear;
}
