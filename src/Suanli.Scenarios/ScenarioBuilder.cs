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

    /// <summary>
    /// The smallest IT capacity of a site or a layout, in MW: 10 kW, a few racks. Below it a data center's per-MW costs,
    /// staff and PUE curves describe no real site, and a capacity such as 1e-300 MW only turns every per-kW figure into
    /// a number of hundreds of digits.
    /// </summary>
    public const double MinCapacityMw = 0.01;

    /// <summary>Ranges, in USD-equivalent, outside which a money input is far from physical or market sense.</summary>
    public static IReadOnlyList<PlausibleRange> PlausibleRanges { get; } =
    [
        new("site.capex", "total construction cost per MW (all components)", "diag2.money.capex", 0.3e6, 60e6),
        new("site.rentPerKwMonth", "rent per kW-month", "diag2.money.rent", 0, 3000),
        new("site.electricityPricePerKwh", "electricity price per kWh", "diag2.money.electricity", 0.002, 1.5),
        new("site.staffCostPerFteYear", "cost per FTE-year", "diag2.money.staff", 0, 1e6),
        new("site.otherFixedOpexPerMwYear", "other fixed opex per MW-year", "diag2.money.otherOpex", 0, 5e6),
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
        var market = dto.Market is null ? null : MarketBuilder.Build(dto.Market, compute?.Catalog ?? ComputeCatalog.BuiltIn, binder, diagnostics);
        var cloud = dto.Cloud is null ? null : CloudBuilder.Build(dto.Cloud, dto.Currency, compute?.Catalog ?? ComputeCatalog.BuiltIn, binder, diagnostics);
        var multisite = dto.Training is null || training is null ? null
            : MultisiteBuilder.Build(dto.Training, training, compute?.Catalog ?? ComputeCatalog.BuiltIn, dto.Currency, binder, diagnostics);
        return new Scenario
        {
            Name = dto.Name!,
            Description = dto.Description,
            Currency = dto.Currency,
            Site = site,
            Training = training,
            Compute = compute,
            Multisite = multisite,
            Market = market,
            Cloud = cloud,
            Layout = layout,
            Claims = [.. (dto.Claims ?? []).Select(c => new Claim(c.Id!, c.Text!, c.Metric!.Value, c.EssayValue!.Value, c.Comparison ?? ClaimComparison.About, c.Evidence))],
            Inputs = [.. binder.Inputs.Values],
            Origin = origin,
        };
    }

    private static SiteEconomics BuildSite(SiteDto s, Currency currency, YamlBinder binder, string origin, List<Diagnostic> diagnostics)
    {
        void Error(string code, string path, MessageText message, MessageText allowed, params string[] involved) =>
            binder.Report(diagnostics, code, path, message, allowed, involved);

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
                Error(DiagnosticCodes.Inconsistent, "site.phases",
                    Messages.Of("diag2.site.phasesSum", ("sum", G6(sum)), ("capacity", binder.Typed("site.itCapacityMw", capacity))),
                    Messages.Of("diag2.site.phasesSum.allowed"), "site.itCapacityMw");
            }

            if (phases.Min(p => p.StartMonth) != 0)
            {
                Error(DiagnosticCodes.Inconsistent, "site.phases", Messages.Of("diag2.site.firstPhase", ("month", F($"{phases.Min(p => p.StartMonth)}"))),
                    Messages.Of("diag2.site.firstPhase.allowed"));
            }

            for (var i = 0; i < phases.Count; i++)
            {
                if (phases[i].StartMonth >= 12 * horizon)
                {
                    Error(DiagnosticCodes.Inconsistent, F($"site.phases[{i}].startMonth"),
                        Messages.Of("diag2.site.phaseAfterHorizon", ("month", F($"{phases[i].StartMonth}")), ("horizon", F($"{horizon}"))),
                        Messages.Of("diag2.site.phaseAfterHorizon.allowed", ("limit", F($"{12 * horizon}"))), "site.horizonYears");
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
        CheckLand(tenure, c.Land.UsefulLifeYears!.Value, s.ConstructionMonths!.Value, horizon, binder, Error);
        foreach (var (item, key) in capex.Zip(new[] { "land", "building", "electrical", "mechanical", "fitOut", "softCosts" }))
        {
            if (item.UsefulLifeYears > 0 && item.UsefulLifeYears < 1.0 / 12)
            {
                var path = F($"site.capex.{key}.usefulLifeYears");
                Error(DiagnosticCodes.OutOfRange, path, Messages.Of("diag2.site.lifeUnderMonth", ("life", binder.Typed(path, item.UsefulLifeYears))),
                    Messages.Of("diag2.site.lifeUnderMonth.allowed"));
            }
        }

        var discountRate = s.DiscountRate!.Value;
        var terminal = s.TerminalValue!.Value;
        CheckTerminalValue(terminal, s.TerminalEbitdaMultiple, s.TerminalGrowthRate, discountRate, binder, Error);

        // One general index: escalations left out follow it (and are recorded as inputs so --inputs shows it).
        var inflation = s.OpexInflation!.Value;
        var capexEscalation = s.CapexEscalation ?? Followed(binder, origin, "site.capexEscalation", inflation);
        var priceEscalation = s.ElectricityPriceEscalation ?? Followed(binder, origin, "site.electricityPriceEscalation", inflation);

        var pricing = s.PowerPricing!.Value;
        if (pricing == PowerPricing.Included && s.PassThroughPue is not null)
        {
            Error(DiagnosticCodes.Inconsistent, "site.passThroughPue", Messages.Of("diag2.site.passThroughPueIncluded"),
                Messages.Of("diag2.site.passThroughPueIncluded.allowed"), "site.powerPricing");
        }

        if (pricing == PowerPricing.Included && s.PowerMarkup is > 0)
        {
            Error(DiagnosticCodes.Inconsistent, "site.powerMarkup", Messages.Of("diag2.site.powerMarkupIncluded"),
                Messages.Of("diag2.site.powerMarkupIncluded.allowed"), "site.powerPricing");
        }

        // Rent per kW-month, or per rack-month with the rack's kW (rent per kW = rent per rack ÷ rack kW).
        var rent = s.RentPerKwMonth ?? 0;
        if (s.RentPerKwMonth is not null && s.RentPerRackMonth is not null)
        {
            Error(DiagnosticCodes.Inconsistent, "site.rentPerRackMonth", Messages.Of("diag2.site.twoRents"), Messages.Of("diag2.site.twoRents.allowed"), "site.rentPerKwMonth");
        }
        else if (s.RentPerRackMonth is { } perRack)
        {
            if (s.RackKw is { } rackKw)
            {
                rent = perRack / rackKw;
            }
            else
            {
                Error(DiagnosticCodes.MissingKey, "site.rackKw", Messages.Of("diag2.site.rackRentNeedsKw"), Messages.Of("diag2.site.rackRentNeedsKw.allowed"), "site.rentPerRackMonth");
            }
        }
        else if (s.RentPerKwMonth is null)
        {
            Error(DiagnosticCodes.MissingKey, "site.rentPerKwMonth", Messages.Of("diag2.site.noRent"), Messages.Of("diag2.site.twoRents.allowed"));
        }

        // Money inputs judged in USD-equivalent so one rule serves both currencies.
        var toUsd = currency == Currency.RMB ? 1 / PlausibilityRmbPerUsd : 1.0;
        var values = new Dictionary<string, double>
        {
            ["site.capex"] = capex.Sum(i => i.CostPerMw),
            ["site.rentPerKwMonth"] = rent,
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
                // A single input is echoed as written; the capex is a sum of components, shown in grouped digits.
                var shown = rule.Path == "site.capex" ? NumberFormat.Fixed(value, "#,0.###") : binder.Typed(rule.Path, value);
                Error(DiagnosticCodes.Implausible, rule.Path,
                    Messages.Of("diag2.site.implausibleMoney", ("what", Messages.Of(rule.WhatKey)), ("value", shown), ("currency", F($"{currency}"))),
                    Messages.Of("diag2.site.implausibleMoney.allowed", ("low", Money(rule.LowUsd / toUsd)), ("high", Money(rule.HighUsd / toUsd)), ("currency", F($"{currency}")),
                        ("lowUsd", Money(rule.LowUsd)), ("highUsd", Money(rule.HighUsd)), ("rate", F($"{PlausibilityRmbPerUsd}"))),
                    rule.Path == "site.capex" ? ["site.capex.land.costPerMw", "site.capex.building.costPerMw", "site.capex.electrical.costPerMw",
                        "site.capex.mechanical.costPerMw", "site.capex.fitOut.costPerMw", "site.capex.softCosts.costPerMw", "currency"] : ["currency"]);
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
            RentPerKwMonth = rent,
            RackKw = s.RackKw,
            RentEscalator = s.RentEscalator!.Value,
            InitialOccupancy = s.InitialOccupancy!.Value,
            Vacancy = s.Vacancy!.Value,
            OccupancyRampMonths = s.OccupancyRampMonths!.Value,
            IncomeTaxRate = s.IncomeTaxRate!.Value,
            LossCarryForwardYears = s.LossCarryForwardYears,
            LossOffsetCap = s.LossOffsetCap!.Value,
            DiscountRate = discountRate,
            Financing = s.Financing is { } f
                ? new FinancingTerms(f.DebtShare!.Value, f.InterestRate!.Value, f.TenorYears!.Value, f.GraceMonths!.Value, f.Amortisation!.Value, f.UpfrontFee!.Value,
                    f.DscrCovenant!.Value, f.CostOfEquity)
                : null,
        };
    }

    /// <summary>
    /// Longest term of a land-use right: 50 years for industrial land, State Council Decree No. 55 (1990), art. 12
    /// (Interim Regulations on the Assignment and Transfer of the Right to Use State-owned Land in Urban Areas).
    /// </summary>
    public const double MaxLandUseRightYears = 50;

    /// <summary>Freehold land is not depreciated; a land-use right is amortised over a legal term that covers the horizon.</summary>
    private static void CheckLand(LandTenure tenure, double lifeYears, int constructionMonths, int horizonYears, YamlBinder binder, Check error)
    {
        const string path = "site.capex.land.usefulLifeYears";
        const string tenurePath = "site.capex.land.tenure";
        var life = binder.Typed(path, lifeYears);
        if (tenure == LandTenure.Freehold && lifeYears != 0)
        {
            error(DiagnosticCodes.Inconsistent, path, Messages.Of("diag2.land.freeholdLife", ("life", life)), Messages.Of("diag2.land.freeholdLife.allowed"), tenurePath);
            return;
        }

        if (tenure != LandTenure.LandUseRight)
        {
            return;
        }

        var neededYears = (constructionMonths + 12.0 * horizonYears) / 12;
        if (lifeYears <= 0 || lifeYears > MaxLandUseRightYears)
        {
            error(DiagnosticCodes.OutOfRange, path, Messages.Of("diag2.land.termNotGrantable", ("life", life)),
                Messages.Of("diag2.land.termNotGrantable.allowed", ("max", NumberFormat.Plain(MaxLandUseRightYears, "G"))), tenurePath);
        }
        else if (lifeYears < neededYears)
        {
            error(DiagnosticCodes.Inconsistent, path, Messages.Of("diag2.land.termEndsEarly", ("life", life), ("needed", G6(neededYears))),
                Messages.Of("diag2.land.termEndsEarly.allowed", ("needed", G6(neededYears))), "site.horizonYears", "site.constructionMonths", tenurePath);
        }
    }

    /// <summary>A going-concern terminal value needs its own input, and a growing perpetuity growth below the discount rate.</summary>
    private static void CheckTerminalValue(TerminalValueMethod method, double? multiple, double? growth, double discountRate, YamlBinder binder, Check error)
    {
        const string methodPath = "site.terminalValue";
        var methodName = SchemaInfo.ChoiceName(method.ToString());
        var rate = binder.Typed("site.discountRate", discountRate);
        if (method == TerminalValueMethod.ExitMultiple && multiple is null)
        {
            error(DiagnosticCodes.MissingKey, "site.terminalEbitdaMultiple", Messages.Of("diag2.terminal.needsMultiple"), Messages.Of("diag2.terminal.needsMultiple.allowed"), methodPath);
        }

        if (method != TerminalValueMethod.ExitMultiple && multiple is not null)
        {
            error(DiagnosticCodes.Inconsistent, "site.terminalEbitdaMultiple", Messages.Of("diag2.terminal.multipleUnused", ("method", methodName)),
                Messages.Of("diag2.terminal.multipleUnused.allowed"), methodPath);
        }

        if (method == TerminalValueMethod.GrowingPerpetuity && growth is null)
        {
            error(DiagnosticCodes.MissingKey, "site.terminalGrowthRate", Messages.Of("diag2.terminal.needsGrowth"), Messages.Of("diag2.terminal.needsGrowth.allowed", ("rate", rate)), methodPath);
        }

        if (method != TerminalValueMethod.GrowingPerpetuity && growth is not null)
        {
            error(DiagnosticCodes.Inconsistent, "site.terminalGrowthRate", Messages.Of("diag2.terminal.growthUnused", ("method", methodName)),
                Messages.Of("diag2.terminal.growthUnused.allowed"), methodPath);
        }

        if (method == TerminalValueMethod.GrowingPerpetuity && growth is { } g && g >= discountRate)
        {
            error(DiagnosticCodes.Inconsistent, "site.terminalGrowthRate",
                Messages.Of("diag2.terminal.growthAboveRate", ("growth", binder.Typed("site.terminalGrowthRate", g)), ("rate", rate)),
                Messages.Of("diag2.terminal.growthAboveRate.allowed", ("rate", rate)), "site.discountRate", methodPath);
        }
    }

    /// <summary>Records an escalation left out as the general index it follows.</summary>
    private static double Followed(YamlBinder binder, string origin, string path, double inflation)
    {
        binder.Inputs[path] = new InputValue(path, inflation.ToString("R", CultureInfo.InvariantCulture), "fraction/year",
            "default: follows opexInflation, the model's one general inflation index", InputOrigin.Default, origin, 0, 0);
        return inflation;
    }

    /// <summary>A plausibility rule for a money input: what it is in English (for the reference) and as a message key.</summary>
    internal sealed record PlausibleRange(string Path, string What, string WhatKey, double LowUsd, double HighUsd);

    /// <summary>Reports a check about a path that may involve other inputs (see <see cref="YamlBinder.Report(List{Diagnostic}, string, string, MessageText, MessageText, string[])"/>).</summary>
    private delegate void Check(string code, string path, MessageText message, MessageText allowed, params string[] involved);

    private static CapexItem Item(CapexComponent component, CapexItemDto dto) =>
        new(component, dto.CostPerMw!.Value, dto.UsefulLifeYears!.Value);

    internal static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A computed number with six significant digits, its exponent (if any) written 1e-9 rather than 1E-09.</summary>
    internal static string G6(double x) => NumberFormat.Plain(x, "G6");

    // Money bounds as grouped digits: 0.3e6 → 300,000.
    private static string Money(double x) => NumberFormat.Fixed(x, "#,0.###");
}
