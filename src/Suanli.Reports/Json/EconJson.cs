using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Core.Economics;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli econ --json</c>: every key of earlier versions, plus the common header and named figures.</summary>
public sealed record EconJson : ScenarioCommandJson
{
    internal EconJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>Currency of every money figure.</summary>
    public required string Currency { get; init; }

    /// <summary>Rent per leased kW-month in the first operating year.</summary>
    public required double RentPerKwMonth { get; init; }

    /// <summary>1 − vacancy.</summary>
    public required double StabilisedOccupancy { get; init; }

    /// <summary>Nominal discount rate.</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Who pays for power.</summary>
    public required PowerPricing PowerPricing { get; init; }

    /// <summary>IT capacity, MW.</summary>
    public required double ItCapacityMw { get; init; }

    /// <summary>Initial construction capex.</summary>
    public required double InitialCapex { get; init; }

    /// <summary>Construction capex per MW.</summary>
    public required double CapexPerMw { get; init; }

    /// <summary>NPV to construction start.</summary>
    public required double Npv { get; init; }

    /// <summary>IRR per year, null when there is none or several.</summary>
    public required double? Irr { get; init; }

    /// <summary>Why there is no single IRR, in words; null when there is one.</summary>
    public required string? IrrNote { get; init; }

    /// <summary>Every rate at which NPV is zero between −99 % and +1,000 % (a touching root twice); empty when none.</summary>
    public required IReadOnlyList<double> IrrRoots { get; init; }

    /// <summary>How the terminal value is computed.</summary>
    public required TerminalValueMethod TerminalValueMethod { get; init; }

    /// <summary>Terminal value.</summary>
    public required double TerminalValue { get; init; }

    /// <summary>Payback, years from construction start; null when never.</summary>
    public required double? PaybackYears { get; init; }

    /// <summary>Discounted payback; null when never.</summary>
    public required double? DiscountedPaybackYears { get; init; }

    /// <summary>Accounting break-even rent per built kW-month.</summary>
    public required double AccountingBreakEvenRentPerKwMonth { get; init; }

    /// <summary>Economic break-even rent (NPV = 0).</summary>
    public required double? EconomicBreakEvenRentPerKwMonth { get; init; }

    /// <summary>Why there is none.</summary>
    public required EconomicBreakEvenReason? EconomicBreakEvenReason { get; init; }

    /// <summary>The accounting break-even occupancy (the key keeps its first name).</summary>
    public required double? BreakEvenOccupancy { get; init; }

    /// <summary>Why there is none, in words.</summary>
    public required string? BreakEvenOccupancyNote { get; init; }

    /// <summary>Economic break-even occupancy (NPV = 0).</summary>
    public required double? EconomicBreakEvenOccupancy { get; init; }

    /// <summary>Why there is none.</summary>
    public required EconomicBreakEvenOccupancyReason? EconomicBreakEvenOccupancyReason { get; init; }

    /// <summary>Why there is none, in words.</summary>
    public required string? EconomicBreakEvenOccupancyNote { get; init; }

    /// <summary>Stabilised year's EBIT.</summary>
    public required double StabilisedYearProfit { get; init; }

    /// <summary>The same per built kW-month.</summary>
    public required double StabilisedYearProfitPerKwMonth { get; init; }

    /// <summary>The accounting break-even's cost lines.</summary>
    public required IReadOnlyDictionary<string, double> CostStackPerKwMonth { get; init; }

    /// <summary>Depreciation by component.</summary>
    public required IReadOnlyDictionary<string, double> DepreciationByComponentPerKwMonth { get; init; }

    /// <summary>PUE at stabilised occupancy.</summary>
    public required double? PueAtStabilisedOccupancy { get; init; }

    /// <summary>PUE fully leased.</summary>
    public required double? PueFullyLeased { get; init; }

    /// <summary>Annual measured PUE at stabilised occupancy.</summary>
    public required double? AnnualPueAtStabilisedOccupancy { get; init; }

    /// <summary>Annual measured PUE fully leased.</summary>
    public required double? AnnualPueFullyLeased { get; init; }

    /// <summary>The cap on annual PUE, when the scenario states one.</summary>
    public required double? PueCap { get; init; }

    /// <summary>Warnings about the site (code, figures, words).</summary>
    public required IReadOnlyList<EconFindingJson> Findings { get; init; }

    /// <summary>The yearly cash-flow table.</summary>
    public required IReadOnlyList<EconomicsYear> Years { get; init; }

    /// <summary>IT kW a rack is leased for, when the scenario states it (rent per rack = rent per kW × rack kW).</summary>
    public required double? RackKw { get; init; }

    /// <summary>The rent per rack-month, or null without rackKw.</summary>
    public required double? RentPerRackMonth { get; init; }

    /// <summary>The accounting break-even per rack-month, or null without rackKw.</summary>
    public required double? AccountingBreakEvenRentPerRackMonth { get; init; }

    /// <summary>The economic break-even per rack-month, or null without rackKw (or without an economic break-even).</summary>
    public required double? EconomicBreakEvenRentPerRackMonth { get; init; }

    /// <summary>IRR of the equity flows with the site's debt, or null without financing (or without a single IRR).</summary>
    public required double? EquityIrr { get; init; }

    /// <summary>NPV of the equity flows at the cost of equity, or null without financing.</summary>
    public required double? EquityNpv { get; init; }

    /// <summary>The lowest debt service cover ratio of a year with debt service, or null.</summary>
    public required double? MinDscr { get; init; }

    /// <summary>The loan and the equity, year by year, or null without financing.</summary>
    public required FinancingJson? Financing { get; init; }

    /// <summary>The loan schedule by year (the same rows as <c>financing.years</c>), or null without financing.</summary>
    public required IReadOnlyList<FinancedYear>? LoanSchedule { get; init; }

    /// <summary>The scenario's claims beside the computed figures.</summary>
    public required IReadOnlyList<ScenarioClaimCheck> Claims { get; init; }

    /// <summary>Every input with its source.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Named figures with units and currency.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Every reading of the result as a code, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>A warning in <c>suanli econ --json</c>: its code, the figures it compares and the same in words.</summary>
/// <param name="Code">What was found.</param>
/// <param name="Value">The computed figure.</param>
/// <param name="Limit">The limit it was held against.</param>
/// <param name="Message">The finding in words.</param>
public sealed record EconFindingJson(EconomicsFindingCode Code, double Value, double Limit, string Message);

/// <summary>The site's debt and the equity's return.</summary>
/// <param name="DebtShare">Share of the initial capex borrowed.</param>
/// <param name="InterestRate">Annual rate.</param>
/// <param name="TenorYears">Repayment years.</param>
/// <param name="GraceMonths">Grace after opening.</param>
/// <param name="Amortisation">annuity or straightLine.</param>
/// <param name="UpfrontFee">Fee share.</param>
/// <param name="DscrCovenant">The covenant.</param>
/// <param name="DebtAmount">The loan drawn (before capitalised interest).</param>
/// <param name="InterestDuringConstruction">Capitalised interest.</param>
/// <param name="EquityInvested">Equity put in during construction (with the fee).</param>
/// <param name="CostOfEquity">The equity discount rate.</param>
/// <param name="EquityIrrNote">Why there is no single equity IRR, when there is none.</param>
/// <param name="MinDscrYear">The year of the lowest DSCR.</param>
/// <param name="CovenantBreachYear">The first year below the covenant, or null.</param>
/// <param name="BalloonAtHorizon">The balance still owed at the horizon's end.</param>
/// <param name="TaxShield">Income tax saved over the horizon by deducting interest and fees.</param>
/// <param name="SponsorSupportAfterOpening">Cash the equity puts in after opening to meet debt service the site does not cover.</param>
/// <param name="PeakEquityFunding">The most the equity has in at any time.</param>
/// <param name="Years">Each year.</param>
public sealed record FinancingJson(double DebtShare, double InterestRate, double TenorYears, int GraceMonths, string Amortisation, double UpfrontFee, double DscrCovenant,
    double DebtAmount, double InterestDuringConstruction, double EquityInvested, double CostOfEquity, string? EquityIrrNote, int? MinDscrYear, int? CovenantBreachYear,
    double BalloonAtHorizon, double TaxShield, double SponsorSupportAfterOpening, double PeakEquityFunding, IReadOnlyList<FinancedYear> Years);

/// <summary>Turns an economics result into its JSON shape.</summary>
public static class EconJsonWriter
{
    /// <summary>The JSON record of an economics result, texts in the words' language.</summary>
    public static EconJson ToJson(EconResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var r = result.Economics;
        var site = r.Site;
        string? Note(string code) => result.Findings.FirstOrDefault(f => f.Code == code) is { } f ? words.Finding(f) : null;
        return new EconJson(result.Header, words)
        {
            Currency = r.Currency.ToString(),
            RentPerKwMonth = site.RentPerKwMonth,
            StabilisedOccupancy = site.StabilisedOccupancy,
            DiscountRate = site.DiscountRate,
            PowerPricing = site.PowerPricing,
            ItCapacityMw = site.ItCapacityMw,
            InitialCapex = r.InitialCapex,
            CapexPerMw = site.CapexPerMw,
            Npv = r.Npv,
            Irr = r.Irr.AnnualRate,
            IrrNote = result.Findings.FirstOrDefault(f => f.Code.StartsWith("econ.irr.", StringComparison.Ordinal)) is { } irr ? words.Finding(irr) : null,
            IrrRoots = r.Irr.Roots,
            TerminalValueMethod = site.TerminalValue,
            TerminalValue = r.TerminalValue,
            PaybackYears = r.PaybackYears,
            DiscountedPaybackYears = r.DiscountedPaybackYears,
            AccountingBreakEvenRentPerKwMonth = r.AccountingBreakEvenRentPerKwMonth,
            EconomicBreakEvenRentPerKwMonth = r.EconomicBreakEvenRentPerKwMonth,
            EconomicBreakEvenReason = r.EconomicBreakEvenReason,
            BreakEvenOccupancy = r.BreakEvenOccupancy,
            BreakEvenOccupancyNote = Note("econ.noAccountingBreakEvenOccupancy"),
            EconomicBreakEvenOccupancy = r.EconomicBreakEvenOccupancy,
            EconomicBreakEvenOccupancyReason = r.EconomicBreakEvenOccupancyReason,
            EconomicBreakEvenOccupancyNote = Note("econ.noEconomicBreakEvenOccupancy"),
            StabilisedYearProfit = r.StabilisedYearProfit,
            StabilisedYearProfitPerKwMonth = r.StabilisedYear.PerKwMonth(r.StabilisedYearProfit),
            CostStackPerKwMonth = new OrderedDictionaryOf<double>(r.CostStackPerKwMonth.Lines),
            DepreciationByComponentPerKwMonth = new OrderedDictionaryOf<double>(r.DepreciationByComponentPerKwMonth.Select(kv => KeyValuePair.Create(Words.Camel(kv.Key.ToString()), kv.Value))),
            PueAtStabilisedOccupancy = JsonNumbers.Finite(r.PueAtStabilisedOccupancy),
            PueFullyLeased = JsonNumbers.Finite(r.FullyLeasedYear.Pue),
            AnnualPueAtStabilisedOccupancy = JsonNumbers.Finite(r.PueAtStabilisedOccupancy),
            AnnualPueFullyLeased = JsonNumbers.Finite(r.FullyLeasedYear.Pue),
            PueCap = site.PueCap,
            Findings = [.. r.Findings.Select(f => new EconFindingJson(f.Code, f.Value, f.Limit,
                words.Finding(result.Findings.First(x => x.Code == "econ." + Words.Camel(f.Code.ToString())))))],
            Years = r.Years,
            RackKw = site.RackKw,
            RentPerRackMonth = site.RentPerKwMonth * site.RackKw,
            AccountingBreakEvenRentPerRackMonth = r.AccountingBreakEvenRentPerKwMonth * site.RackKw,
            EconomicBreakEvenRentPerRackMonth = r.EconomicBreakEvenRentPerKwMonth * site.RackKw,
            EquityIrr = r.Financing?.EquityIrr.AnnualRate,
            EquityNpv = r.Financing?.EquityNpv,
            MinDscr = r.Financing?.MinDscr,
            Financing = r.Financing is { } f
                ? new FinancingJson(f.Terms.DebtShare, f.Terms.InterestRate, f.Terms.TenorYears, f.Terms.GraceMonths, Suanli.Reports.Words.Camel(f.Terms.Amortisation.ToString()),
                    f.Terms.UpfrontFee, f.Terms.DscrCovenant, f.DebtAmount, f.InterestDuringConstruction, f.EquityInvested, f.CostOfEquity,
                    f.EquityIrr.Reason is { } why ? words["econ.equityIrr." + Suanli.Reports.Words.Camel(why.ToString())] : null, f.MinDscrYear, f.CovenantBreachYear,
                    f.BalloonAtHorizon, f.TaxShield, f.SponsorSupportAfterOpening, f.PeakEquityFunding, f.Years)
                : null,
            LoanSchedule = r.Financing?.Years,
            Claims = result.Claims,
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }
}
