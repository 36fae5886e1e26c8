using Suanli.Analysis.Market;
using Suanli.Analysis.Results;
using Suanli.Core.Market;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>
/// The JSON of <c>suanli market --json</c> (this slice: investment): the common header; <c>investmentUsd</c> and
/// <c>investmentRmb</c> keyed by country (<c>US</c>, <c>CN</c>), each with the year's <c>total</c> and its
/// <c>byCompany</c> rows; <c>investmentRatio</c>; the year, basis and exchange rate; inputs, metrics and notes.
/// </summary>
public sealed record MarketJson : ScenarioCommandJson
{
    internal MarketJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>The year compared.</summary>
    public required int Year { get; init; }

    /// <summary>The investment basis compared: companyWide or aiOnly.</summary>
    public required string Basis { get; init; }

    /// <summary>RMB per USD used.</summary>
    public required double RmbPerUsd { get; init; }

    /// <summary>Where the rate comes from: scenario or catalog (the annual average).</summary>
    public required string RmbPerUsdSource { get; init; }

    /// <summary>Investment per country in USD.</summary>
    public required IReadOnlyDictionary<string, CountryInvestmentJson> InvestmentUsd { get; init; }

    /// <summary>Investment per country in RMB.</summary>
    public required IReadOnlyDictionary<string, CountryInvestmentJson> InvestmentRmb { get; init; }

    /// <summary>US ÷ China; null when China's total is zero (a note says so).</summary>
    public required double? InvestmentRatio { get; init; }

    /// <summary>Every vacancy row, with what it measures and whether it counts for the year's revenue.</summary>
    public required IReadOnlyList<VacancyRowJson> VacancyRows { get; init; }

    /// <summary>Every rent row, by country and year, in both currencies.</summary>
    public required IReadOnlyList<RentJson> RentHistory { get; init; }

    /// <summary>The break-even rents of <c>market.breakEvenPreset</c> per built kW-month, or null.</summary>
    public required BreakEvenJson? BreakEvenRentPerKwMonth { get; init; }

    /// <summary>Vacancy per country in the year compared (the mean of its rows; null without one).</summary>
    public required IReadOnlyDictionary<string, double?> Vacancy { get; init; }

    /// <summary>Rent × (1 − vacancy) per country in the year compared, in the country's currency (null without both).</summary>
    public required IReadOnlyDictionary<string, RevenueJson> RevenuePerBuiltKwMonth { get; init; }

    /// <summary>GPU rental prices per accelerator-hour.</summary>
    public required IReadOnlyList<GpuRentalJson> GpuRental { get; init; }

    /// <summary>Each estimate of the accelerator supply by vendor.</summary>
    public required IReadOnlyList<ChipSplitJson> ChipMix { get; init; }

    /// <summary>Every input with its value, unit, source and origin.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Named figures.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Readings: code, arguments and text.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>A country's investment in one currency.</summary>
/// <param name="Total">The year's total.</param>
/// <param name="ByCompany">Each company's row.</param>
public sealed record CountryInvestmentJson(double Total, IReadOnlyList<CompanyInvestmentJson> ByCompany);

/// <summary>One company's row.</summary>
/// <param name="Company">The company.</param>
/// <param name="Amount">In the currency of the object it is in.</param>
/// <param name="ReportedAmount">As the source gives it.</param>
/// <param name="ReportedCurrency">The currency the source gives it in.</param>
/// <param name="FiscalPeriod">The period as reported, or null for the calendar year.</param>
/// <param name="Kind">reported, estimate or guidance.</param>
public sealed record CompanyInvestmentJson(string Company, double Amount, double ReportedAmount, string ReportedCurrency, string? FiscalPeriod, string Kind);

/// <summary>A rent row.</summary>
/// <param name="Country">US or CN.</param>
/// <param name="Year">The year.</param>
/// <param name="Scope">What it covers.</param>
/// <param name="RentPerKwMonth">As given.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="RentPerKwMonthUsd">In USD.</param>
/// <param name="RentPerKwMonthRmb">In RMB.</param>
/// <param name="Kind">reported, estimate or guidance.</param>
public sealed record RentJson(string Country, int Year, string Scope, double RentPerKwMonth, string Currency, double RentPerKwMonthUsd, double RentPerKwMonthRmb, string Kind);

/// <summary>A vacancy row.</summary>
/// <param name="Country">US or CN.</param>
/// <param name="Year">The year.</param>
/// <param name="Vacancy">The vacancy.</param>
/// <param name="Scope">What it covers.</param>
/// <param name="Measure">leased or computeUse.</param>
/// <param name="Kind">reported, estimate or guidance.</param>
/// <param name="CountsForRevenue">Whether it is in the year compared's vacancy (leased capacity, not a target).</param>
public sealed record VacancyRowJson(string Country, int Year, double Vacancy, string Scope, string Measure, string Kind, bool CountsForRevenue);

/// <summary>Break-even rents of a site preset.</summary>
/// <param name="Preset">The preset.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Accounting">The accounting break-even per built kW-month.</param>
/// <param name="Economic">The economic (NPV = 0) break-even, or null.</param>
/// <param name="AccountingPerLeasedKw">The accounting break-even per leased kW at the preset's stabilised occupancy.</param>
public sealed record BreakEvenJson(string Preset, string Currency, double Accounting, double? Economic, double AccountingPerLeasedKw);

/// <summary>Revenue per built kW-month of a country.</summary>
/// <param name="Value">Rent × (1 − vacancy), or null.</param>
/// <param name="RentPerKwMonth">The year's mean rent in the currency, or null.</param>
/// <param name="Vacancy">The year's mean vacancy, or null.</param>
/// <param name="Currency">The country's currency.</param>
public sealed record RevenueJson(double? Value, double? RentPerKwMonth, double? Vacancy, string Currency);

/// <summary>A GPU rental row.</summary>
/// <param name="Accelerator">As the source names it.</param>
/// <param name="Country">US or CN.</param>
/// <param name="Year">The year.</param>
/// <param name="Period">Month or quarter, or null.</param>
/// <param name="PricePerHour">As given.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="PricePerHourUsd">In USD.</param>
/// <param name="PricePerHourRmb">In RMB.</param>
/// <param name="Kind">reported, estimate or guidance.</param>
public sealed record GpuRentalJson(string Accelerator, string Country, int Year, string? Period, double PricePerHour, string Currency, double PricePerHourUsd, double PricePerHourRmb, string Kind);

/// <summary>One estimate of a country's accelerator supply.</summary>
/// <param name="Country">US or CN.</param>
/// <param name="Year">The year.</param>
/// <param name="Estimate">Whose estimate.</param>
/// <param name="Shares">Vendor → share.</param>
public sealed record ChipSplitJson(string Country, int Year, string Estimate, IReadOnlyDictionary<string, double> Shares);

/// <summary>Turns a <see cref="MarketResult"/> into <see cref="MarketJson"/>.</summary>
public static class MarketJsonWriter
{
    /// <summary>The JSON record of a result, texts in the words' language.</summary>
    public static MarketJson ToJson(MarketResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        return new MarketJson(result.Header, words)
        {
            Year = result.Year,
            Basis = Scenarios.MarketChecks.Words(result.Basis),
            RmbPerUsd = result.RmbPerUsd,
            RmbPerUsdSource = result.RateFromScenario ? "scenario" : "catalog",
            InvestmentUsd = new OrderedDictionaryOf<CountryInvestmentJson>([
                KeyValuePair.Create("US", Country(result.Us, c => c.AmountUsd, result.Us.TotalUsd)),
                KeyValuePair.Create("CN", Country(result.Cn, c => c.AmountUsd, result.Cn.TotalUsd))]),
            InvestmentRmb = new OrderedDictionaryOf<CountryInvestmentJson>([
                KeyValuePair.Create("US", Country(result.Us, c => c.AmountRmb, result.Us.TotalRmb)),
                KeyValuePair.Create("CN", Country(result.Cn, c => c.AmountRmb, result.Cn.TotalRmb))]),
            InvestmentRatio = result.InvestmentRatio,
            VacancyRows = [.. result.VacancyRows.Select(v => new VacancyRowJson(v.Country.ToString(), v.Year, v.Vacancy, v.Scope, Suanli.Reports.Words.Camel(v.Measure.ToString()),
                Kind(v.Kind), v.Year == result.Year && v.Measure == VacancyMeasure.Leased && v.Kind != FigureKind.Guidance))],
            RentHistory = [.. result.RentHistory.Select(r => new RentJson(r.Row.Country.ToString(), r.Row.Year, r.Row.Scope, r.Row.RentPerKwMonth, r.Row.Currency.ToString(),
                r.RentUsd, r.RentRmb, Kind(r.Row.Kind)))],
            BreakEvenRentPerKwMonth = result.BreakEven is { } be
                ? new BreakEvenJson(be.Preset, be.Currency.ToString(), be.Accounting, be.Economic, be.Accounting / be.StabilisedOccupancy)
                : null,
            Vacancy = new OrderedDictionaryOf<double?>(result.Revenue.Select(c => KeyValuePair.Create(c.Country.ToString(), c.Vacancy))),
            RevenuePerBuiltKwMonth = new OrderedDictionaryOf<RevenueJson>(result.Revenue.Select(c =>
                KeyValuePair.Create(c.Country.ToString(), new RevenueJson(c.RevenuePerBuiltKwMonth, c.RentPerKwMonth, c.Vacancy, c.Currency.ToString())))),
            GpuRental = [.. result.GpuRental.Select(g => new GpuRentalJson(g.Row.Accelerator, g.Row.Country.ToString(), g.Row.Year, g.Row.Period, g.Row.PricePerHour,
                g.Row.Currency.ToString(), g.PerHourUsd, g.PerHourRmb, Kind(g.Row.Kind)))],
            ChipMix = [.. result.ChipMix.Select(c => new ChipSplitJson(c.Country.ToString(), c.Year, c.Estimate,
                new OrderedDictionaryOf<double>(c.Shares.Select(s => KeyValuePair.Create(s.Vendor, s.Share)))))],
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    private static string Kind(FigureKind kind) => Suanli.Reports.Words.Camel(kind.ToString());

    private static CountryInvestmentJson Country(CountryInvestment c, Func<ConvertedInvestment, double> amount, double total) =>
        new(total, [.. c.Companies.Select(r => new CompanyInvestmentJson(r.Row.Company, amount(r), r.Row.Amount, r.Row.Currency.ToString(), r.Row.FiscalPeriod,
            Suanli.Reports.Words.Camel(r.Row.Kind.ToString())))]);
}
