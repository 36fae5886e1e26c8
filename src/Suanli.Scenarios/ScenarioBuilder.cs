using System.Globalization;
using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;

namespace Suanli.Scenarios;

/// <summary>Turns bound DTOs into the immutable scenario, checking what no single key can: sums, combinations, plausibility.</summary>
internal static class ScenarioBuilder
{
    /// <summary>
    /// Reference exchange rate used only to judge plausibility of money inputs in either currency:
    /// 7.2 RMB/USD, implied by Xinhua converting RMB 380 bn to "about USD 53 bn" (24 Feb 2025).
    /// </summary>
    public const double PlausibilityRmbPerUsd = 7.2;

    /// <summary>Ranges, in USD-equivalent, outside which a money input is far from physical or market sense.</summary>
    public static IReadOnlyList<PlausibleRange> PlausibleRanges { get; } =
    [
        new("site.capex", "total construction cost per MW (all components)", 0.3e6, 60e6),
        new("site.rentPerKwMonth", "rent per kW-month", 0, 3000),
        new("site.electricityPricePerKwh", "electricity price per kWh", 0.002, 1.5),
        new("site.staffCostPerFteYear", "cost per FTE-year", 0, 1e6),
        new("site.otherFixedOpexPerMwYear", "other fixed opex per MW-year", 0, 5e6),
    ];

    public static Scenario Build(ScenarioDto dto, YamlBinder binder, string origin, List<Diagnostic> diagnostics)
    {
        SiteEconomics? site = null;
        if (dto.Site is not null)
        {
            if (dto.Currency is { } currency)
            {
                site = BuildSite(dto.Site, currency, binder, origin, diagnostics);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, origin, 1, 1, "currency",
                    Messages.Of("diag.noCurrency"), Messages.Literal("RMB, USD")));
            }
        }

        var training = dto.Training is null ? null : TrainingBuilder.Build(dto.Training, binder, diagnostics);
        var layout = dto.Layout is null ? null : LayoutBuilder.Build(dto.Layout, site, binder, diagnostics);
        var compute = dto.Compute is null ? null : ComputeBuilder.Build(dto.Compute, dto.Currency, dto.Site is not null, binder, diagnostics);
        return new Scenario
        {
            Name = dto.Name!,
            Description = dto.Description,
            Currency = dto.Currency,
            Site = site,
            Training = training,
            Compute = compute,
            Layout = layout,
            Claims = [.. (dto.Claims ?? []).Select(c => new Claim(c.Id!, c.Text!, c.Metric!.Value, c.EssayValue!.Value, c.Comparison ?? ClaimComparison.About, c.Evidence))],
            Inputs = [.. binder.Inputs.Values],
            Origin = origin,
        };
    }

    private static SiteEconomics BuildSite(SiteDto s, Currency currency, YamlBinder binder, string origin, List<Diagnostic> diagnostics)
    {
        void Error(string code, string path, string message, string allowed) => binder.Report(diagnostics, code, path, message, allowed);

        var capacity = s.ItCapacityMw!.Value;
        var horizon = s.HorizonYears!.Value;
        var phases = s.Phases is { Count: > 0 }
            ? [.. s.Phases.Select(p => new DeliveryPhase(p.ItMw!.Value, p.StartMonth!.Value))]
            : new List<DeliveryPhase> { new(capacity, 0) };

        if (s.Phases is { Count: > 0 })
        {
            var sum = phases.Sum(p => p.ItMw);
            if (Math.Abs(sum - capacity) > 1e-6 * capacity)
            {
                Error(DiagnosticCodes.Inconsistent, "site.phases", F($"the phases add up to {sum:G6} MW but itCapacityMw is {capacity:G6} MW"), "phases whose itMw sum to site.itCapacityMw");
            }

            if (phases.Min(p => p.StartMonth) != 0)
            {
                Error(DiagnosticCodes.Inconsistent, "site.phases", F($"the first phase starts at month {phases.Min(p => p.StartMonth)}"), "one phase with startMonth: 0 (months count from the first opening)");
            }

            for (var i = 0; i < phases.Count; i++)
            {
                if (phases[i].StartMonth >= 12 * horizon)
                {
                    Error(DiagnosticCodes.Inconsistent, F($"site.phases[{i}].startMonth"), F($"month {phases[i].StartMonth} is after the {horizon}-year horizon ends"), F($"a start month below {12 * horizon}"));
                }
            }
        }

        var c = s.Capex!;
        var capex = new List<CapexItem>
        {
            new(CapexComponent.Land, c.Land!.CostPerMw!.Value, c.Land.UsefulLifeYears!.Value),
            Item(CapexComponent.Building, c.Building!),
            Item(CapexComponent.Electrical, c.Electrical!),
            Item(CapexComponent.Mechanical, c.Mechanical!),
            Item(CapexComponent.FitOut, c.FitOut!),
            Item(CapexComponent.SoftCosts, c.SoftCosts!),
        };

        var tenure = c.Land.Tenure!.Value;
        CheckLand(tenure, c.Land.UsefulLifeYears!.Value, s.ConstructionMonths!.Value, horizon, Error);
        foreach (var (item, key) in capex.Zip(new[] { "land", "building", "electrical", "mechanical", "fitOut", "softCosts" }))
        {
            if (item.UsefulLifeYears > 0 && item.UsefulLifeYears < 1.0 / 12)
            {
                Error(DiagnosticCodes.OutOfRange, F($"site.capex.{key}.usefulLifeYears"), F($"a useful life of {item.UsefulLifeYears:G6} years is shorter than one month"),
                    "0 (not depreciated) or at least 0.0833 years (one month)");
            }
        }

        var discountRate = s.DiscountRate!.Value;
        var terminal = s.TerminalValue!.Value;
        CheckTerminalValue(terminal, s.TerminalEbitdaMultiple, s.TerminalGrowthRate, discountRate, Error);

        // One general index: escalations left out follow it (and are recorded as inputs so --inputs shows it).
        var inflation = s.OpexInflation!.Value;
        var capexEscalation = s.CapexEscalation ?? Followed(binder, origin, "site.capexEscalation", inflation);
        var priceEscalation = s.ElectricityPriceEscalation ?? Followed(binder, origin, "site.electricityPriceEscalation", inflation);

        var pricing = s.PowerPricing!.Value;
        if (pricing == PowerPricing.Included && s.PassThroughPue is not null)
        {
            Error(DiagnosticCodes.Inconsistent, "site.passThroughPue", "passThroughPue is set but powerPricing is included (tenants are not billed for power)", "remove passThroughPue, or set powerPricing: passThrough");
        }

        if (pricing == PowerPricing.Included && s.PowerMarkup is > 0)
        {
            Error(DiagnosticCodes.Inconsistent, "site.powerMarkup", "powerMarkup is set but powerPricing is included (no power is resold)", "powerMarkup: 0, or powerPricing: passThrough");
        }

        // Money inputs judged in USD-equivalent so one rule serves both currencies.
        var toUsd = currency == Currency.RMB ? 1 / PlausibilityRmbPerUsd : 1.0;
        var values = new Dictionary<string, double>
        {
            ["site.capex"] = capex.Sum(i => i.CostPerMw),
            ["site.rentPerKwMonth"] = s.RentPerKwMonth!.Value,
            ["site.electricityPricePerKwh"] = s.ElectricityPricePerKwh!.Value,
            ["site.staffCostPerFteYear"] = s.StaffCostPerFteYear!.Value,
            ["site.otherFixedOpexPerMwYear"] = s.OtherFixedOpexPerMwYear!.Value,
        };
        foreach (var rule in PlausibleRanges)
        {
            var value = values[rule.Path];
            var usd = value * toUsd;
            if (usd < rule.LowUsd || usd > rule.HighUsd)
            {
                Error(DiagnosticCodes.Implausible, rule.Path,
                    F($"{rule.What} of {value:#,0.###} {currency} is far outside physical or market sense"),
                    F($"{rule.LowUsd / toUsd:#,0.###} to {rule.HighUsd / toUsd:#,0.###} {currency} (USD {rule.LowUsd:#,0.###} to {rule.HighUsd:#,0.###} at {PlausibilityRmbPerUsd} RMB/USD)"));
            }
        }

        return new SiteEconomics
        {
            Currency = currency,
            ItCapacityMw = capacity,
            ConstructionMonths = s.ConstructionMonths!.Value,
            HorizonYears = horizon,
            Phases = phases,
            Capex = capex,
            CapexEscalation = capexEscalation,
            ReplaceAtEndOfLife = s.ReplaceAtEndOfLife!.Value,
            TerminalValue = terminal,
            TerminalEbitdaMultiple = s.TerminalEbitdaMultiple,
            TerminalGrowthRate = s.TerminalGrowthRate,
            LandTenure = tenure,
            PueCap = s.PueCap,
            DesignPue = s.DesignPue!.Value,
            PueFixedShare = s.PueFixedShare!.Value,
            LoadFactor = s.LoadFactor!.Value,
            ElectricityPricePerKwh = s.ElectricityPricePerKwh!.Value,
            ElectricityPriceEscalation = priceEscalation,
            PowerPricing = pricing,
            PowerMarkup = s.PowerMarkup!.Value,
            PassThroughPue = s.PassThroughPue,
            StaffFte = s.StaffFte!.Value,
            StaffCostPerFteYear = s.StaffCostPerFteYear!.Value,
            MaintenanceRateOfMepCapex = s.MaintenanceRateOfMepCapex!.Value,
            InsuranceAndPropertyTaxRateOfCapex = s.InsuranceAndPropertyTaxRateOfCapex!.Value,
            OtherFixedOpexPerMwYear = s.OtherFixedOpexPerMwYear!.Value,
            OpexInflation = inflation,
            RentPerKwMonth = s.RentPerKwMonth!.Value,
            RentEscalator = s.RentEscalator!.Value,
            InitialOccupancy = s.InitialOccupancy!.Value,
            Vacancy = s.Vacancy!.Value,
            OccupancyRampMonths = s.OccupancyRampMonths!.Value,
            IncomeTaxRate = s.IncomeTaxRate!.Value,
            LossCarryForwardYears = s.LossCarryForwardYears,
            LossOffsetCap = s.LossOffsetCap!.Value,
            DiscountRate = discountRate,
        };
    }

    /// <summary>
    /// Longest term of a land-use right: 50 years for industrial land, State Council Decree No. 55 (1990), art. 12
    /// (Interim Regulations on the Assignment and Transfer of the Right to Use State-owned Land in Urban Areas).
    /// </summary>
    public const double MaxLandUseRightYears = 50;

    /// <summary>Freehold land is not depreciated; a land-use right is amortised over a legal term that covers the horizon.</summary>
    private static void CheckLand(LandTenure tenure, double lifeYears, int constructionMonths, int horizonYears, Action<string, string, string, string> error)
    {
        const string path = "site.capex.land.usefulLifeYears";
        if (tenure == LandTenure.Freehold && lifeYears != 0)
        {
            error(DiagnosticCodes.Inconsistent, path, F($"freehold land has no useful life and is not depreciated, but usefulLifeYears is {lifeYears:G6}"),
                "usefulLifeYears: 0 for freehold land, or site.capex.land.tenure: landUseRight for a land-use right amortised over its term");
            return;
        }

        if (tenure != LandTenure.LandUseRight)
        {
            return;
        }

        var neededYears = (constructionMonths + 12.0 * horizonYears) / 12;
        if (lifeYears <= 0 || lifeYears > MaxLandUseRightYears)
        {
            error(DiagnosticCodes.OutOfRange, path, F($"a land-use right of {lifeYears:G6} years is not one that can be granted"),
                F($"its term in years, above 0 and at most {MaxLandUseRightYears:G} (the PRC maximum for industrial land, State Council Decree No. 55 of 1990, art. 12)"));
        }
        else if (lifeYears < neededYears)
        {
            error(DiagnosticCodes.Inconsistent, path, F($"the land-use right of {lifeYears:G6} years ends before the horizon does ({neededYears:G6} years after construction starts)"),
                F($"a term of at least {neededYears:G6} years, or a shorter site.horizonYears"));
        }
    }

    /// <summary>A going-concern terminal value needs its own input, and a growing perpetuity growth below the discount rate.</summary>
    private static void CheckTerminalValue(TerminalValueMethod method, double? multiple, double? growth, double discountRate, Action<string, string, string, string> error)
    {
        if (method == TerminalValueMethod.ExitMultiple && multiple is null)
        {
            error(DiagnosticCodes.MissingKey, "site.terminalEbitdaMultiple", "terminalValue: exitMultiple needs terminalEbitdaMultiple (the price as a multiple of the last 12 months' EBITDA)", "a number above 0 and at most 50");
        }

        if (method != TerminalValueMethod.ExitMultiple && multiple is not null)
        {
            error(DiagnosticCodes.Inconsistent, "site.terminalEbitdaMultiple", F($"terminalEbitdaMultiple is set but terminalValue is {SchemaInfo.ChoiceName(method.ToString())}"), "remove terminalEbitdaMultiple, or set terminalValue: exitMultiple");
        }

        if (method == TerminalValueMethod.GrowingPerpetuity && growth is null)
        {
            error(DiagnosticCodes.MissingKey, "site.terminalGrowthRate", "terminalValue: growingPerpetuity needs terminalGrowthRate (annual growth of free cash flow after the horizon)", F($"a rate below discountRate {discountRate:G6}"));
        }

        if (method != TerminalValueMethod.GrowingPerpetuity && growth is not null)
        {
            error(DiagnosticCodes.Inconsistent, "site.terminalGrowthRate", F($"terminalGrowthRate is set but terminalValue is {SchemaInfo.ChoiceName(method.ToString())}"), "remove terminalGrowthRate, or set terminalValue: growingPerpetuity");
        }

        if (method == TerminalValueMethod.GrowingPerpetuity && growth is { } g && g >= discountRate)
        {
            error(DiagnosticCodes.Inconsistent, "site.terminalGrowthRate", F($"a growth of {g:G6} a year is not below the discount rate {discountRate:G6}: a growing perpetuity FCF / (r - g) has no finite value"),
                F($"a rate below {discountRate:G6}, or a higher site.discountRate"));
        }
    }

    /// <summary>Records an escalation left out as the general index it follows.</summary>
    private static double Followed(YamlBinder binder, string origin, string path, double inflation)
    {
        binder.Inputs[path] = new InputValue(path, inflation.ToString("R", CultureInfo.InvariantCulture), "fraction/year",
            "default: follows opexInflation, the model's one general inflation index", InputOrigin.Default, origin, 0, 0);
        return inflation;
    }

    /// <summary>A plausibility rule for a money input.</summary>
    internal sealed record PlausibleRange(string Path, string What, double LowUsd, double HighUsd);

    private static CapexItem Item(CapexComponent component, CapexItemDto dto) =>
        new(component, dto.CostPerMw!.Value, dto.UsefulLifeYears!.Value);

    internal static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
