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

    /// <summary>Each GPU server's owner's costs and its payback at each of its rental prices.</summary>
    public required IReadOnlyList<GpuServerJson> GpuServerPayback { get; init; }

    /// <summary>The illustrative vacancy and rent projection (assumptions, not forecasts), or null.</summary>
    public required ProjectionJson? Projection { get; init; }

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
/// <param name="Compute">The split's compute when its rows name accelerators, else null.</param>
public sealed record ChipSplitJson(string Country, int Year, string Estimate, IReadOnlyDictionary<string, double> Shares, ChipComputeJson? Compute);

/// <summary>The compute of a chip split: cards × share × peak dense BF16 of the chip standing for each vendor.</summary>
/// <param name="Cards">Cards the split is applied to.</param>
/// <param name="Reference">The accelerator id the equivalents count.</param>
/// <param name="PeakPflops">Peak dense BF16, PFLOPS.</param>
/// <param name="ReferenceEquivalents">How many reference chips give the same peak.</param>
/// <param name="Mfu">The utilisation for delivered compute, or null.</param>
/// <param name="DeliveredFlopPerYear">Peak × MFU × a year's seconds, or null without an MFU.</param>
/// <param name="CoveredShare">The share of cards whose row names a chip (the rest are not counted).</param>
/// <param name="ComputeShareByAccess">Share of the peak compute by China-access class (open, licence, barred, domestic, unclassified).</param>
/// <param name="WithoutLicensed">The share of the peak left if licensed supply stopped.</param>
/// <param name="BarredShare">The share of the peak on chips barred from sale to China.</param>
/// <param name="ByVendor">Each vendor's row.</param>
public sealed record ChipComputeJson(double Cards, string Reference, double PeakPflops, double ReferenceEquivalents, double? Mfu, double? DeliveredFlopPerYear, double CoveredShare,
    IReadOnlyDictionary<string, double> ComputeShareByAccess, double WithoutLicensed, double BarredShare, IReadOnlyList<VendorComputeJson> ByVendor);

/// <summary>One vendor's compute in a split.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Share">Its share of the cards.</param>
/// <param name="Accelerator">The chip's id, or null.</param>
/// <param name="ChinaAccess">open, licence, barred, domestic, or null when unclassified or no chip.</param>
/// <param name="TotalProcessingPerformance">The chip's TPP (ECCN 3A090), or null.</param>
/// <param name="AtOrAboveTpp4800">Whether the TPP reaches the 3A090.a threshold of 4,800, or null.</param>
/// <param name="PeakPflops">Its cards' peak, PFLOPS.</param>
/// <param name="ComputeShare">Its share of the peak compute.</param>
public sealed record VendorComputeJson(string Vendor, double Share, string? Accelerator, string? ChinaAccess, double? TotalProcessingPerformance, bool? AtOrAboveTpp4800,
    double PeakPflops, double ComputeShare);

/// <summary>A GPU server rented out by the accelerator-hour.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Accelerator">The accelerator's id.</param>
/// <param name="Rental">The gpuRental name that prices it.</param>
/// <param name="Country">US or CN.</param>
/// <param name="Currency">The currency of every money figure here.</param>
/// <param name="Utilisation">Share of hours rented.</param>
/// <param name="ServerCapexPerAccelerator">Capex per accelerator.</param>
/// <param name="LifeYears">Years it earns.</param>
/// <param name="DiscountRate">The required return.</param>
/// <param name="PriceChangePerYear">How the price changes each year of the life (0: level).</param>
/// <param name="SitePreset">The preset whose site prices space and power.</param>
/// <param name="RentBasis">marketRent, accountingBreakEven or economicBreakEven.</param>
/// <param name="KwPerAccelerator">IT kW one accelerator takes.</param>
/// <param name="Pue">The PUE power is priced at.</param>
/// <param name="CostPerHour">Cash cost per calendar hour by part.</param>
/// <param name="BreakEvenPricePerHour">The price that earns the discount rate over the life.</param>
/// <param name="BreakEvenPricePerHourNoReturn">The price that only returns the capex.</param>
/// <param name="Prices">The payback at each rental price.</param>
public sealed record GpuServerJson(string Name, string Accelerator, string Rental, string Country, string Currency, double Utilisation, double ServerCapexPerAccelerator,
    double LifeYears, double DiscountRate, double PriceChangePerYear, string SitePreset, string RentBasis, double KwPerAccelerator, double Pue, GpuServerCostJson CostPerHour, double BreakEvenPricePerHour,
    double BreakEvenPricePerHourNoReturn, IReadOnlyList<GpuServerPriceJson> Prices);

/// <summary>Cash cost per calendar hour of one accelerator.</summary>
/// <param name="Facility">Space and power capacity (rent × kW ÷ 730).</param>
/// <param name="Power">Electricity billed separately (0 when in the rent).</param>
/// <param name="Maintenance">Maintenance.</param>
/// <param name="Total">Their sum.</param>
public sealed record GpuServerCostJson(double Facility, double Power, double Maintenance, double Total);

/// <summary>A GPU server's payback at one rental price.</summary>
/// <param name="Year">The price's year.</param>
/// <param name="Period">Its month or quarter, or null.</param>
/// <param name="Kind">reported, estimate or guidance.</param>
/// <param name="PricePerHour">The price in the server's currency.</param>
/// <param name="ReportedPricePerHour">As the row gives it.</param>
/// <param name="ReportedCurrency">The row's currency.</param>
/// <param name="RevenuePerHour">Price × utilisation.</param>
/// <param name="MarginPerHour">Revenue − cash cost.</param>
/// <param name="NetPerYear">Margin × 8,760.</param>
/// <param name="PaybackYears">Capex ÷ net per year, or null when it does not pay back within the life.</param>
/// <param name="Irr">The internal rate of return over the life, or null when the net is not positive.</param>
/// <param name="Npv">NPV at the discount rate over the life.</param>
/// <param name="InYearCompared">Whether the price is of the year compared.</param>
public sealed record GpuServerPriceJson(int Year, string? Period, string Kind, double PricePerHour, double ReportedPricePerHour, string ReportedCurrency, double RevenuePerHour,
    double MarginPerHour, double NetPerYear, double? PaybackYears, double? Irr, double Npv, bool InYearCompared);

/// <summary>The illustrative projection: assumptions, not forecasts.</summary>
/// <param name="Illustrative">Always true: the rows follow from the inputs below, nothing else.</param>
/// <param name="Model">The equations.</param>
/// <param name="Country">US or CN.</param>
/// <param name="Currency">The rent's currency.</param>
/// <param name="StartYear">The year it starts from.</param>
/// <param name="StartVacancy">The start vacancy.</param>
/// <param name="StartVacancySource">data (the country's year) or input.</param>
/// <param name="StartRentPerKwMonth">The start rent.</param>
/// <param name="StartRentSource">data or input.</param>
/// <param name="CapacityGrowth">Per year.</param>
/// <param name="DemandGrowth">Per year.</param>
/// <param name="NaturalVacancy">v*.</param>
/// <param name="RentAdjustment">λ.</param>
/// <param name="Rows">The start year and each projected year.</param>
public sealed record ProjectionJson(bool Illustrative, string Model, string Country, string Currency, int StartYear, double StartVacancy, string StartVacancySource,
    double StartRentPerKwMonth, string StartRentSource, double CapacityGrowth, double DemandGrowth, double NaturalVacancy, double RentAdjustment, IReadOnlyList<ProjectionRowJson> Rows);

/// <summary>One year of the projection.</summary>
/// <param name="Year">The year.</param>
/// <param name="CapacityIndex">Built capacity, start = 1.</param>
/// <param name="DemandIndex">Leased demand, start capacity = 1.</param>
/// <param name="Vacancy">max(0, 1 − demand ÷ capacity).</param>
/// <param name="RentPerKwMonth">Rent.</param>
/// <param name="RevenuePerBuiltKwMonth">Rent × (1 − vacancy).</param>
/// <param name="RentFloored">Whether rent was held at zero.</param>
public sealed record ProjectionRowJson(int Year, double CapacityIndex, double DemandIndex, double Vacancy, double RentPerKwMonth, double RevenuePerBuiltKwMonth, bool RentFloored);

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
                new OrderedDictionaryOf<double>(c.Shares.Select(s => KeyValuePair.Create(s.Vendor, s.Share))), c.Compute is { } m ? Compute(m, c.Reference.Id) : null))],
            GpuServerPayback = [.. result.GpuServers.Select(Server)],
            Projection = result.Projection is { } p ? Projection(p) : null,
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    private static string Kind(FigureKind kind) => Suanli.Reports.Words.Camel(kind.ToString());

    /// <summary>The projection's equations, as its JSON states them.</summary>
    public const string ProjectionModel =
        "capacity_t = capacity_(t-1) × (1 + capacityGrowth); demand_t = demand_(t-1) × (1 + demandGrowth); vacancy_t = max(0, 1 − demand_t ÷ capacity_t); "
        + "rent_t = rent_(t-1) × (1 + rentAdjustment × (naturalVacancy − vacancy_(t-1))), held at 0 (Wheaton & Torto 1988)";

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    private static ChipComputeJson Compute(ChipMixCompute c, string reference) =>
        new(c.Cards, reference, c.PeakPflops, c.ReferenceEquivalents, c.Utilisation, c.DeliveredFlopPerYear, c.CoveredShare,
            new OrderedDictionaryOf<double>(c.ShareByAccess.Select(a => KeyValuePair.Create(a.Access is { } x ? Suanli.Reports.Words.Camel(x.ToString()) : "unclassified", a.Share))),
            c.WithoutLicensed, c.BarredShare,
            [.. c.Vendors.Select(v => new VendorComputeJson(v.Vendor, v.Share, v.Accelerator?.Id, v.Access is { } x ? Suanli.Reports.Words.Camel(x.ToString()) : null,
                v.Accelerator?.TotalProcessingPerformance, v.Accelerator is { } a ? a.TotalProcessingPerformance >= ChipComputeModel.TppThreshold3A090a : null, v.PeakPflops,
                v.ComputeShare))]);

    private static GpuServerJson Server(GpuServerResult s) =>
        new(s.Spec.Name, s.Accelerator.Id, s.Spec.Rental, s.Spec.Country.ToString(), s.Spec.Currency.ToString(), s.Spec.Utilisation, s.Spec.CapexPerAccelerator, s.Spec.LifeYears,
            s.Costs.DiscountRate, s.Costs.PriceChangePerYear, s.Spec.SitePreset, Suanli.Reports.Words.Camel(s.Spec.RentBasis.ToString()), s.OwnerCost.KwPerAccelerator, s.OwnerCost.Pue,
            new GpuServerCostJson(s.Costs.FacilityPerHour, s.Costs.PowerPerHour, s.Costs.MaintenancePerHour, s.Costs.CashCostPerHour), s.BreakEvenPricePerHour,
            s.BreakEvenPricePerHourNoReturn,
            [.. s.Prices.Select(p => new GpuServerPriceJson(p.Rental.Row.Year, p.Rental.Row.Period, Kind(p.Rental.Row.Kind), p.PricePerHour, p.Rental.Row.PricePerHour,
                p.Rental.Row.Currency.ToString(), p.Payback.RevenuePerHour, p.Payback.MarginPerHour, p.Payback.NetPerYear, Finite(p.Payback.PaybackYears), Finite(p.Payback.Irr),
                p.Payback.Npv, p.InYearCompared))]);

    private static ProjectionJson Projection(ProjectionResult p) =>
        new(true, ProjectionModel, p.Spec.Country.ToString(), p.Currency.ToString(), p.Inputs.StartYear, p.Inputs.StartVacancy, p.StartVacancyFromData ? "data" : "input",
            p.Inputs.StartRentPerKwMonth, p.StartRentFromData ? "data" : "input", p.Inputs.CapacityGrowth, p.Inputs.DemandGrowth, p.Inputs.NaturalVacancy, p.Inputs.RentAdjustment,
            [.. p.Years.Select(y => new ProjectionRowJson(y.Year, y.CapacityIndex, y.DemandIndex, y.Vacancy, y.RentPerKwMonth, y.RevenuePerBuiltKwMonth, y.RentFloored))]);

    private static CountryInvestmentJson Country(CountryInvestment c, Func<ConvertedInvestment, double> amount, double total) =>
        new(total, [.. c.Companies.Select(r => new CompanyInvestmentJson(r.Row.Company, amount(r), r.Row.Amount, r.Row.Currency.ToString(), r.Row.FiscalPeriod,
            Suanli.Reports.Words.Camel(r.Row.Kind.ToString())))]);
}
