using Suanli.Core;
using Suanli.Core.Market;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using static Suanli.Scenarios.ScenarioBuilder;

namespace Suanli.Scenarios;

/// <summary>The <c>market</c> section: the year compared, the basis, the exchange rate when given, and the investment rows.</summary>
/// <param name="Year">The year compared.</param>
/// <param name="Basis">The investment basis compared.</param>
/// <param name="RmbPerUsd">The scenario's own exchange rate, or null for the catalog's annual average.</param>
/// <param name="Investment">Every investment row.</param>
/// <param name="BreakEvenPreset">The preset whose site gives the break-even rents, when named.</param>
/// <param name="Rent">Rent rows.</param>
/// <param name="Vacancy">Vacancy rows.</param>
/// <param name="GpuRental">GPU rental rows.</param>
/// <param name="ChipMix">Chip-mix rows.</param>
/// <param name="GpuServers">GPU servers whose payback is asked for.</param>
/// <param name="ChipCompute">How the chip mix is turned into compute.</param>
/// <param name="Projection">The illustrative projection, when asked for.</param>
/// <param name="ChipComputeGiven">Whether the scenario has a chipCompute section.</param>
public sealed record MarketSpec(int Year, InvestmentBasis Basis, double? RmbPerUsd, IReadOnlyList<InvestmentRow> Investment, string? BreakEvenPreset,
    IReadOnlyList<RentRow> Rent, IReadOnlyList<VacancyRow> Vacancy, IReadOnlyList<GpuRentalRow> GpuRental, IReadOnlyList<ChipShareRow> ChipMix,
    IReadOnlyList<GpuServerSpec> GpuServers, ChipComputeSpec ChipCompute, ProjectionSpec? Projection, bool ChipComputeGiven = false)
{
    /// <summary>The RMB per USD of <paramref name="year"/>: the scenario's, else the catalog's annual average, else null.</summary>
    public double? RateFor(int year) => RmbPerUsd ?? ComputeCatalog.BuiltIn.ExchangeRateFor(year)?.RmbPerUsd;
}

/// <summary>A GPU server rented out by the accelerator-hour (<c>market.gpuServers</c>).</summary>
/// <param name="Name">Its name in the output.</param>
/// <param name="Accelerator">Its accelerator's id.</param>
/// <param name="Rental">The gpuRental accelerator name that prices it.</param>
/// <param name="Country">Where it is rented out.</param>
/// <param name="Utilisation">Share of hours rented.</param>
/// <param name="CapexPerAccelerator">Server capex per accelerator in <paramref name="Currency"/>.</param>
/// <param name="Currency">The currency of the capex and of the payback figures.</param>
/// <param name="LifeYears">Years it earns.</param>
/// <param name="SitePreset">The preset whose site gives the owner's costs.</param>
/// <param name="RentBasis">Which rent the space is charged at.</param>
/// <param name="PowerFraction">Accelerator draw as a share of TDP.</param>
/// <param name="HostWatts">Host power per accelerator.</param>
/// <param name="Pue">The PUE power is priced at, or null for the site's design PUE.</param>
/// <param name="MaintenancePerYear">Maintenance per year as a share of capex.</param>
/// <param name="DiscountRate">The required return, or null for the site's discount rate.</param>
/// <param name="Index">Its index in market.gpuServers (for errors).</param>
/// <param name="PriceChangePerYear">How the rental price changes each year of the life.</param>
public sealed record GpuServerSpec(string Name, string Accelerator, string Rental, Country Country, double Utilisation, double CapexPerAccelerator, Currency Currency,
    double LifeYears, string SitePreset, Suanli.Core.Compute.RentBasis RentBasis, double PowerFraction, double HostWatts, double? Pue, double MaintenancePerYear,
    double? DiscountRate, int Index, double PriceChangePerYear = 0);

/// <summary>How chip splits are turned into compute (<c>market.chipCompute</c>).</summary>
/// <param name="Cards">Cards each split is applied to.</param>
/// <param name="Mfu">Utilisation for delivered compute, or null for peak only.</param>
/// <param name="Reference">The accelerator compute is counted in equivalents of.</param>
public sealed record ChipComputeSpec(double Cards, double? Mfu, string Reference)
{
    /// <summary>The defaults: 1,000 cards, peak, H100 SXM equivalents.</summary>
    public static ChipComputeSpec Default { get; } = new(1000, null, "h100-sxm");
}

/// <summary>The illustrative projection (<c>market.projection</c>); start values null take the country's year.</summary>
/// <param name="Country">The country.</param>
/// <param name="StartYear">The start year, or null for the year compared.</param>
/// <param name="Years">Years projected.</param>
/// <param name="CapacityGrowth">Capacity growth per year.</param>
/// <param name="DemandGrowth">Demand growth per year.</param>
/// <param name="NaturalVacancy">v*.</param>
/// <param name="RentAdjustment">λ.</param>
/// <param name="StartVacancy">The start vacancy, or null.</param>
/// <param name="StartRentPerKwMonth">The start rent, or null.</param>
public sealed record ProjectionSpec(Country Country, int? StartYear, int Years, double CapacityGrowth, double DemandGrowth, double NaturalVacancy, double RentAdjustment,
    double? StartVacancy, double? StartRentPerKwMonth);

/// <summary>What the market model needs of a year: rows for both countries on the basis, and an exchange rate.</summary>
public static class MarketChecks
{
    /// <summary>The first reason the scenario's market cannot be compared in <paramref name="year"/>; null when it can.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="year">The year compared (the scenario's, or <c>--year</c>).</param>
    /// <param name="fromOption">Whether the year came from <c>--year</c> (the error is then at the option).</param>
    public static Diagnostic? Check(Scenario scenario, int year, bool fromOption)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Market is not { } market)
        {
            return null;
        }

        var at = fromOption ? null : Blame.Find(scenario.Inputs, ["market.year"]);
        Diagnostic Error(MessageText message, MessageText allowed) =>
            Diagnostic.Error(DiagnosticCodes.Inconsistent, fromOption ? "command-line" : at?.File ?? scenario.Origin, fromOption ? 1 : at?.Line ?? 1,
                fromOption ? 1 : at?.Column ?? 1, fromOption ? "--year" : "market.year", message, allowed);

        foreach (var country in new[] { Country.US, Country.CN })
        {
            if (!market.Investment.Any(r => r.Country == country && r.Year == year && r.Basis == market.Basis))
            {
                var years = market.Investment.Where(r => r.Country == country && r.Basis == market.Basis).Select(r => r.Year).Distinct().Order().ToList();
                return Error(Messages.Of("diag2.market.noYear", ("country", country.ToString()), ("year", F($"{year}")), ("basis", Words(market.Basis))),
                    Messages.Of("diag2.market.noYear.allowed", ("country", country.ToString()), ("years", years.Count == 0 ? "-" : string.Join(", ", years.Select(y => F($"{y}"))))));
            }
        }

        // The projection starts from the country's year unless the user gives the start.
        if (market.Projection is { } projection)
        {
            var country = projection.Country;
            var start = projection.StartYear ?? year;
            if (start + projection.Years > 2100)
            {
                var yat = Blame.Find(scenario.Inputs, ["market.projection.years"]);
                return Diagnostic.Error(DiagnosticCodes.Inconsistent, yat?.File ?? scenario.Origin, yat?.Line ?? 1, yat?.Column ?? 1, "market.projection.years",
                    Messages.Of("diag2.market.projectionPast2100", ("start", F($"{start}")), ("years", F($"{projection.Years}")), ("end", F($"{start + projection.Years}"))),
                    Messages.Of("diag2.market.projectionPast2100.allowed"));
            }

            var hasVacancy = market.Vacancy.Any(v => v.Country == country && v.Year == start && v.Measure == VacancyMeasure.Leased && v.Kind != FigureKind.Guidance);
            var hasRent = market.Rent.Any(r => r.Country == country && r.Year == start);
            if ((projection.StartVacancy is null && !hasVacancy) || (projection.StartRentPerKwMonth is null && !hasRent))
            {
                var field = projection.StartVacancy is null && !hasVacancy ? "market.projection.startVacancy" : "market.projection.startRentPerKwMonth";
                var pat = Blame.Find(scenario.Inputs, ["market.projection.country", "market.projection"]);
                return Diagnostic.Error(DiagnosticCodes.Inconsistent, pat?.File ?? scenario.Origin, pat?.Line ?? 1, pat?.Column ?? 1, field,
                    Messages.Of(field.EndsWith("startVacancy", StringComparison.Ordinal) ? "diag2.market.noProjectionVacancy" : "diag2.market.noProjectionRent",
                        ("country", country.ToString()), ("year", F($"{start}"))),
                    Messages.Of("diag2.market.noProjectionStart.allowed", ("field", field)));
            }
        }

        // An economic break-even rent is not there for every site: the server's owner's cost then has no rent to charge.
        foreach (var server in market.GpuServers.Where(s => s.RentBasis == Suanli.Core.Compute.RentBasis.EconomicBreakEven))
        {
            var site = ScenarioLoader.FromPreset(server.SitePreset).Scenario?.Site;
            if (site is not null && Suanli.Core.Economics.EconomicsEngine.EconomicBreakEvenRent(site) is null)
            {
                var sat = Blame.Find(scenario.Inputs, [F($"market.gpuServers[{server.Index}].rentBasis")]);
                return Diagnostic.Error(DiagnosticCodes.Inconsistent, sat?.File ?? scenario.Origin, sat?.Line ?? 1, sat?.Column ?? 1, F($"market.gpuServers[{server.Index}].rentBasis"),
                    Messages.Of("diag2.market.noEconomicBreakEven", ("preset", server.SitePreset)), Messages.Of("diag2.market.noEconomicBreakEven.allowed"));
            }
        }

        if (market.RateFor(year) is null)
        {
            var rates = ComputeCatalog.BuiltIn.RmbPerUsdByYear.Keys;
            return Error(Messages.Of("diag2.compute.noFxForYear", ("year", F($"{year}"))),
                Messages.Of("diag2.market.noRate.allowed", ("first", F($"{rates.Min()}")), ("last", F($"{rates.Max()}"))));
        }

        return null;
    }

    /// <summary>The camelCase word of a basis, as YAML and JSON write it.</summary>
    public static string Words(InvestmentBasis basis) => basis == InvestmentBasis.CompanyWide ? "companyWide" : "aiOnly";
}

/// <summary>Builds <see cref="MarketSpec"/> and checks what spans rows.</summary>
internal static class MarketBuilder
{
    /// <summary>How far an estimate's shares may sum from 1: half a percentage point, for shares rounded to whole percent.</summary>
    public const double ChipShareTolerance = 0.005;

    public static MarketSpec Build(MarketDto dto, ComputeCatalog catalog, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        void UnknownAccelerator(string? id, string path)
        {
            if (id is not null && catalog.FindAccelerator(id) is null)
            {
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, path, Messages.Of("diag2.compute.unknownAccelerator", ("id", Diagnostic.Shown(id))),
                    Messages.Literal(string.Join(", ", catalog.Accelerators.Keys)));
            }
        }

        // Names and scopes are what rows are told apart by: blank ones are refused, and "B " is "b".
        void Blank(string? text, string path)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, Messages.Of("diag2.market.blank"), Messages.Of("diag2.market.blank.allowed"));
            }
        }

        for (var i = 0; i < (dto.Rent?.Count ?? 0); i++)
        {
            Blank(dto.Rent![i].Scope, F($"market.rent[{i}].scope"));
        }

        for (var i = 0; i < (dto.Vacancy?.Count ?? 0); i++)
        {
            Blank(dto.Vacancy![i].Scope, F($"market.vacancy[{i}].scope"));
        }

        for (var i = 0; i < (dto.GpuRental?.Count ?? 0); i++)
        {
            Blank(dto.GpuRental![i].Accelerator, F($"market.gpuRental[{i}].accelerator"));
        }

        for (var i = 0; i < (dto.ChipMix?.Count ?? 0); i++)
        {
            Blank(dto.ChipMix![i].Vendor, F($"market.chipMix[{i}].vendor"));
            Blank(dto.ChipMix[i].Estimate, F($"market.chipMix[{i}].estimate"));
        }

        var rows = new List<InvestmentRow>();
        var seen = new Dictionary<(string, int, InvestmentBasis), int>();
        var list = dto.Investment!;
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            var row = new InvestmentRow(r.Company!, r.Country!.Value, r.Year!.Value, r.Amount!.Value, r.Currency!.Value, r.Basis!.Value, r.FiscalPeriod, r.Kind!.Value);
            Blank(row.Company, F($"market.investment[{i}].company"));
            var key = (row.Company.Trim().ToUpperInvariant(), row.Year, row.Basis);

            // The same company, year and basis twice would be counted twice in the country's total.
            if (seen.TryGetValue(key, out var first))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, F($"market.investment[{i}].company"),
                    Messages.Of("diag2.market.duplicate", ("company", row.Company), ("year", F($"{row.Year}")), ("basis", MarketChecks.Words(row.Basis)), ("first", F($"{first}"))),
                    Messages.Of("diag2.market.duplicate.allowed"));
            }
            else
            {
                seen[key] = i;
            }

            rows.Add(row);
        }

        if (list.Count == 0)
        {
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, "market.investment", Messages.Of("diag2.market.noRows"), Messages.Of("diag2.market.noRows.allowed"));
        }

        // Each estimate of a country's chip supply in a year is one split: its shares sum to 1 (within half a point of rounding).
        var chips = (dto.ChipMix ?? []).Select(c => new ChipShareRow(c.Country!.Value, c.Year!.Value, c.Estimate!, c.Vendor!, c.Share!.Value, c.Kind!.Value, c.Accelerator)).ToList();
        for (var i = 0; i < chips.Count; i++)
        {
            UnknownAccelerator(chips[i].Accelerator, F($"market.chipMix[{i}].accelerator"));
        }
        foreach (var split in chips.Select((c, i) => (c, i)).GroupBy(x => (x.c.Country, x.c.Year, x.c.Estimate)))
        {
            if (split.GroupBy(x => x.c.Vendor.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(v => v.Count() > 1) is { } twice)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, F($"market.chipMix[{twice.Skip(1).First().i}].vendor"),
                    Messages.Of("diag2.market.vendorTwice", ("vendor", twice.Key), ("estimate", split.Key.Estimate)), Messages.Of("diag2.market.vendorTwice.allowed"));
            }

            var sum = split.Sum(x => x.c.Share);
            if (Math.Abs(sum - 1) > ChipShareTolerance)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, F($"market.chipMix[{split.First().i}].share"),
                    Messages.Of("diag2.market.sharesSum", ("estimate", split.Key.Estimate), ("country", split.Key.Country.ToString()), ("year", F($"{split.Key.Year}")),
                        ("sum", F($"{sum:0.###}"))),
                    Messages.Of("diag2.market.sharesSum.allowed"));
            }
        }

        // Only a preset with a site has break-even rents and owner's costs; the list offered is those.
        void SitePreset(string preset, string path) => SitePresets.Check(preset, path, binder, diagnostics);

        if (dto.BreakEvenPreset is { } preset)
        {
            SitePreset(preset, "market.breakEvenPreset");
        }

        var servers = new List<GpuServerSpec>();
        var rentals = dto.GpuRental ?? [];
        for (var i = 0; i < (dto.GpuServers?.Count ?? 0); i++)
        {
            var g = dto.GpuServers![i];
            Blank(g.Name, F($"market.gpuServers[{i}].name"));
            Blank(g.Rental, F($"market.gpuServers[{i}].rental"));
            if (dto.GpuServers.Take(i).Select((o, j) => (o, j)).FirstOrDefault(x => string.Equals(x.o.Name?.Trim(), g.Name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { o: not null } twice)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, F($"market.gpuServers[{i}].name"),
                    Messages.Of("diag2.market.serverTwice", ("name", g.Name!), ("first", F($"{twice.j}"))), Messages.Of("diag2.market.serverTwice.allowed"));
            }

            UnknownAccelerator(g.Accelerator, F($"market.gpuServers[{i}].accelerator"));

            // The rows that price it: a name no row of its country spells would price nothing.
            List<string> names = string.IsNullOrWhiteSpace(g.Rental) ? [] : rentals.Where(r => r.Country == g.Country && r.Accelerator is not null).Select(r => r.Accelerator!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (!string.IsNullOrWhiteSpace(g.Rental) && !names.Contains(g.Rental!.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, F($"market.gpuServers[{i}].rental"),
                    Messages.Of("diag2.market.noRental", ("rental", Diagnostic.Shown(g.Rental)), ("country", g.Country!.Value.ToString())),
                    names.Count == 0 ? Messages.Of("diag2.market.noRental.none", ("country", g.Country!.Value.ToString())) : Messages.Literal(string.Join(", ", names)));
            }

            var site = g.SitePreset ?? dto.BreakEvenPreset;
            if (site is null)
            {
                binder.Report(diagnostics, DiagnosticCodes.MissingKey, F($"market.gpuServers[{i}].sitePreset"), Messages.Of("diag2.market.noSitePreset"),
                    Messages.Literal(SitePresets.List));
            }
            else if (g.SitePreset is not null)
            {
                SitePreset(site, F($"market.gpuServers[{i}].sitePreset"));
            }

            servers.Add(new GpuServerSpec(g.Name!, g.Accelerator!, g.Rental!, g.Country!.Value, g.Utilisation!.Value, g.ServerCapexPerAccelerator!.Value, g.Currency!.Value,
                g.LifeYears!.Value, site ?? "", g.RentBasis!.Value, g.PowerFraction!.Value, g.HostWatts!.Value, g.Pue, g.MaintenancePerYear!.Value, g.DiscountRate, i,
                g.PriceChangePerYear!.Value));
        }

        var chipCompute = ChipComputeSpec.Default;
        if (dto.ChipCompute is { } cc)
        {
            UnknownAccelerator(cc.Reference, "market.chipCompute.reference");
            chipCompute = new ChipComputeSpec(cc.Cards!.Value, cc.Mfu, cc.Reference!);
        }

        var projection = dto.Projection is { } p
            ? new ProjectionSpec(p.Country!.Value, p.StartYear, p.Years!.Value, p.CapacityGrowth!.Value, p.DemandGrowth!.Value, p.NaturalVacancy!.Value, p.RentAdjustment!.Value, p.StartVacancy,
                p.StartRentPerKwMonth)
            : null;

        return new MarketSpec(dto.Year!.Value, dto.Basis!.Value, dto.RmbPerUsd, rows, dto.BreakEvenPreset,
            [.. (dto.Rent ?? []).Select(r => new RentRow(r.Country!.Value, r.Year!.Value, r.RentPerKwMonth!.Value, r.Currency!.Value, r.Scope!, r.Kind!.Value))],
            [.. (dto.Vacancy ?? []).Select(v => new VacancyRow(v.Country!.Value, v.Year!.Value, v.Vacancy!.Value, v.Scope!, v.Kind!.Value, v.Measure!.Value))],
            [.. (dto.GpuRental ?? []).Select(g => new GpuRentalRow(g.Accelerator!, g.Country!.Value, g.Year!.Value, g.Period, g.PricePerHour!.Value, g.Currency!.Value, g.Kind!.Value))],
            chips, servers, chipCompute, projection, dto.ChipCompute is not null);
    }
}
