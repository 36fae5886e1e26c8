using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Core.Numerics;
using Suanli.Scenarios;
using Suanli.Scenarios.Schema;

namespace Suanli.Analysis.Econ;

/// <summary>Everything <c>suanli econ</c> computes for one site: the engine's result, its named figures, findings and the scenario's claims.</summary>
public sealed record EconResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <summary>The economics engine's result (MODEL.md §1).</summary>
    public required EconomicsResult Economics { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The scenario's own claims beside the computed figures.</summary>
    public required IReadOnlyList<ScenarioClaimCheck> Claims { get; init; }

    /// <summary>The model's simplifications, as resource codes (<c>econ.model.*</c>), said in every output.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>The site's inputs.</summary>
    public SiteEconomics Site => Economics.Site;
}

/// <summary>The application entry of the data-center economics model: a validated scenario's <c>site</c> → <see cref="EconResult"/>.</summary>
public static class EconAnalysis
{
    /// <summary>The simplifications of the model, each a resource code; docs/economics.md has the equations.</summary>
    public static IReadOnlyList<string> ModelNotes { get; } =
    [
        "econ.model.months", "econ.model.ramp", "econ.model.nominal", "econ.model.energy", "econ.model.depreciation",
        "econ.model.maintenance", "econ.model.tax", "econ.model.freeCashFlow", "econ.model.payback", "econ.model.accountingBreakEven",
        "econ.model.economicBreakEven",
    ];

    /// <summary>Evaluates the scenario's site.</summary>
    /// <exception cref="ArgumentException">The scenario has no site section (the caller checks first).</exception>
    public static EconResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var site = scenario.Site ?? throw new ArgumentException("The scenario has no site section.", nameof(scenario));
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("econ", 0, 1));
        var r = EconomicsEngine.Analyze(site);
        progress?.Report(new AnalysisProgress("econ", 1, 1));
        return new EconResult
        {
            Header = ResultHeader.For("econ", scenario),
            Economics = r,
            Metrics = Metrics(r),
            Findings = Findings(r),
            Claims = [.. scenario.Claims.Select(c => ScenarioClaimCheck.Of(c, ClaimFigure(r, c.Metric)))],
            ModelNotes = r.Financing is null ? ModelNotes : [.. ModelNotes, "econ.note.financing"],
        };
    }

    /// <summary>The figure a scenario claim is about.</summary>
    public static double? ClaimFigure(EconomicsResult r, ClaimMetric metric)
    {
        ArgumentNullException.ThrowIfNull(r);
        return metric switch
        {
            ClaimMetric.AccountingBreakEvenRentPerKwMonth => r.AccountingBreakEvenRentPerKwMonth,
            ClaimMetric.EconomicBreakEvenRentPerKwMonth => r.EconomicBreakEvenRentPerKwMonth,
            ClaimMetric.BreakEvenOccupancy => r.BreakEvenOccupancy,
            ClaimMetric.PueAtStabilisedOccupancy => Finite(r.PueAtStabilisedOccupancy),
            ClaimMetric.StabilisedYearProfit => r.StabilisedYearProfit,
            ClaimMetric.Npv => r.Npv,
            _ => null,
        };
    }

    private static List<Metric> Metrics(EconomicsResult r)
    {
        var c = r.Currency;
        return
        [
            new("npv", r.Npv, Unit.Money, c),
            new("irr", r.Irr.AnnualRate, Unit.Fraction),
            new("paybackYears", r.PaybackYears, Unit.Years),
            new("discountedPaybackYears", r.DiscountedPaybackYears, Unit.Years),
            new("initialCapex", r.InitialCapex, Unit.Money, c),
            new("terminalValue", r.TerminalValue, Unit.Money, c),
            new("accountingBreakEvenRentPerKwMonth", r.AccountingBreakEvenRentPerKwMonth, Unit.MoneyPerKwMonth, c),
            new("economicBreakEvenRentPerKwMonth", r.EconomicBreakEvenRentPerKwMonth, Unit.MoneyPerKwMonth, c),
            new("accountingBreakEvenOccupancy", r.BreakEvenOccupancy, Unit.Fraction),
            new("economicBreakEvenOccupancy", r.EconomicBreakEvenOccupancy, Unit.Fraction),
            new("stabilisedYearProfit", r.StabilisedYearProfit, Unit.MoneyPerYear, c),
            new("stabilisedYearProfitPerKwMonth", r.StabilisedYear.PerKwMonth(r.StabilisedYearProfit), Unit.MoneyPerKwMonth, c),
            new("annualPueAtStabilisedOccupancy", Finite(r.PueAtStabilisedOccupancy), Unit.Pue),
            new("annualPueFullyLeased", Finite(r.FullyLeasedYear.Pue), Unit.Pue),
            new("energyMwhPerYear", r.StabilisedYear.EnergyMwh, Unit.Mwh),
            new("equityIrr", r.Financing?.EquityIrr.AnnualRate, Unit.Fraction),
            new("equityNpv", r.Financing?.EquityNpv, Unit.Money, c),
            new("minDscr", r.Financing?.MinDscr, Unit.Times),
        ];
    }

    private static List<Finding> Findings(EconomicsResult r)
    {
        var site = r.Site;
        var currency = new Term("currency." + r.Currency);
        var findings = new List<Finding>();
        if (r.Financing is { } loan)
        {
            if (loan.EquityIrr.AnnualRate is { } equity && r.Irr.AnnualRate is { } unlevered)
            {
                findings.Add(Finding.Info("econ.financing.levered", ("share", loan.Terms.DebtShare), ("equity", equity), ("unlevered", unlevered)));
            }

            if (loan.CovenantBreachYear is { } breach)
            {
                findings.Add(Finding.Warning("econ.financing.breach", ("year", breach), ("dscr", loan.Years.First(y => y.Year == breach).Dscr!.Value),
                    ("covenant", loan.Terms.DscrCovenant)));
            }

            if (loan.BalloonAtHorizon > 1e-6 * Math.Max(1, loan.DebtAmount))
            {
                findings.Add(loan.BalloonAtHorizon <= loan.TerminalValue
                    ? Finding.Warning("econ.financing.balloon", ("balance", loan.BalloonAtHorizon), ("currency", currency))
                    : Finding.Warning("econ.financing.balloonUncovered", ("balance", loan.BalloonAtHorizon), ("terminal", loan.TerminalValue), ("currency", currency)));
            }

            // Debt service the site's cash does not meet is paid by the sponsor here: the equity's real ticket is larger.
            if (loan.SponsorSupportAfterOpening > 1e-6 * Math.Max(1, loan.DebtAmount))
            {
                findings.Add(Finding.Warning("econ.financing.sponsorSupport", ("support", loan.SponsorSupportAfterOpening), ("peak", loan.PeakEquityFunding),
                    ("currency", currency)));
            }

            if (loan.Terms.CostOfEquity is null)
            {
                findings.Add(Finding.Info("econ.financing.costOfEquityDefault", ("rate", loan.CostOfEquity)));
            }
        }

        if (r.Irr.Reason is { } irr)
        {
            findings.Add(IrrFinding(r.Irr, irr));
        }

        // Power passed to tenants at cost: the region's electricity price and PUE are the tenants' cost, not the owner's return.
        if (site.PowerPricing == PowerPricing.PassThrough && site.PowerMarkup == 0 && site.PassThroughPue is null)
        {
            findings.Add(Finding.Info("econ.powerPassedThrough", ("price", site.ElectricityPricePerKwh), ("currency", currency)));
        }

        if (r.EconomicBreakEvenReason is { } why)
        {
            findings.Add(Finding.Info("econ.noEconomicBreakEvenRent." + Camel(why.ToString())));
        }

        if (r.BreakEvenOccupancy is null)
        {
            findings.Add(Finding.Info("econ.noAccountingBreakEvenOccupancy",
                ("rent", site.RentPerKwMonth), ("breakEven", r.AccountingBreakEvenRentPerKwMonth), ("currency", currency)));
        }

        if (r.EconomicBreakEvenOccupancyReason is not null)
        {
            findings.Add(Finding.Info("econ.noEconomicBreakEvenOccupancy",
                ("rent", site.RentPerKwMonth), ("discountRate", site.DiscountRate), ("currency", currency)));
        }

        if (r.PaybackYears is null)
        {
            findings.Add(Finding.Info("econ.noPayback"));
        }
        else if (PaybackReversal(r) is { } reversal)
        {
            findings.Add(Finding.Warning("econ.paybackReversed",
                ("payback", r.PaybackYears.Value), ("year", reversal.Year), ("low", reversal.Low), ("end", reversal.End), ("currency", currency)));
        }

        if (site.PueCap is { } cap)
        {
            // The cap is on each year's measured PUE: lease-up years at low load may break it before the stabilised year.
            var above = r.Years.Where(y => y.AveragePue is { } p && p > cap).ToList();
            if (above.Count > 0)
            {
                findings.Add(Finding.Warning("econ.annualPueAboveCapInYears",
                    ("years", FindingArg.List(above.Select(y => (double)y.Year))), ("highest", above.Max(y => y.AveragePue!.Value)), ("cap", cap)));
            }
        }

        foreach (var f in r.Findings)
        {
            findings.Add(Finding.Warning("econ." + Camel(f.Code.ToString()), ("value", f.Value), ("limit", f.Limit)));
        }

        return findings;
    }

    /// <summary>
    /// The first project year after payback in which the cumulative operating and capital flows (without the terminal
    /// value, as payback counts them) are negative again, the lowest they reach, and where they end; null when they stay
    /// paid back.
    /// </summary>
    public static (int Year, double Low, double End)? PaybackReversal(EconomicsResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.PaybackYears is not { } payback)
        {
            return null;
        }

        int? first = null;
        var low = double.PositiveInfinity;
        foreach (var y in r.Years.Where(y => y.Year > payback))
        {
            var cumulative = y.CumulativeFreeCashFlow - y.TerminalValue;
            if (cumulative < 0)
            {
                first ??= y.Year;
                low = Math.Min(low, cumulative);
            }
        }

        return first is { } year ? (year, low, r.Years[^1].CumulativeFreeCashFlow - r.Years[^1].TerminalValue) : null;
    }

    /// <summary>Why a series of flows has no single IRR, as a finding (shared by every model that reports an IRR).</summary>
    public static Finding IrrFinding(IrrResult irr, IrrReason reason)
    {
        ArgumentNullException.ThrowIfNull(irr);
        return reason == IrrReason.SeveralRoots
            ? Finding.Info("econ.irr.severalRoots", ("signChanges", irr.SignChanges), ("roots", FindingArg.List(irr.Roots)))
            : Finding.Info("econ.irr." + Camel(reason.ToString()));
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
