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

    /// <summary>US ÷ China.</summary>
    public required double InvestmentRatio { get; init; }

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
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    private static CountryInvestmentJson Country(CountryInvestment c, Func<ConvertedInvestment, double> amount, double total) =>
        new(total, [.. c.Companies.Select(r => new CompanyInvestmentJson(r.Row.Company, amount(r), r.Row.Amount, r.Row.Currency.ToString(), r.Row.FiscalPeriod,
            Suanli.Reports.Words.Camel(r.Row.Kind.ToString())))]);
}
