namespace Suanli.Core.Market;

/// <summary>A country the market model compares.</summary>
public enum Country
{
    /// <summary>The United States.</summary>
    US,

    /// <summary>China (mainland).</summary>
    CN,
}

/// <summary>What an investment figure counts.</summary>
public enum InvestmentBasis
{
    /// <summary>All capital expenditure as the company reports it (what the essay compares).</summary>
    CompanyWide,

    /// <summary>A figure for AI infrastructure alone, as the company or a named analyst states it.</summary>
    AiOnly,
}

/// <summary>Where a figure comes from.</summary>
public enum FigureKind
{
    /// <summary>From filings or results.</summary>
    Reported,

    /// <summary>An analyst's, a journalist's or the essay's estimate.</summary>
    Estimate,

    /// <summary>The company's outlook for a year not yet reported.</summary>
    Guidance,
}

/// <summary>One company's investment in one year.</summary>
/// <param name="Company">The company (or a group the source sums).</param>
/// <param name="Country">Its country.</param>
/// <param name="Year">The calendar year the amount is assigned to.</param>
/// <param name="Amount">The amount, in <paramref name="Currency"/>.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Basis">What it counts.</param>
/// <param name="FiscalPeriod">The period as reported, when it is not the calendar year.</param>
/// <param name="Kind">Reported, estimate or guidance.</param>
public sealed record InvestmentRow(string Company, Country Country, int Year, double Amount, Currency Currency, InvestmentBasis Basis, string? FiscalPeriod, FigureKind Kind);

/// <summary>One company's row of a year in both currencies.</summary>
/// <param name="Row">The row as given.</param>
/// <param name="AmountUsd">In USD.</param>
/// <param name="AmountRmb">In RMB.</param>
public sealed record ConvertedInvestment(InvestmentRow Row, double AmountUsd, double AmountRmb);

/// <summary>A country's investment in a year on one basis, in both currencies.</summary>
/// <param name="Country">The country.</param>
/// <param name="TotalUsd">The sum in USD.</param>
/// <param name="TotalRmb">The sum in RMB.</param>
/// <param name="Companies">Each company's row, in both currencies.</param>
public sealed record CountryInvestment(Country Country, double TotalUsd, double TotalRmb, IReadOnlyList<ConvertedInvestment> Companies);

/// <summary>
/// Investment per country (MODEL.md §6): each row converted at the annual average RMB per USD of the year compared,
/// summed per country; the ratio is the US total over China's (the same in either currency).
/// </summary>
public static class InvestmentModel
{
    /// <summary>An amount in USD: RMB ÷ (RMB per USD).</summary>
    public static double ToUsd(double amount, Currency currency, double rmbPerUsd) => currency == Currency.USD ? amount : amount / rmbPerUsd;

    /// <summary>An amount in RMB: USD × (RMB per USD).</summary>
    public static double ToRmb(double amount, Currency currency, double rmbPerUsd) => currency == Currency.RMB ? amount : amount * rmbPerUsd;

    /// <summary>A country's rows of <paramref name="year"/> on <paramref name="basis"/>, in both currencies.</summary>
    public static CountryInvestment Total(IEnumerable<InvestmentRow> rows, Country country, int year, InvestmentBasis basis, double rmbPerUsd)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var mine = rows.Where(r => r.Country == country && r.Year == year && r.Basis == basis)
            .Select(r => new ConvertedInvestment(r, ToUsd(r.Amount, r.Currency, rmbPerUsd), ToRmb(r.Amount, r.Currency, rmbPerUsd)))
            .ToList();
        return new CountryInvestment(country, mine.Sum(r => r.AmountUsd), mine.Sum(r => r.AmountRmb), mine);
    }
}

/// <summary>A data-center rent figure.</summary>
/// <param name="Country">The country.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="RentPerKwMonth">Rent per kW of IT capacity per month, in <paramref name="Currency"/>.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Scope">What it covers (market, region, wholesale or retail).</param>
/// <param name="Kind">Reported, estimate or guidance.</param>
public sealed record RentRow(Country Country, int Year, double RentPerKwMonth, Currency Currency, string Scope, FigureKind Kind);

/// <summary>What a vacancy figure measures.</summary>
public enum VacancyMeasure
{
    /// <summary>Built capacity not leased or not racked (上架率's complement): what rent revenue depends on.</summary>
    Leased,

    /// <summary>Compute installed but idle (utilisation's complement): a different thing, shown but not used for revenue.</summary>
    ComputeUse,
}

/// <summary>A vacancy figure.</summary>
/// <param name="Country">The country.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Vacancy">The vacancy, 0–1.</param>
/// <param name="Scope">What it covers.</param>
/// <param name="Kind">Reported, estimate or guidance.</param>
/// <param name="Measure">Leased capacity or compute use.</param>
public sealed record VacancyRow(Country Country, int Year, double Vacancy, string Scope, FigureKind Kind, VacancyMeasure Measure = VacancyMeasure.Leased);

/// <summary>A GPU rental price.</summary>
/// <param name="Accelerator">The accelerator as the source names it.</param>
/// <param name="Country">Where it is rented.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Period">The month or quarter, when known.</param>
/// <param name="PricePerHour">Per accelerator-hour, in <paramref name="Currency"/>.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Kind">Reported, estimate or guidance.</param>
public sealed record GpuRentalRow(string Accelerator, Country Country, int Year, string? Period, double PricePerHour, Currency Currency, FigureKind Kind);

/// <summary>One vendor's share in one estimate of a country's accelerator supply.</summary>
/// <param name="Country">The country.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Estimate">The estimate's name: its rows sum to 1.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="Share">Its share, 0–1.</param>
/// <param name="Kind">Reported, estimate or guidance.</param>
/// <param name="Accelerator">Id of the chip standing for the vendor's cards in the compute of the mix, or null.</param>
public sealed record ChipShareRow(Country Country, int Year, string Estimate, string Vendor, double Share, FigureKind Kind, string? Accelerator = null);

/// <summary>Rent, vacancy and what they mean for revenue (MODEL.md §6).</summary>
public static class RentModel
{
    /// <summary>Revenue per built kW-month: rent per leased kW × (1 − vacancy).</summary>
    public static double RevenuePerBuiltKwMonth(double rentPerKwMonth, double vacancy) => rentPerKwMonth * (1 - vacancy);

    /// <summary>The years missing inside a series: between its first and last year, the years with no figure.</summary>
    public static IReadOnlyList<int> Gaps(IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var set = years.ToHashSet();
        return set.Count == 0 ? [] : [.. Enumerable.Range(set.Min(), set.Max() - set.Min() + 1).Where(y => !set.Contains(y))];
    }
}
