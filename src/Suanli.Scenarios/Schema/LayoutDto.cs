using Suanli.Core.Economics;
using Suanli.Core.Reliability;

namespace Suanli.Scenarios.Schema;

/// <summary>The <c>layout</c> section: one campus against standalone sites (MODEL.md §2). The <c>site</c> section is the reference site.</summary>
public sealed class LayoutDto
{
    [Field("Total IT capacity of either layout.", Unit = "MW", Required = true, Min = ScenarioBuilder.MinCapacityMw, MinReason = "diag2.reason.capacity", Max = 100_000)]
    public double? TotalItMw { get; set; }

    [Field("Halls of the campus, or sites of the distributed layout (each totalItMw / units).", Unit = "halls or sites", Required = true, Min = 1, Max = 200)]
    public int? Units { get; set; }

    [Field("b in capex(P) = capex_ref × P_ref × (P / P_ref)^b for the shared components; P_ref is site.itCapacityMw (1 = no scale economies).", Unit = "exponent", Required = true, Min = 0.5, Max = 1)]
    public double? ScaleExponent { get; set; }

    [Field("c in FTE(P) = site.staffFte × (P / P_ref)^c (1 = staff grows with capacity).", Unit = "exponent", Required = true, Min = 0, Max = 1)]
    public double? StaffExponent { get; set; }

    [Field("Capex components a campus shares across halls and that scale with b; the rest cost the same per MW at any size.", Required = true)]
    public List<CapexComponent>? SharedComponents { get; set; }

    [Field("β in overhead(P) = (site.designPue − 1) × P_ref × (P / P_ref)^β: a plant serving P MW of IT (the whole campus, or one standalone site) has design PUE 1 + (site.designPue − 1) × (P / P_ref)^(β − 1), with site.pueFixedShare at every size (1 = PUE does not depend on size).", Unit = "exponent", Required = true, Min = 0.5, Max = 1)]
    public double? PueOverheadExponent { get; set; }

    [Field("Where the campus draws its power: grid and electricity price (its PUE follows its size: layout.pueOverheadExponent).", Required = true)]
    public PlantDto? Campus { get; set; }

    [Field("Where each standalone site draws its power, and the network joining the sites (their PUE follows their size: layout.pueOverheadExponent).", Required = true)]
    public DistributedDto? Distributed { get; set; }
}

/// <summary>A layout's grid and electricity price.</summary>
public sealed class PlantDto
{
    [Field(RemovedPue)]
    public double? DesignPue { get; set; }

    [Field(RemovedFixedShare)]
    public double? PueFixedShare { get; set; }

    [Field("Grid emission factor.", Unit = "kg CO2/kWh", Required = true, Min = 0, Max = 2)]
    public double? GridEmissionKgPerKwh { get; set; }

    [Field("Electricity price.", Unit = "currency/kWh", Min = 0, MinExclusive = true, Max = 20, WhenAbsent = "site.electricityPricePerKwh")]
    public double? ElectricityPricePerKwh { get; set; }

    internal const string RemovedPue = "Removed: the plant's design PUE follows its size from site.designPue and layout.pueOverheadExponent; giving it is an error that says so.";

    internal const string RemovedFixedShare = "Removed: every plant has site.pueFixedShare; giving it is an error that says so.";
}

/// <summary><c>layout.distributed</c>.</summary>
public sealed class DistributedDto
{
    [Field(PlantDto.RemovedPue)]
    public double? DesignPue { get; set; }

    [Field(PlantDto.RemovedFixedShare)]
    public double? PueFixedShare { get; set; }

    [Field("Grid emission factor (unless sites lists each site's).", Unit = "kg CO2/kWh", Required = true, Min = 0, Max = 2)]
    public double? GridEmissionKgPerKwh { get; set; }

    [Field("Electricity price (unless sites lists each site's).", Unit = "currency/kWh", Min = 0, MinExclusive = true, Max = 20, WhenAbsent = "site.electricityPricePerKwh")]
    public double? ElectricityPricePerKwh { get; set; }

    [Field("Each site's electricity price and grid; one item per unit.", WhenAbsent = "every site as above")]
    public List<SiteGridDto>? Sites { get; set; }

    [Field("Fibre distance between joined sites.", Unit = "km", Required = true, Min = 0, Max = 20_000)]
    public double? InterSiteDistanceKm { get; set; }

    [Field("How the sites are joined: chain, ring or mesh.", Default = "chain")]
    public WanTopology? Topology { get; set; }

    [Field("Capacity of each inter-site link.", Unit = "Gbps", Required = true, Min = 0, Max = 10_000_000)]
    public double? NetworkGbpsPerLink { get; set; }

    [Field("Cost of inter-site capacity.", Unit = "currency/km-Gbps-year", Required = true, Min = 0, Max = 1_000_000)]
    public double? NetworkCostPerKmGbpsYear { get; set; }
}

/// <summary>One distributed site's grid.</summary>
public sealed class SiteGridDto
{
    [Field("Electricity price at this site.", Unit = "currency/kWh", Required = true, Min = 0, MinExclusive = true, Max = 20)]
    public double? ElectricityPricePerKwh { get; set; }

    [Field("Grid emission factor at this site.", Unit = "kg CO2/kWh", Required = true, Min = 0, Max = 2)]
    public double? GridEmissionKgPerKwh { get; set; }
}
