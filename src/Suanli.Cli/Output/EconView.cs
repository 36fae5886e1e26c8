using Spectre.Console;
using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli econ</c> in one language; it only formats what the result carries.</summary>
internal static class EconView
{
    public static void Write(IAnsiConsole console, EconResult result, Words words, ViewOptions options)
    {
        var r = result.Economics;
        var site = result.Site;
        var cur = words.Currency(r.Currency);
        View.Header(console, words, result.Header, "econ.title", ("currency", cur));
        console.Write(Summary(result, words, cur));
        foreach (var f in result.Findings.Where(f => f.Level == FindingLevel.Warning))
        {
            console.WriteLine(words.Format("line.warning", ("text", words.Finding(f))));
        }

        console.WriteLine();
        console.Write(CostStack(result, words, cur));
        console.WriteLine();
        if (result.Claims.Count > 0)
        {
            console.Write(View.ScenarioClaims(result.Claims, words));
            console.WriteLine();
        }

        console.Write(Years(result, words, cur, View.Columns(console, options)));
        console.WriteLine();
        if (r.Financing is { } loan)
        {
            Financing(console, r, loan, words, cur);
        }
        if (options.Inputs)
        {
            console.Write(View.Inputs(result.Header, words));
            console.WriteLine();
        }

        console.WriteLine(words["econ.reading.title"]);
        var profitPerKw = r.StabilisedYear.PerKwMonth(r.StabilisedYearProfit);
        View.Bullet(console, words, words.Format("econ.reading.stabilised",
            ("rent", site.RentPerKwMonth), ("vacancy", site.Vacancy), ("currency", cur),
            ("earned", site.RentPerKwMonth * site.StabilisedOccupancy), ("breakEven", r.AccountingBreakEvenRentPerKwMonth),
            ("result", words[r.StabilisedYearProfit >= 0 ? "econ.word.profit" : "econ.word.accountingLoss"]), ("perKw", Math.Abs(profitPerKw))));
        if (r.EconomicBreakEvenRentPerKwMonth is { } e)
        {
            View.Bullet(console, words, words.Format("econ.reading.economic",
                ("economic", e), ("currency", cur), ("ratio", e / r.AccountingBreakEvenRentPerKwMonth), ("discountRate", site.DiscountRate),
                ("constructionMonths", site.ConstructionMonths), ("rampMonths", site.OccupancyRampMonths), ("occupancy", site.StabilisedOccupancy)));
        }

        View.Bullet(console, words, words.Format("econ.reading.npv",
            ("npv", words.Quantity(r.Npv, Unit.Money, r.Currency)), ("discountRate", site.DiscountRate),
            ("verdict", words[r.Npv >= 0 ? "econ.word.createsValue" : "econ.word.destroysValue"])));
        console.WriteLine();
        View.ModelNotes(console, words, "econ.model.title", result.ModelNotes);
        if (!options.Inputs)
        {
            console.WriteLine(words["view.inputsHint"]);
        }
    }

    private static Table Summary(EconResult result, Words words, string cur)
    {
        var r = result.Economics;
        var site = result.Site;
        var table = View.FigureTable(words["econ.summary.title"], words);
        void Row(string figure, string value, string note) => table.AddRow(View.Cell(words[figure]), View.Cell(value), View.Cell(note));
        string Pct(double x, int decimals = 1) => words.Strings.FormatValue(x, "pct" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string? Finding(string code) => result.Findings.FirstOrDefault(f => f.Code == code || f.Code.StartsWith(code + ".", StringComparison.Ordinal)) is { } f ? words.Finding(f) : null;

        Row("econ.row.capacity", Words.N(site.ItCapacityMw, 1), words.Format("econ.note.capacity",
            ("phases", site.Phases.Count), ("months", site.ConstructionMonths), ("years", site.HorizonYears)));
        Row("econ.row.capex", Words.N(r.InitialCapex / 1e6, 2), words.Format("econ.note.capex", ("currency", cur), ("perMw", site.CapexPerMw / 1e6)));
        Row("econ.row.rent", Words.N(site.RentPerKwMonth, 1), words.Format("econ.note.rent", ("currency", cur),
            ("power", words[site.PowerPricing == PowerPricing.PassThrough ? "econ.word.powerSeparate" : "econ.word.powerIncluded"])));
        Row("econ.row.occupancy", Pct(site.StabilisedOccupancy), words.Format("econ.note.occupancy", ("vacancy", site.Vacancy)));
        Row("econ.row.npv", Words.N(r.Npv / 1e6, 2), words.Format("econ.note.npv", ("currency", cur), ("discountRate", site.DiscountRate)));
        Row("econ.row.irr", r.Irr.AnnualRate is { } irr ? Pct(irr, 2) : words["word.none"], Finding("econ.irr") ?? words["econ.note.irr"]);
        if (r.Financing is { } loan)
        {
            Row("econ.row.equityIrr", loan.EquityIrr.AnnualRate is { } eirr ? Pct(eirr, 2) : words["word.none"], words.Format("econ.note.equityIrr", ("share", loan.Terms.DebtShare)));
            Row("econ.row.equityNpv", Words.N(loan.EquityNpv / 1e6, 2), words.Format("econ.note.equityNpv", ("rate", loan.CostOfEquity), ("currency", cur)));
            Row("econ.row.minDscr", loan.MinDscr is { } md ? Words.N(md, 2) + "×" : words["word.none"],
                words.Format("econ.note.minDscr", ("year", loan.MinDscrYear ?? 0), ("covenant", loan.Terms.DscrCovenant)));
            Row("econ.row.peakEquity", Words.N(loan.PeakEquityFunding / 1e6, 2), words.Format("econ.note.peakEquity", ("currency", cur)));
        }

        if (site.RackKw is { } rackKw)
        {
            Row("econ.row.rentPerRack", Words.N(site.RentPerKwMonth * rackKw, 0),
                words.Format("econ.note.rentPerRack", ("currency", cur), ("rackKw", rackKw), ("breakEven", r.AccountingBreakEvenRentPerKwMonth * rackKw)));
        }

        Row("econ.row.terminalValue", Words.N(r.TerminalValue / 1e6, 2), words.Format("econ.note.terminalValue", ("currency", cur), ("method", TerminalWords(site, words))));
        Row("econ.row.payback", r.PaybackYears is { } p ? Words.N(p, 1) : words["word.never"], words[r.PaybackYears is null ? "econ.note.paybackNever" : "econ.note.payback"]);
        Row("econ.row.discountedPayback", r.DiscountedPaybackYears is { } dp ? Words.N(dp, 1) : words["word.never"],
            words[r.DiscountedPaybackYears is null ? "econ.note.discountedPaybackNever" : "econ.note.discountedPayback"]);
        Row("econ.row.accountingBreakEvenRent", Words.N(r.AccountingBreakEvenRentPerKwMonth, 1), words.Format("econ.note.accountingBreakEvenRent", ("currency", cur)));
        Row("econ.row.economicBreakEvenRent", r.EconomicBreakEvenRentPerKwMonth is { } e ? Words.N(e, 1) : words["word.none"],
            Finding("econ.noEconomicBreakEvenRent") ?? words.Format("econ.note.economicBreakEvenRent", ("currency", cur), ("discountRate", site.DiscountRate)));
        Row("econ.row.accountingBreakEvenOccupancy", r.BreakEvenOccupancy is { } o ? Pct(o) : words["word.none"],
            Finding("econ.noAccountingBreakEvenOccupancy") ?? words.Format("econ.note.accountingBreakEvenOccupancy", ("rent", site.RentPerKwMonth), ("currency", cur),
                ("ratio", r.AccountingBreakEvenRentPerKwMonth / Math.Max(site.RentPerKwMonth, 1e-9))));
        Row("econ.row.economicBreakEvenOccupancy", r.EconomicBreakEvenOccupancy is { } eo ? Pct(eo) : words["word.none"],
            Finding("econ.noEconomicBreakEvenOccupancy") ?? words.Format("econ.note.economicBreakEvenOccupancy", ("rent", site.RentPerKwMonth), ("currency", cur), ("discountRate", site.DiscountRate)));
        var profit = r.StabilisedYearProfit;
        Row("econ.row.stabilisedProfit", Words.N(profit / 1e6, 2), words.Format("econ.note.stabilisedProfit", ("currency", cur), ("occupancy", site.StabilisedOccupancy),
            ("perKw", r.StabilisedYear.PerKwMonth(profit)), ("result", words[profit >= 0 ? "econ.word.profit" : "econ.word.accountingLoss"])));
        var pue = r.PueAtStabilisedOccupancy;
        var cap = site.PueCap is { } c
            ? words.Format(pue > c ? "econ.note.pueCapAbove" : "econ.note.pueCapWithin", ("cap", c))
            : string.Empty;
        Row("econ.row.pue", double.IsFinite(pue) ? Words.N(pue, 3) : words["value.none"], words.Format("econ.note.pue",
            ("cap", cap), ("design", site.DesignPue), ("loadFactor", site.LoadFactor), ("fullyLeased", r.FullyLeasedYear.Pue)));
        return table;
    }

    private static Table CostStack(EconResult result, Words words, string cur)
    {
        var r = result.Economics;
        var site = result.Site;
        var stack = r.CostStackPerKwMonth;
        var table = View.Table(words.Format("econ.stack.title", ("total", stack.Total), ("currency", cur)),
            words["econ.stack.line"], words.Format("econ.stack.perKwMonth", ("currency", cur)), words["col.share"], words["econ.stack.from"]);
        table.Columns[1].RightAligned().NoWrap();
        table.Columns[2].RightAligned().NoWrap();
        void Row(string line, double value, string from) => table.AddRow(View.Cell(words[line]), View.Cell(Words.N(value, 1)),
            View.Cell(stack.Total != 0 ? Words.Percent(value / stack.Total) : "-"), View.Cell(from));

        var lives = site.Capex.Where(c => c.UsefulLifeYears > 0 && c.CostPerMw > 0)
            .Select(c => words.Format(c.Component == CapexComponent.Land ? "econ.stack.lifeLand" : "econ.stack.life",
                ("component", words["econ.component." + Words.Camel(c.Component.ToString())]),
                ("perKw", r.DepreciationByComponentPerKwMonth[c.Component]), ("years", c.UsefulLifeYears)));
        Row("econ.stack.depreciation", stack.Depreciation, string.Join(words["list.separator"], lives));
        Row("econ.stack.power", stack.Power, site.PowerPricing == PowerPricing.PassThrough
            ? (site.PassThroughPue is { } contractual ? words.Format("econ.stack.powerContractual", ("pue", contractual)) : words["econ.stack.powerMetered"])
            : words.Format("econ.stack.powerOperator", ("price", site.ElectricityPricePerKwh), ("currency", cur)));
        Row("econ.stack.staff", stack.Staff, words.Format("econ.stack.staffFrom", ("fte", site.StaffFte), ("cost", site.StaffCostPerFteYear), ("currency", cur)));
        Row("econ.stack.maintenance", stack.Maintenance, words.Format("econ.stack.maintenanceFrom", ("rate", site.MaintenanceRateOfMepCapex)));
        Row("econ.stack.insurance", stack.InsuranceAndPropertyTax, words.Format("econ.stack.insuranceFrom", ("rate", site.InsuranceAndPropertyTaxRateOfCapex)));
        Row("econ.stack.other", stack.OtherOpex, words.Format("econ.stack.otherFrom", ("amount", site.OtherFixedOpexPerMwYear), ("currency", cur)));
        table.AddRow(new Markup("[bold]" + Markup.Escape(words["econ.stack.total"]) + "[/]"), new Markup("[bold]" + Words.N(stack.Total, 1) + "[/]"),
            View.Cell(Words.Percent(1)), View.Cell(string.Empty));
        return table;
    }

    /// <summary>The yearly cash-flow table: the columns that fit (all with <c>--wide</c>), numbers never wrapped.</summary>
    private static Table Years(EconResult result, Words words, string cur, ViewWidth width)
    {
        var r = result.Economics;
        var passThrough = result.Site.PowerPricing == PowerPricing.PassThrough;
        (string Key, Func<EconomicsYear, string> Cell, ViewWidth From)[] columns =
        [
            ("econ.year.year", y => Words.N(y.Year, 0), ViewWidth.Narrow),
            ("econ.year.mw", y => Words.N(y.ItMwInService, 0), ViewWidth.Medium),
            ("econ.year.occupancy", y => y.ItMwInService > 0 ? Words.N(y.AverageOccupancy * 100, 0) + "%" : "-", ViewWidth.Narrow),
            ("econ.year.pue", y => y.AveragePue is { } p ? Words.N(p, 2) : "-", ViewWidth.Medium),
            ("econ.year.rent", y => M(y.RentRevenue), ViewWidth.Medium),
            ("econ.year.revenue", y => M(y.Revenue), ViewWidth.NarrowOnly),
            ("econ.year.powerResale", y => M(y.PowerRevenue), passThrough ? ViewWidth.Medium : ViewWidth.Wide),
            ("econ.year.powerBill", y => M(y.ElectricityCost), ViewWidth.Medium),
            ("econ.year.opex", y => M(y.Opex), ViewWidth.NarrowOnly),
            ("econ.year.staff", y => M(y.StaffCost), ViewWidth.Wide),
            ("econ.year.maintenance", y => M(y.MaintenanceCost), ViewWidth.Wide),
            ("econ.year.insurance", y => M(y.InsuranceAndPropertyTax), ViewWidth.Wide),
            ("econ.year.other", y => M(y.OtherOpex), ViewWidth.Wide),
            ("econ.year.ebitda", y => M(y.Ebitda), ViewWidth.Narrow),
            ("econ.year.depreciation", y => M(y.Depreciation), ViewWidth.Wide),
            ("econ.year.tax", y => M(y.IncomeTax), ViewWidth.Medium),
            ("econ.year.capex", y => M(y.Capex), ViewWidth.Narrow),
            ("econ.year.terminal", y => M(y.TerminalValue), ViewWidth.Wide),
            ("econ.year.fcf", y => M(y.FreeCashFlow), ViewWidth.Narrow),
            ("econ.year.cumulative", y => M(y.CumulativeFreeCashFlow), ViewWidth.Narrow),
        ];
        var shown = columns.Where(c => View.Shows(c.From, width)).ToList();
        var table = View.Table(words.Format(width == ViewWidth.Wide ? "econ.year.title" : "econ.year.titleFolded", ("currency", cur)),
            [.. shown.Select(c => words[c.Key])]);
        View.Compact(table);
        foreach (var column in table.Columns)
        {
            column.RightAligned().NoWrap();
        }

        foreach (var y in r.Years)
        {
            table.AddRow([.. shown.Select(c => View.Cell(c.Cell(y)))]);
        }

        return table;

        static string M(double x) => Words.N(x / 1e6, 1);
    }

    private static void Financing(IAnsiConsole console, EconomicsResult r, FinancingResult loan, Words words, string cur)
    {
        var t = loan.Terms;
        var table = View.Table(words.Format("econ.financing.title", ("share", t.DebtShare), ("rate", t.InterestRate), ("tenor", t.TenorYears),
            ("amortisation", words["econ.amortisation." + Words.Camel(t.Amortisation.ToString())])) + words.Format("econ.financing.unit", ("currency", cur)),
            words["econ.financing.col.year"], words["econ.financing.col.drawdown"], words["econ.financing.col.idc"], words["econ.financing.col.interest"],
            words["econ.financing.col.principal"], words["econ.financing.col.balance"], words["econ.financing.col.cfads"], words["econ.financing.col.dscr"],
            words["econ.financing.col.equity"]);
        View.Compact(table);
        foreach (var column in table.Columns)
        {
            column.RightAligned().NoWrap();
        }

        static string M(double x) => Words.N(x / 1e6, 1);
        foreach (var y in loan.Years)
        {
            table.AddRow(View.Cell(Words.N(y.Year, 0)), View.Cell(M(y.Drawdown)), View.Cell(M(y.InterestCapitalised)), View.Cell(M(y.InterestPaid)), View.Cell(M(y.Principal)),
                View.Cell(M(y.ClosingBalance)), View.Cell(M(y.Cfads)), View.Cell(y.Dscr is { } d ? Words.N(d, 2) : "-"), View.Cell(M(y.EquityCashFlow)));
        }

        console.Write(table);
        string Money(double x) => words.Quantity(x, Unit.Money, r.Currency);
        string Rate(double? x) => x is { } v ? Words.Percent(v) : words["value.none"];
        console.WriteLine(words.Format("econ.financing.summary", ("debt", Money(loan.DebtAmount)), ("idc", Money(loan.InterestDuringConstruction)),
            ("equity", Money(loan.EquityInvested)), ("irr", Rate(loan.EquityIrr.AnnualRate)), ("npv", Money(loan.EquityNpv)), ("coe", loan.CostOfEquity),
            ("unlevered", Rate(r.Irr.AnnualRate)), ("dscr", loan.MinDscr is { } lowest ? Words.N(lowest, 2) + "×" : words["value.none"]),
            ("dscrYear", loan.MinDscrYear is { } yr ? yr.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"), ("shield", Money(loan.TaxShield))));
        console.WriteLine();
    }

    private static string TerminalWords(SiteEconomics site, Words words) => site.TerminalValue switch
    {
        TerminalValueMethod.None => words["econ.terminal.none"],
        TerminalValueMethod.BookValue => words["econ.terminal.bookValue"],
        TerminalValueMethod.ExitMultiple => words.Format("econ.terminal.exitMultiple", ("multiple", site.TerminalEbitdaMultiple ?? 0)),
        _ => words.Format("econ.terminal.growingPerpetuity", ("growth", site.TerminalGrowthRate ?? 0)),
    };
}
