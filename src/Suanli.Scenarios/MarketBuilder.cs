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
public sealed record MarketSpec(int Year, InvestmentBasis Basis, double? RmbPerUsd, IReadOnlyList<InvestmentRow> Investment, string? BreakEvenPreset,
    IReadOnlyList<RentRow> Rent, IReadOnlyList<VacancyRow> Vacancy, IReadOnlyList<GpuRentalRow> GpuRental, IReadOnlyList<ChipShareRow> ChipMix)
{
    /// <summary>The RMB per USD of <paramref name="year"/>: the scenario's, else the catalog's annual average, else null.</summary>
    public double? RateFor(int year) => RmbPerUsd ?? ComputeCatalog.BuiltIn.ExchangeRateFor(year)?.RmbPerUsd;
}

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

    public static MarketSpec Build(MarketDto dto, YamlBinder binder, List<Diagnostic> diagnostics)
    {
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
        var chips = (dto.ChipMix ?? []).Select(c => new ChipShareRow(c.Country!.Value, c.Year!.Value, c.Estimate!, c.Vendor!, c.Share!.Value, c.Kind!.Value)).ToList();
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

        if (dto.BreakEvenPreset is { } preset)
        {
            // Only a preset with a site has break-even rents; the list offered is those.
            var withSite = Presets.Names.Where(n => Presets.Text(n) is { } text && text.Contains("\nsite:", StringComparison.Ordinal)).ToList();
            if (!withSite.Contains(preset, StringComparer.Ordinal))
            {
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, "market.breakEvenPreset",
                    Messages.Of(Presets.Text(preset) is null ? "diag2.essay.notAPreset" : "diag2.market.noSite", ("preset", Diagnostic.Shown(preset))),
                    Messages.Literal(string.Join(", ", withSite)));
            }
        }

        return new MarketSpec(dto.Year!.Value, dto.Basis!.Value, dto.RmbPerUsd, rows, dto.BreakEvenPreset,
            [.. (dto.Rent ?? []).Select(r => new RentRow(r.Country!.Value, r.Year!.Value, r.RentPerKwMonth!.Value, r.Currency!.Value, r.Scope!, r.Kind!.Value))],
            [.. (dto.Vacancy ?? []).Select(v => new VacancyRow(v.Country!.Value, v.Year!.Value, v.Vacancy!.Value, v.Scope!, v.Kind!.Value, v.Measure!.Value))],
            [.. (dto.GpuRental ?? []).Select(g => new GpuRentalRow(g.Accelerator!, g.Country!.Value, g.Year!.Value, g.Period, g.PricePerHour!.Value, g.Currency!.Value, g.Kind!.Value))],
            chips);
    }
}
