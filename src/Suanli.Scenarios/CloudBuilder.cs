using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using static Suanli.Scenarios.ScenarioBuilder;

namespace Suanli.Scenarios;

/// <summary>A published rental price set beside the break-even price.</summary>
/// <param name="Label">What it is.</param>
/// <param name="PricePerHour">Per accelerator-hour, in the scenario's currency.</param>
public sealed record MarketPrice(string Label, double PricePerHour);

/// <summary>The <c>cloud</c> section, checked: where the servers are housed is either a site preset or colocation.</summary>
public sealed record CloudSpec
{
    /// <summary>The accelerator.</summary>
    public required Accelerator Accelerator { get; init; }

    /// <summary>Accelerators per server.</summary>
    public required int AcceleratorsPerServer { get; init; }

    /// <summary>Servers.</summary>
    public required int Servers { get; init; }

    /// <summary>Price per server.</summary>
    public required double ServerPrice { get; init; }

    /// <summary>Network capex per server.</summary>
    public required double NetworkCapexPerServer { get; init; }

    /// <summary>Life, years.</summary>
    public required double LifeYears { get; init; }

    /// <summary>Resale share.</summary>
    public required double ResidualValue { get; init; }

    /// <summary>Busy draw as a share of TDP.</summary>
    public required double PowerFraction { get; init; }

    /// <summary>Host watts per accelerator.</summary>
    public required double HostWatts { get; init; }

    /// <summary>Idle draw share.</summary>
    public required double IdleDrawFraction { get; init; }

    /// <summary>The site preset housing the servers, or null for colocation.</summary>
    public required string? SitePreset { get; init; }

    /// <summary>Which rent of the site preset.</summary>
    public required RentBasis RentBasis { get; init; }

    /// <summary>Colocation rent, when no site preset.</summary>
    public required double? ColocationRentPerKwMonth { get; init; }

    /// <summary>Electricity price override (or colocation's).</summary>
    public required double? ElectricityPricePerKwh { get; init; }

    /// <summary>PUE override (or colocation's).</summary>
    public required double? Pue { get; init; }

    /// <summary>Staff.</summary>
    public required double StaffFte { get; init; }

    /// <summary>Cost per staff-year.</summary>
    public required double StaffCostPerFteYear { get; init; }

    /// <summary>Maintenance share of server capex a year.</summary>
    public required double MaintenancePerYear { get; init; }

    /// <summary>First-year price.</summary>
    public required double PricePerHour { get; init; }

    /// <summary>Annual price change.</summary>
    public required double PriceChangePerYear { get; init; }

    /// <summary>Initial utilisation, or null for no ramp.</summary>
    public required double? InitialUtilisation { get; init; }

    /// <summary>Stabilised utilisation.</summary>
    public required double StabilisedUtilisation { get; init; }

    /// <summary>Ramp months.</summary>
    public required int RampMonths { get; init; }

    /// <summary>Income tax rate.</summary>
    public required double IncomeTaxRate { get; init; }

    /// <summary>Required return.</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Published prices.</summary>
    public required IReadOnlyList<MarketPrice> MarketPrices { get; init; }
}

/// <summary>Builds <see cref="CloudSpec"/>.</summary>
internal static class CloudBuilder
{
    public static CloudSpec? Build(CloudDto dto, Currency? currency, ComputeCatalog catalog, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        void Error(string code, string path, MessageText message, MessageText allowed) => binder.Report(diagnostics, code, path, message, allowed);
        var accelerator = catalog.FindAccelerator(dto.Accelerator!);
        if (accelerator is null)
        {
            Error(DiagnosticCodes.UnknownChoice, "cloud.accelerator", Messages.Of("diag2.compute.unknownAccelerator", ("id", Diagnostic.Shown(dto.Accelerator))),
                Messages.Literal(string.Join(", ", catalog.Accelerators.Keys)));
        }

        if (currency is null)
        {
            Error(DiagnosticCodes.MissingKey, "currency", Messages.Of("diag.noCurrency"), Messages.Literal("RMB, USD"));
        }

        // Housed either at a site preset (its rent, power and PUE) or in colocation (rent, power price and PUE given).
        if ((dto.SitePreset is null) == (dto.ColocationRentPerKwMonth is null))
        {
            Error(DiagnosticCodes.Inconsistent, "cloud.sitePreset", Messages.Of(dto.SitePreset is null ? "diag2.cloud.noHousing" : "diag2.cloud.twoHousings"),
                Messages.Of("diag2.cloud.housing.allowed"));
        }
        else if (dto.SitePreset is { } preset)
        {
            if (SitePresets.Check(preset, "cloud.sitePreset", binder, diagnostics) && currency is { } c && ScenarioLoader.FromPreset(preset).Scenario?.Currency is { } siteCurrency && siteCurrency != c)
            {
                Error(DiagnosticCodes.Inconsistent, "cloud.sitePreset", Messages.Of("diag2.cloud.currency", ("preset", preset), ("site", siteCurrency.ToString()), ("cloud", c.ToString())),
                    Messages.Of("diag2.cloud.currency.allowed", ("cloud", c.ToString())));
            }
        }
        else
        {
            if (dto.ElectricityPricePerKwh is null)
            {
                Error(DiagnosticCodes.MissingKey, "cloud.electricityPricePerKwh", Messages.Of("diag2.cloud.colocationNeeds", ("key", "electricityPricePerKwh")), Messages.Of("diag2.cloud.colocationNeeds.allowed"));
            }

            if (dto.Pue is null)
            {
                Error(DiagnosticCodes.MissingKey, "cloud.pue", Messages.Of("diag2.cloud.colocationNeeds", ("key", "pue")), Messages.Of("diag2.cloud.colocationNeeds.allowed"));
            }
        }

        for (var i = 0; i < (dto.MarketPrices?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(dto.MarketPrices![i].Label))
            {
                Error(DiagnosticCodes.Inconsistent, F($"cloud.marketPrices[{i}].label"), Messages.Of("diag2.market.blank"), Messages.Of("diag2.market.blank.allowed"));
            }
        }

        return accelerator is null ? null : new CloudSpec
        {
            Accelerator = accelerator,
            AcceleratorsPerServer = dto.AcceleratorsPerServer!.Value,
            Servers = dto.Servers!.Value,
            ServerPrice = dto.ServerPrice!.Value,
            NetworkCapexPerServer = dto.NetworkCapexPerServer!.Value,
            LifeYears = dto.LifeYears!.Value,
            ResidualValue = dto.ResidualValue!.Value,
            PowerFraction = dto.PowerFraction!.Value,
            HostWatts = dto.HostWatts!.Value,
            IdleDrawFraction = dto.IdleDrawFraction!.Value,
            SitePreset = dto.SitePreset,
            RentBasis = dto.RentBasis!.Value,
            ColocationRentPerKwMonth = dto.ColocationRentPerKwMonth,
            ElectricityPricePerKwh = dto.ElectricityPricePerKwh,
            Pue = dto.Pue,
            StaffFte = dto.StaffFte!.Value,
            StaffCostPerFteYear = dto.StaffCostPerFteYear!.Value,
            MaintenancePerYear = dto.MaintenancePerYear!.Value,
            PricePerHour = dto.PricePerHour!.Value,
            PriceChangePerYear = dto.PriceChangePerYear!.Value,
            InitialUtilisation = dto.InitialUtilisation,
            StabilisedUtilisation = dto.StabilisedUtilisation!.Value,
            RampMonths = dto.RampMonths!.Value,
            IncomeTaxRate = dto.IncomeTaxRate!.Value,
            DiscountRate = dto.DiscountRate!.Value,
            MarketPrices = [.. (dto.MarketPrices ?? []).Select(p => new MarketPrice(p.Label!, p.PricePerHour!.Value))],
        };
    }
}
