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
