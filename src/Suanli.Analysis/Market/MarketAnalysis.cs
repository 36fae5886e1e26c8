using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Market;
using Suanli.Scenarios;

namespace Suanli.Analysis.Market;

/// <summary>What <c>suanli market</c> is asked besides the scenario.</summary>
/// <param name="Year">The year compared instead of the scenario's, when given.</param>
public sealed record MarketOptions(int? Year = null);

/// <summary>A rent figure in both currencies.</summary>
/// <param name="Row">The row as given.</param>
/// <param name="RentUsd">Per kW-month in USD.</param>
/// <param name="RentRmb">Per kW-month in RMB.</param>
public sealed record RentInBoth(RentRow Row, double RentUsd, double RentRmb);

/// <summary>The break-even rents of a site preset (MODEL.md §1), per built kW-month in its currency.</summary>
/// <param name="Preset">The preset.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Accounting">The accounting break-even rent.</param>
/// <param name="Economic">The economic (NPV = 0) break-even rent, or null when none exists.</param>
/// <param name="StabilisedOccupancy">The preset's stabilised occupancy.</param>
public sealed record BreakEvenRents(string Preset, Currency Currency, double Accounting, double? Economic, double StabilisedOccupancy);

/// <summary>A country's vacancy and revenue per built kW in the year compared.</summary>
/// <param name="Country">The country.</param>
/// <param name="Vacancy">The mean of the year's leased-capacity vacancy rows that are not targets, or null without one.</param>
/// <param name="RentPerKwMonth">The mean of the year's rent rows in the country's currency (RMB for CN, USD for US), or null.</param>
/// <param name="RevenuePerBuiltKwMonth">Rent × (1 − vacancy), or null without both.</param>
/// <param name="Currency">The country's currency.</param>
/// <param name="VacancyRows">The year's vacancy rows.</param>
/// <param name="RentRows">The year's rent rows.</param>
public sealed record CountryRevenue(Country Country, double? Vacancy, double? RentPerKwMonth, double? RevenuePerBuiltKwMonth, Currency Currency,
    IReadOnlyList<VacancyRow> VacancyRows, IReadOnlyList<RentRow> RentRows);

/// <summary>A GPU rental price in both currencies.</summary>
/// <param name="Row">The row as given.</param>
/// <param name="PerHourUsd">In USD.</param>
/// <param name="PerHourRmb">In RMB.</param>
public sealed record GpuRentalInBoth(GpuRentalRow Row, double PerHourUsd, double PerHourRmb);

/// <summary>One estimate of a country's accelerator supply in a year.</summary>
/// <param name="Country">The country.</param>
/// <param name="Year">The year.</param>
/// <param name="Estimate">Whose estimate.</param>
/// <param name="Shares">Vendor shares, largest first.</param>
/// <param name="Compute">The compute of the split (chip-mix rows that name an accelerator), or null when no row names one.</param>
/// <param name="Reference">The chip compute is counted in equivalents of.</param>
public sealed record ChipSplit(Country Country, int Year, string Estimate, IReadOnlyList<ChipShareRow> Shares, ChipMixCompute? Compute, Suanli.Core.Compute.Accelerator Reference);

/// <summary>A GPU server's payback at one rental price.</summary>
/// <param name="Rental">The rental row, in both currencies.</param>
/// <param name="PricePerHour">The price in the server's currency.</param>
/// <param name="Payback">What the price pays back.</param>
/// <param name="InYearCompared">Whether the row is of the year compared ("today's" price).</param>
public sealed record GpuServerPriceRow(GpuRentalInBoth Rental, double PricePerHour, GpuServerPayback Payback, bool InYearCompared);

/// <summary>A GPU server's owner's costs and its payback at each of its rental prices.</summary>
/// <param name="Spec">The server as given.</param>
/// <param name="Accelerator">Its accelerator.</param>
/// <param name="OwnerCost">The facility and power cost per hour from the compute engine (MODEL.md §3), in the site's currency.</param>
/// <param name="Costs">The costs in the server's currency.</param>
/// <param name="BreakEvenPricePerHour">The price that earns the discount rate over the life.</param>
/// <param name="BreakEvenPricePerHourNoReturn">The price that only gets the capex back.</param>
/// <param name="Prices">The payback at each price, oldest first.</param>
public sealed record GpuServerResult(GpuServerSpec Spec, Suanli.Core.Compute.Accelerator Accelerator, Suanli.Core.Compute.OwnerCostBreakdown OwnerCost, GpuServerCosts Costs,
    double BreakEvenPricePerHour, double BreakEvenPricePerHourNoReturn, IReadOnlyList<GpuServerPriceRow> Prices);

/// <summary>The illustrative projection and what it was started from.</summary>
/// <param name="Spec">The projection as given.</param>
/// <param name="Inputs">The inputs used (start values resolved).</param>
/// <param name="Currency">The rent's currency (the country's).</param>
/// <param name="StartVacancyFromData">Whether the start vacancy is the country's year (else the user's).</param>
/// <param name="StartRentFromData">Whether the start rent is the country's year (else the user's).</param>
/// <param name="Years">The start year and each projected year.</param>
public sealed record ProjectionResult(ProjectionSpec Spec, ProjectionInputs Inputs, Currency Currency, bool StartVacancyFromData, bool StartRentFromData,
    IReadOnlyList<ProjectionYear> Years);

/// <summary>The answer of <c>suanli market</c> (investment, rent, vacancy, GPU rental and chip supply; MODEL.md §6).</summary>
public sealed record MarketResult : IModelResult
{
    /// <inheritdoc/>
    public required ResultHeader Header { get; init; }

    /// <summary>The year compared.</summary>
    public required int Year { get; init; }

    /// <summary>The basis compared.</summary>
    public required InvestmentBasis Basis { get; init; }

    /// <summary>RMB per USD used for the year.</summary>
    public required double RmbPerUsd { get; init; }

    /// <summary>Whether the rate is the scenario's own (else the catalog's annual average).</summary>
    public required bool RateFromScenario { get; init; }

    /// <summary>The US's investment.</summary>
    public required CountryInvestment Us { get; init; }

    /// <summary>China's investment.</summary>
    public required CountryInvestment Cn { get; init; }

    /// <summary>US ÷ China (the same in either currency); null when China's total is zero or the quotient is not finite.</summary>
    public required double? InvestmentRatio { get; init; }

    /// <summary>Companies with rows in other years of the basis but none in the year compared, by country.</summary>
    public required IReadOnlyList<string> MissingCompanies { get; init; }

    /// <summary>Every rent row, by country and year, in both currencies (each at its own year's rate when known).</summary>
    public required IReadOnlyList<RentInBoth> RentHistory { get; init; }

    /// <summary>The break-even rents of the named preset, or null.</summary>
    public required BreakEvenRents? BreakEven { get; init; }

    /// <summary>Vacancy and revenue per built kW per country in the year compared.</summary>
    public required IReadOnlyList<CountryRevenue> Revenue { get; init; }

    /// <summary>Every vacancy row, by country and year.</summary>
    public required IReadOnlyList<VacancyRow> VacancyRows { get; init; }

    /// <summary>GPU rental prices, by country, accelerator and year.</summary>
    public required IReadOnlyList<GpuRentalInBoth> GpuRental { get; init; }

    /// <summary>Each estimate of the accelerator supply.</summary>
    public required IReadOnlyList<ChipSplit> ChipMix { get; init; }

    /// <summary>Each GPU server's payback at its rental prices.</summary>
    public IReadOnlyList<GpuServerResult> GpuServers { get; init; } = [];

    /// <summary>The illustrative projection, when asked for.</summary>
    public ProjectionResult? Projection { get; init; }

    /// <summary>Whether the scenario has a chipCompute section (its settings then matter only if a chip-mix row names a chip).</summary>
    public bool ChipComputeAsked { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The model's simplifications (resource keys).</summary>
    public IReadOnlyList<string> ModelNotes { get; init; } = MarketAnalysis.ModelNotes;
}

/// <summary>The seam's entry for the market model: investment per country in both currencies and its ratio.</summary>
public static class MarketAnalysis
{
    /// <summary>The model's simplifications (resource keys).</summary>
    public static IReadOnlyList<string> ModelNotes { get; } = ["market.note.conversion", "market.note.basis", "market.note.revenue", "market.note.gpuServer",
        "market.note.chipCompute", "market.note.projection"];

    /// <summary>Compares the two countries' investment in the year asked for.</summary>
    public static MarketResult Evaluate(Scenario scenario, MarketOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var market = scenario.Market ?? throw new ArgumentException("The scenario has no market section.", nameof(scenario));
        var year = options.Year ?? market.Year;
        if (MarketChecks.Check(scenario, year, options.Year is not null) is { } refused)
        {
            throw new ArgumentException(refused.ToString(), nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var rate = market.RateFor(year)!.Value;
        var us = InvestmentModel.Total(market.Investment, Country.US, year, market.Basis, rate);
        var cn = InvestmentModel.Total(market.Investment, Country.CN, year, market.Basis, rate);
        double? ratio = cn.TotalUsd > 0 && double.IsFinite(us.TotalUsd / cn.TotalUsd) ? us.TotalUsd / cn.TotalUsd : null;
        var present = market.Investment.Where(r => r.Year == year && r.Basis == market.Basis).Select(r => Key(r.Company)).ToHashSet(StringComparer.Ordinal);
        var missing = market.Investment.Where(r => r.Basis == market.Basis && !present.Contains(Key(r.Company)))
            .Select(r => r.Country + " " + r.Company.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        double RateOf(int y) => market.RateFor(y) ?? rate;
        var rent = market.Rent.OrderBy(r => r.Country).ThenBy(r => r.Year).ThenBy(r => r.Scope, StringComparer.Ordinal)
            .Select(r => new RentInBoth(r, InvestmentModel.ToUsd(r.RentPerKwMonth, r.Currency, RateOf(r.Year)), InvestmentModel.ToRmb(r.RentPerKwMonth, r.Currency, RateOf(r.Year))))
            .ToList();
        var revenue = new[] { Country.US, Country.CN }.Select(c => Revenue(market, c, year, rate)).ToList();
        var gpu = market.GpuRental.OrderBy(g => g.Country).ThenBy(g => g.Accelerator, StringComparer.Ordinal).ThenBy(g => g.Year)
            .Select(g => new GpuRentalInBoth(g, InvestmentModel.ToUsd(g.PricePerHour, g.Currency, RateOf(g.Year)), InvestmentModel.ToRmb(g.PricePerHour, g.Currency, RateOf(g.Year))))
            .ToList();
        var catalog = scenario.Compute?.Catalog ?? ComputeCatalog.BuiltIn;
        var reference = catalog.FindAccelerator(market.ChipCompute.Reference)!;
        var chips = market.ChipMix.GroupBy(c => (c.Country, c.Year, c.Estimate)).OrderBy(g => g.Key.Country).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Estimate, StringComparer.Ordinal)
            .Select(g => Split(g.Key.Country, g.Key.Year, g.Key.Estimate, [.. g.OrderByDescending(s => s.Share).ThenBy(s => s.Vendor, StringComparer.Ordinal)], catalog, market.ChipCompute,
                reference))
            .ToList();
        var breakEven = market.BreakEvenPreset is { } preset ? BreakEven(preset) : null;
        var servers = market.GpuServers.Select(s => Server(s, gpu, catalog, year, rate)).ToList();
        var result = new MarketResult
        {
            Header = ResultHeader.For("market", scenario),
            Year = year,
            Basis = market.Basis,
            RmbPerUsd = rate,
            RateFromScenario = market.RmbPerUsd is not null,
            Us = us,
            Cn = cn,
            InvestmentRatio = ratio,
            MissingCompanies = missing,
            RentHistory = rent,
            BreakEven = breakEven,
            Revenue = revenue,
            VacancyRows = [.. market.Vacancy.OrderBy(v => v.Country).ThenBy(v => v.Year).ThenBy(v => v.Scope, StringComparer.Ordinal)],
            GpuRental = gpu,
            ChipMix = chips,
            GpuServers = servers,
            ChipComputeAsked = market.ChipComputeGiven,
            Projection = market.Projection is { } projection ? Project(projection, Revenue(market, projection.Country, projection.StartYear ?? year, market.RateFor(projection.StartYear ?? year) ?? rate), projection.StartYear ?? year) : null,
            Metrics =
            [
                new("investmentUsd.US", us.TotalUsd, Unit.Money, Currency.USD),
                new("investmentUsd.CN", cn.TotalUsd, Unit.Money, Currency.USD),
                new("investmentRmb.US", us.TotalRmb, Unit.Money, Currency.RMB),
                new("investmentRmb.CN", cn.TotalRmb, Unit.Money, Currency.RMB),
                new("investmentRatio", ratio, Unit.Times),
                new("rmbPerUsd", rate, Unit.None),
                new("vacancy.US", revenue[0].Vacancy, Unit.Fraction),
                new("vacancy.CN", revenue[1].Vacancy, Unit.Fraction),
                new("revenuePerBuiltKwMonth.US", revenue[0].RevenuePerBuiltKwMonth, Unit.MoneyPerKwMonth, Currency.USD),
                new("revenuePerBuiltKwMonth.CN", revenue[1].RevenuePerBuiltKwMonth, Unit.MoneyPerKwMonth, Currency.RMB),
                new("accountingBreakEvenRentPerKwMonth", breakEven?.Accounting, Unit.MoneyPerKwMonth, breakEven?.Currency),
                new("economicBreakEvenRentPerKwMonth", breakEven?.Economic, Unit.MoneyPerKwMonth, breakEven?.Currency),
            ],
            Findings = [],
        };
        return result with { Findings = Findings(result) };
    }

    private static string Key(string company) => company.Trim().ToUpperInvariant();

    private static CountryRevenue Revenue(MarketSpec market, Country country, int year, double rate)
    {
        var currency = country == Country.CN ? Currency.RMB : Currency.USD;
        // Revenue depends on leased capacity: idle compute and targets (guidance) are shown, not averaged in.
        var vacancies = market.Vacancy.Where(v => v.Country == country && v.Year == year && v.Measure == VacancyMeasure.Leased && v.Kind != FigureKind.Guidance).ToList();
        var rents = market.Rent.Where(r => r.Country == country && r.Year == year).ToList();
        double? vacancy = vacancies.Count > 0 ? vacancies.Average(v => v.Vacancy) : null;
        double? rent = rents.Count > 0
            ? rents.Average(r => currency == Currency.RMB ? InvestmentModel.ToRmb(r.RentPerKwMonth, r.Currency, rate) : InvestmentModel.ToUsd(r.RentPerKwMonth, r.Currency, rate))
            : null;
        return new CountryRevenue(country, vacancy, rent, rent is { } x && vacancy is { } v ? RentModel.RevenuePerBuiltKwMonth(x, v) : null, currency, vacancies, rents);
    }

    private static BreakEvenRents? BreakEven(string preset)
    {
        var scenario = ScenarioLoader.FromPreset(preset).Scenario;
        if (scenario?.Site is not { } site)
        {
            return null;
        }

        var econ = Econ.EconAnalysis.Evaluate(scenario);
        return new BreakEvenRents(preset, site.Currency, econ.Economics.AccountingBreakEvenRentPerKwMonth, econ.Economics.EconomicBreakEvenRentPerKwMonth, site.StabilisedOccupancy);
    }

    private static ChipSplit Split(Country country, int year, string estimate, List<ChipShareRow> shares, ComputeCatalog catalog, ChipComputeSpec spec,
        Suanli.Core.Compute.Accelerator reference)
    {
        if (shares.All(s => s.Accelerator is null))
        {
            return new ChipSplit(country, year, estimate, shares, null, reference);
        }

        var parts = shares.Select(s => s.Accelerator is { } id && catalog.FindAccelerator(id) is { } a ? new ChipMixPart(s.Vendor, s.Share, a, a.ChinaAccess)
            : new ChipMixPart(s.Vendor, s.Share, null, null)).ToList();
        return new ChipSplit(country, year, estimate, shares, ChipComputeModel.Of(parts, spec.Cards, reference, spec.Mfu), reference);
    }

    private static GpuServerResult Server(GpuServerSpec spec, IReadOnlyList<GpuRentalInBoth> rental, ComputeCatalog catalog, int year, double rate)
    {
        var site = ScenarioLoader.FromPreset(spec.SitePreset).Scenario!.Site!;
        var accelerator = catalog.FindAccelerator(spec.Accelerator)!;

        // Facility and power from the compute engine's owner's cost (its server part is not used: the capex is the server's own here).
        var owner = Suanli.Core.Compute.OwnerCost.PerAcceleratorHour(site, accelerator, spec.RentBasis, 0, spec.LifeYears, spec.PowerFraction, spec.HostWatts,
            spec.Pue ?? site.DesignPue);
        double ToServer(double amount, Currency from, double r) => spec.Currency == Currency.USD ? InvestmentModel.ToUsd(amount, from, r) : InvestmentModel.ToRmb(amount, from, r);
        var costs = new GpuServerCosts(spec.CapexPerAccelerator, spec.LifeYears, spec.Utilisation, ToServer(owner.FacilityPerHour, site.Currency, rate),
            ToServer(owner.PowerPerHour, site.Currency, rate), spec.CapexPerAccelerator * spec.MaintenancePerYear / GpuServerModel.HoursPerYear, spec.DiscountRate ?? site.DiscountRate,
            spec.PriceChangePerYear);
        var rows = rental.Where(g => g.Row.Country == spec.Country && string.Equals(g.Row.Accelerator.Trim(), spec.Rental.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(g =>
            {
                var price = spec.Currency == Currency.USD ? g.PerHourUsd : g.PerHourRmb;
                return new GpuServerPriceRow(g, price, GpuServerModel.At(costs, price), g.Row.Year == year);
            })
            .ToList();
        return new GpuServerResult(spec, accelerator, owner, costs, GpuServerModel.BreakEvenPrice(costs), GpuServerModel.BreakEvenPriceNoReturn(costs), rows);
    }

    private static ProjectionResult Project(ProjectionSpec spec, CountryRevenue country, int year)
    {
        // MarketChecks has refused a projection whose start the data and the user both leave open.
        var inputs = new ProjectionInputs(year, spec.Years, spec.StartVacancy ?? country.Vacancy!.Value, spec.StartRentPerKwMonth ?? country.RentPerKwMonth!.Value,
            spec.CapacityGrowth, spec.DemandGrowth, spec.NaturalVacancy, spec.RentAdjustment);
        return new ProjectionResult(spec, inputs, country.Currency, spec.StartVacancy is null, spec.StartRentPerKwMonth is null, ProjectionModel.Project(inputs));
    }

    private static List<Finding> Findings(MarketResult r)
    {
        var findings = new List<Finding>
        {
            r.InvestmentRatio is { } ratio
                ? Finding.Info("market.ratio", ("year", r.Year), ("us", r.Us.TotalUsd), ("cn", r.Cn.TotalUsd), ("cnRmb", r.Cn.TotalRmb), ("ratio", ratio),
                    ("rate", r.RmbPerUsd))
                : Finding.Warning("market.noRatio", ("year", r.Year)),
        };
        if (r.MissingCompanies.Count > 0)
        {
            findings.Add(Finding.Warning("market.missingCompanies", ("year", r.Year), ("companies", FindingArg.List(r.MissingCompanies))));
        }

        var estimated = r.Us.Companies.Concat(r.Cn.Companies).Where(c => c.Row.Kind != FigureKind.Reported).ToList();
        if (estimated.Count > 0)
        {
            var total = r.Us.TotalUsd + r.Cn.TotalUsd;
            findings.Add(Finding.Info("market.notReported", ("companies", FindingArg.List(estimated.Select(c => c.Row.Company))),
                ("share", total > 0 ? estimated.Sum(c => c.AmountUsd) / total : 0)));
        }

        foreach (var c in r.Revenue.Where(c => c.RevenuePerBuiltKwMonth is not null))
        {
            findings.Add(Finding.Info("market.revenue", ("country", CountryTerm(c.Country)), ("year", r.Year), ("rent", c.RentPerKwMonth!.Value), ("vacancy", c.Vacancy!.Value),
                ("revenue", c.RevenuePerBuiltKwMonth!.Value), ("currency", new Term("currency." + c.Currency))));
        }

        if (r.BreakEven is { } be && r.Revenue.FirstOrDefault(c => c.Currency == be.Currency && c.RevenuePerBuiltKwMonth is not null) is { } same)
        {
            findings.Add(Finding.Info(same.RevenuePerBuiltKwMonth >= be.Accounting ? "market.aboveBreakEven" : "market.belowBreakEven",
                ("country", CountryTerm(same.Country)), ("revenue", same.RevenuePerBuiltKwMonth!.Value), ("breakEven", be.Accounting), ("preset", be.Preset),
                ("currency", new Term("currency." + be.Currency))));
        }

        // A series (one country, one scope) with years missing between its first and last: said, never filled.
        foreach (var series in r.RentHistory.GroupBy(x => (x.Row.Country, x.Row.Scope)))
        {
            if (RentModel.Gaps(series.Select(x => x.Row.Year)) is { Count: > 0 } gaps)
            {
                findings.Add(Finding.Warning("market.seriesGap", ("series", series.Key.Country + " " + series.Key.Scope), ("years", FindingArg.List(gaps.Select(y => (double)y)))));
            }
        }

        foreach (var split in r.ChipMix)
        {
            var top = split.Shares[0];
            findings.Add(Finding.Info("market.chipMix", ("country", CountryTerm(split.Country)), ("year", split.Year), ("estimate", split.Estimate), ("vendor", top.Vendor),
                ("share", top.Share)));
            if (split.Compute is { } compute)
            {
                findings.Add(Finding.Info("market.chipCompute", ("estimate", split.Estimate), ("year", split.Year), ("cards", compute.Cards), ("equivalents", compute.ReferenceEquivalents),
                    ("reference", split.Reference.Name), ("licensed", 1 - compute.WithoutLicensed)));
                if (compute.BarredShare > 0)
                {
                    findings.Add(Finding.Warning("market.chipCompute.barred", ("estimate", split.Estimate), ("share", compute.BarredShare),
                        ("chips", FindingArg.List(compute.Vendors.Where(v => v.Access == ChinaAccess.Barred).Select(v => v.Accelerator!.Name)))));
                }

                // A chip named for a vendor whose name the row does not mention (an H100 on a Huawei row) is said, not refused.
                foreach (var v in compute.Vendors.Where(v => v.Accelerator is { } a && !v.Vendor.Contains(a.Vendor, StringComparison.OrdinalIgnoreCase)))
                {
                    findings.Add(Finding.Warning("market.chipCompute.vendorMismatch", ("estimate", split.Estimate), ("vendor", v.Vendor), ("chip", v.Accelerator!.Name),
                        ("chipVendor", v.Accelerator.Vendor)));
                }
                if (compute.CoveredShare < 1 - 1e-9)
                {
                    findings.Add(Finding.Warning("market.chipCompute.partial", ("estimate", split.Estimate), ("covered", compute.CoveredShare),
                        ("vendors", FindingArg.List(compute.Vendors.Where(v => v.Accelerator is null).Select(v => v.Vendor)))));
                }
            }
        }

        if (r.ChipComputeAsked && r.ChipMix.All(c => c.Compute is null))
        {
            findings.Add(Finding.Warning("market.chipCompute.none"));
        }

        foreach (var server in r.GpuServers)
        {
            var currency = new Term("currency." + server.Spec.Currency);
            if (server.Spec.Country == Country.CN && server.Accelerator.ChinaAccess == ChinaAccess.Barred)
            {
                findings.Add(Finding.Warning("market.gpuServer.barred", ("name", server.Spec.Name), ("chip", server.Accelerator.Name)));
            }

            // The newest price too, when it is not of the year compared: an investor deciding today reads that one.
            if (server.Prices.Count > 0 && !server.Prices[^1].InYearCompared)
            {
                var latest = server.Prices[^1];
                findings.Add(Finding.Info(latest.Payback.PaybackYears is null ? "market.gpuServer.latestNever" : "market.gpuServer.latest", ("name", server.Spec.Name),
                    ("price", latest.PricePerHour), ("when", latest.Rental.Row.Period ?? latest.Rental.Row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("currency", currency), ("years", latest.Payback.PaybackYears ?? double.NaN), ("irr", latest.Payback.Irr ?? double.NaN), ("life", server.Spec.LifeYears)));
            }

            var today = server.Prices.Where(p => p.InYearCompared).ToList();
            if (today.Count == 0)
            {
                findings.Add(Finding.Warning("market.gpuServer.noPrice", ("name", server.Spec.Name), ("year", r.Year),
                    ("years", FindingArg.List(server.Prices.Select(p => (double)p.Rental.Row.Year).Distinct()))));
            }

            foreach (var p in today)
            {
                var when = p.Rental.Row.Period ?? p.Rental.Row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                findings.Add(p.Payback.PaybackYears is { } years
                    ? Finding.Info("market.gpuServer.payback", ("name", server.Spec.Name), ("price", p.PricePerHour), ("when", when), ("currency", currency),
                        ("utilisation", server.Spec.Utilisation), ("years", years), ("irr", p.Payback.Irr ?? double.NaN), ("breakEven", server.BreakEvenPricePerHour),
                        ("rate", server.Costs.DiscountRate))
                    : Finding.Warning("market.gpuServer.never", ("name", server.Spec.Name), ("price", p.PricePerHour), ("when", when), ("currency", currency),
                        ("utilisation", server.Spec.Utilisation), ("life", server.Spec.LifeYears), ("noReturn", server.BreakEvenPricePerHourNoReturn),
                        ("breakEven", server.BreakEvenPricePerHour), ("rate", server.Costs.DiscountRate)));
            }
        }

        if (r.Projection is { } projection)
        {
            var last = projection.Years[^1];
            var cur = new Term("currency." + projection.Currency);
            findings.Add(Finding.Warning("market.projection.illustrative", ("country", CountryTerm(projection.Spec.Country)), ("from", projection.Inputs.StartYear),
                ("capacity", projection.Inputs.CapacityGrowth), ("demand", projection.Inputs.DemandGrowth)));
            findings.Add(Finding.Info("market.projection.end", ("country", CountryTerm(projection.Spec.Country)), ("year", last.Year), ("vacancy", last.Vacancy),
                ("rent", last.RentPerKwMonth), ("revenue", last.RevenuePerBuiltKwMonth), ("currency", cur)));
            if (r.BreakEven is { } site && site.Currency == projection.Currency)
            {
                var below = projection.Years.FirstOrDefault(y => y.RevenuePerBuiltKwMonth < site.Accounting);
                findings.Add(below is not null
                    ? Finding.Info("market.projection.belowBreakEven", ("year", below.Year), ("revenue", below.RevenuePerBuiltKwMonth), ("breakEven", site.Accounting),
                        ("preset", site.Preset), ("currency", cur))
                    : Finding.Info("market.projection.aboveBreakEven", ("last", last.Year), ("breakEven", site.Accounting), ("preset", site.Preset), ("currency", cur)));

                // Below, then back above: the year it recovers is said too.
                if (below is not null && projection.Years.FirstOrDefault(y => y.Year > below.Year && y.RevenuePerBuiltKwMonth >= site.Accounting) is { } back)
                {
                    findings.Add(Finding.Info("market.projection.recovers", ("year", back.Year), ("revenue", back.RevenuePerBuiltKwMonth), ("currency", cur)));
                }
            }

            // Rent ten times its start (or a tenth of it) is outside anything the adjustment rule was fitted to.
            if (projection.Years.FirstOrDefault(y => y.RentPerKwMonth > 10 * projection.Inputs.StartRentPerKwMonth || y.RentPerKwMonth < projection.Inputs.StartRentPerKwMonth / 10) is { } runaway)
            {
                findings.Add(Finding.Warning("market.projection.runaway", ("year", runaway.Year), ("rent", runaway.RentPerKwMonth), ("start", projection.Inputs.StartRentPerKwMonth),
                    ("currency", cur)));
            }

            if (projection.Years.FirstOrDefault(y => y.RentFloored) is { } floored)
            {
                findings.Add(Finding.Warning("market.projection.floored", ("year", floored.Year)));
            }
        }

        return findings;
    }

    private static Term CountryTerm(Country country) => new("country." + country);
}
