using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Cloud;
using Suanli.Core.Compute;
using Suanli.Core.Economics;
using Suanli.Scenarios;

namespace Suanli.Analysis.Cloud;

/// <summary>Where the cloud's servers are housed, as priced.</summary>
/// <param name="SitePreset">The site preset, or null for colocation.</param>
/// <param name="RentBasis">Which of its rents, for a site preset.</param>
/// <param name="RentPerKwMonth">Rent per contracted kW-month.</param>
/// <param name="ElectricityPricePerKwh">Electricity billed on top (0 when in the rent).</param>
/// <param name="Pue">PUE billed at.</param>
public sealed record CloudHousing(string? SitePreset, RentBasis? RentBasis, double RentPerKwMonth, double ElectricityPricePerKwh, double Pue);

/// <summary>A published price beside the break-even price.</summary>
/// <param name="Price">The price.</param>
/// <param name="Margin">Price − break-even price (first year), or null without one.</param>
/// <param name="Npv">The business's NPV at that price.</param>
public sealed record MarketPriceCheck(MarketPrice Price, double? Margin, double Npv);

/// <summary>The answer of <c>suanli cloud</c>.</summary>
public sealed record CloudAnalysisResult : IModelResult
{
    /// <inheritdoc/>
    public required ResultHeader Header { get; init; }

    /// <summary>The currency of every money figure.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The cloud as given.</summary>
    public required CloudSpec Spec { get; init; }

    /// <summary>The model's inputs, resolved.</summary>
    public required CloudInputs Inputs { get; init; }

    /// <summary>Where the servers are housed.</summary>
    public required CloudHousing Housing { get; init; }

    /// <summary>The model's answer.</summary>
    public required CloudResult Result { get; init; }

    /// <summary>The published prices beside the break-even.</summary>
    public required IReadOnlyList<MarketPriceCheck> MarketPrices { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The model's simplifications (resource keys).</summary>
    public IReadOnlyList<string> ModelNotes { get; init; } = CloudAnalysis.ModelNotes;
}

/// <summary>The seam's entry for the GPU-cloud business (issue 12).</summary>
public static class CloudAnalysis
{
    /// <summary>The model's simplifications (resource keys).</summary>
    public static IReadOnlyList<string> ModelNotes { get; } = ["cloud.note.flows", "cloud.note.power", "cloud.note.breakEven", "cloud.note.stack"];

    /// <summary>Evaluates the scenario's cloud.</summary>
    public static CloudAnalysisResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Cloud ?? throw new ArgumentException("The scenario has no cloud section.", nameof(scenario));
        var currency = scenario.Currency ?? throw new ArgumentException("The scenario has no currency.", nameof(scenario));
        cancellationToken.ThrowIfCancellationRequested();
        var kw = ((spec.Accelerator.TdpWatts * spec.PowerFraction) + spec.HostWatts) / 1000;
        CloudHousing housing;
        if (spec.SitePreset is { } preset)
        {
            var site = ScenarioLoader.FromPreset(preset).Scenario!.Site!;

            // The rent by basis is the compute engine's owner's cost (MODEL.md §3), the same an owner's training run pays.
            var owner = OwnerCost.PerAcceleratorHour(site, spec.Accelerator, spec.RentBasis, 0, spec.LifeYears, spec.PowerFraction, spec.HostWatts, spec.Pue ?? site.DesignPue);
            housing = new CloudHousing(preset, spec.RentBasis, owner.RentPerKwMonth,
                spec.ElectricityPricePerKwh ?? (site.PowerPricing == PowerPricing.PassThrough ? site.ElectricityPricePerKwh : 0), spec.Pue ?? site.DesignPue);
        }
        else
        {
            housing = new CloudHousing(null, null, spec.ColocationRentPerKwMonth!.Value, spec.ElectricityPricePerKwh!.Value, spec.Pue!.Value);
        }

        var inputs = new CloudInputs
        {
            Servers = spec.Servers,
            AcceleratorsPerServer = spec.AcceleratorsPerServer,
            ServerPrice = spec.ServerPrice,
            NetworkCapexPerServer = spec.NetworkCapexPerServer,
            LifeMonths = (int)Math.Round(spec.LifeYears * 12),
            ResidualValueFraction = spec.ResidualValue,
            KwPerAccelerator = kw,
            IdleDrawFraction = spec.IdleDrawFraction,
            RentPerKwMonth = housing.RentPerKwMonth,
            ElectricityPricePerKwh = housing.ElectricityPricePerKwh,
            Pue = housing.Pue,
            StaffFte = spec.StaffFte,
            StaffCostPerFteYear = spec.StaffCostPerFteYear,
            MaintenancePerYear = spec.MaintenancePerYear,
            PricePerHour = spec.PricePerHour,
            PriceChangePerYear = spec.PriceChangePerYear,
            InitialUtilisation = spec.InitialUtilisation ?? spec.StabilisedUtilisation,
            StabilisedUtilisation = spec.StabilisedUtilisation,
            RampMonths = spec.RampMonths,
            IncomeTaxRate = spec.IncomeTaxRate,
            DiscountRate = spec.DiscountRate,
        };
        progress?.Report(new AnalysisProgress("cloud", 0, 1));
        var result = CloudModel.Evaluate(inputs);
        progress?.Report(new AnalysisProgress("cloud", 1, 1));
        var checks = spec.MarketPrices.Select(p => new MarketPriceCheck(p, p.PricePerHour - result.BreakEvenPricePerHour,
            CloudModel.Evaluate(inputs with { PricePerHour = p.PricePerHour }).Npv)).ToList();
        var analysis = new CloudAnalysisResult
        {
            Header = ResultHeader.For("cloud", scenario),
            Currency = currency,
            Spec = spec,
            Inputs = inputs,
            Housing = housing,
            Result = result,
            MarketPrices = checks,
            Metrics =
            [
                new("npv", result.Npv, Unit.Money, currency),
                new("irr", result.Irr.AnnualRate, Unit.Fraction),
                new("paybackYears", result.PaybackYears, Unit.Years),
                new("breakEvenPricePerAcceleratorHour", result.BreakEvenPricePerHour, Unit.Money, currency),
                new("breakEvenUtilisation", result.BreakEvenUtilisation, Unit.Fraction),
                new("costPerAcceleratorHour", result.CostStack.Total, Unit.Money, currency),
                new("capex", inputs.Capex, Unit.Money, currency),
            ],
            Findings = [],
        };
        return analysis with { Findings = Findings(analysis) };
    }

    private static List<Finding> Findings(CloudAnalysisResult a)
    {
        var cur = new Term("currency." + a.Currency);
        var r = a.Result;
        var findings = new List<Finding>
        {
            r.BreakEvenPricePerHour is { } be
                ? Finding.Info("cloud.breakEven", ("price", be), ("currency", cur), ("utilisation", a.Inputs.StabilisedUtilisation), ("rate", a.Inputs.DiscountRate),
                    ("given", a.Inputs.PricePerHour))
                : Finding.Warning("cloud.noBreakEven"),
            r.BreakEvenUtilisation is { } bu
                ? Finding.Info("cloud.breakEvenUtilisation", ("utilisation", bu), ("price", a.Inputs.PricePerHour), ("currency", cur))
                : Finding.Warning("cloud.neverAtPrice", ("price", a.Inputs.PricePerHour), ("currency", cur)),
        };
        foreach (var p in a.MarketPrices)
        {
            findings.Add(Finding.Info(p.Npv >= 0 ? "cloud.marketCovers" : "cloud.marketShort", ("label", p.Price.Label), ("price", p.Price.PricePerHour),
                ("breakEven", r.BreakEvenPricePerHour ?? double.NaN), ("currency", cur)));
        }

        if (a.Spec.Accelerator.ChinaAccess == Core.Market.ChinaAccess.Barred && a.Currency == Currency.RMB)
        {
            findings.Add(Finding.Warning("cloud.barred", ("chip", a.Spec.Accelerator.Name)));
        }

        return findings;
    }
}
