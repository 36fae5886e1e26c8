using Spectre.Console;
using Suanli.Core.Economics;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;

namespace Suanli.Cli.Output;

/// <summary>A claim set beside the computed figure.</summary>
/// <param name="Id">Claim id.</param>
/// <param name="Text">The claim.</param>
/// <param name="Metric">Computed figure's name.</param>
/// <param name="EssayValue">The essay's figure.</param>
/// <param name="ComputedValue">Suanli's figure, null when it does not exist.</param>
/// <param name="Comparison">How they are compared.</param>
/// <param name="Consistent">Whether the computed figure bears the claim out.</param>
/// <param name="Evidence">Published evidence.</param>
internal sealed record ClaimCheck(string Id, string Text, ClaimMetric Metric, double EssayValue, double? ComputedValue, ClaimComparison Comparison, bool? Consistent, string? Evidence)
{
    /// <summary>Relative tolerance of an "about" claim.</summary>
    public const double AboutTolerance = 0.15;

    public static ClaimCheck Of(Claim claim, double? computed)
    {
        bool? consistent = computed is not { } c ? null : claim.Comparison switch
        {
            ClaimComparison.AtLeast => c >= claim.EssayValue,
            ClaimComparison.AtMost => c <= claim.EssayValue,
            _ => Math.Abs(c - claim.EssayValue) <= AboutTolerance * Math.Abs(claim.EssayValue),
        };
        return new ClaimCheck(claim.Id, claim.Text, claim.Metric, claim.EssayValue, computed, claim.Comparison, consistent, claim.Evidence);
    }
}

/// <summary>What <c>suanli econ</c> shows, built once from a result and written as tables or JSON.</summary>
internal sealed class EconReport
{
    private EconReport(Scenario scenario, EconomicsResult result, IReadOnlyList<ClaimCheck> claims)
    {
        Scenario = scenario;
        Result = result;
        Claims = claims;
    }

    public Scenario Scenario { get; }

    public EconomicsResult Result { get; }

    public IReadOnlyList<ClaimCheck> Claims { get; }

    private SiteEconomics Site => Result.Site;

    private string Cur => Result.Currency.ToString();

    public static EconReport From(Scenario scenario, EconomicsResult result)
    {
        double? Metric(ClaimMetric m) => m switch
        {
            ClaimMetric.AccountingBreakEvenRentPerKwMonth => result.AccountingBreakEvenRentPerKwMonth,
            ClaimMetric.EconomicBreakEvenRentPerKwMonth => result.EconomicBreakEvenRentPerKwMonth,
            ClaimMetric.BreakEvenOccupancy => result.BreakEvenOccupancy,
            ClaimMetric.PueAtStabilisedOccupancy => JsonOutput.Finite(result.PueAtStabilisedOccupancy),
            ClaimMetric.StabilisedYearProfit => result.StabilisedYearProfit,
            ClaimMetric.Npv => result.Npv,
            _ => null,
        };
        return new EconReport(scenario, result, [.. scenario.Claims.Select(c => ClaimCheck.Of(c, Metric(c.Metric)))]);
    }

    /// <summary>The simplifications of the model, said in every output.</summary>
    public static IReadOnlyList<string> ModelNotes { get; } =
    [
        "Monthly steps of 730 h from construction start; each phase's capex is spent evenly over the construction months before it opens.",
        "Occupancy ramps linearly from initialOccupancy to 1 - vacancy.",
        "Nominal money on one calendar: every price is quoted at the first opening and steps once a year by operating year y; rent x (1 + rentEscalator)^y, electricity x (1 + electricityPriceEscalation)^y, staff and other opex x (1 + opexInflation)^y; a later phase and every rebuild cost base x (1 + capexEscalation)^y. opexInflation is the general index; capexEscalation and electricityPriceEscalation follow it unless given.",
        "Energy = leased kW x loadFactor x hours x PUE(u), with PUE(u) = 1 + k + f/u, f = (designPue - 1) x pueFixedShare, k = (designPue - 1) - f, u = IT load / capacity in service; a year at constant load has that PUE as its annual measured PUE.",
        "Depreciation is straight-line by component from the month it opens over its exact life (fractional months pro rata); an asset is rebuilt at escalated cost when its life ends inside the horizon (replaceAtEndOfLife). Freehold land is not depreciated; a land-use right is amortised over its term.",
        "Maintenance and insurance are rates on the assets actually in service, each at its cost carried forward by opexInflation from the year it entered service (rebuilds at their cost; retired, unreplaced assets drop out).",
        "Income tax is assessed per 12-month project year on EBITDA - depreciation, after losses carried forward (oldest first, within their expiry, up to lossOffsetCap); no credit for losses.",
        "Free cash flow is unlevered (no debt, no working capital): EBITDA - tax - capex, plus the terminal value in the last month; NPV discounts month m by (1 + r)^-((m + 1)/12); IRR lists every rate with NPV = 0 between -99 % and +1,000 %.",
        "Payback and discounted payback count operating and capital flows only: the terminal value enters NPV and IRR, never payback.",
        "Accounting break-even (rent and occupancy): a steady-state year at today's prices, all capacity in service, has EBIT = 0 (depreciation + opex, net of power resold).",
        "Economic break-even (rent and occupancy): NPV = 0, found with Brent's method; it includes the cost of capital, construction time, lease-up, tax and the terminal value.",
    ];

    /// <summary>The reason there is no economic break-even rent, in words.</summary>
    public static string Words(EconomicBreakEvenReason reason) => reason switch
    {
        EconomicBreakEvenReason.NpvPositiveAtZeroRent => "below zero: NPV is positive even at no rent",
        _ => "NPV stays negative at any rent",
    };

    /// <summary>A finding, in words.</summary>
    public static string Words(EconomicsFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Code switch
        {
            EconomicsFindingCode.AnnualPueAboveCapFullyLeased => Fmt.Text($"annual PUE {Fmt.N(finding.Value, 3)} even fully leased is above the cap of {Fmt.N(finding.Limit, 2)}: the design cannot meet the cap at any occupancy"),
            _ => Fmt.Text($"annual PUE {Fmt.N(finding.Value, 3)} at stabilised occupancy is above the cap of {Fmt.N(finding.Limit, 2)} on annual measured PUE"),
        };
    }

    public EconJson ToJson()
    {
        var r = Result;
        var stack = r.CostStackPerKwMonth;
        return new EconJson
        {
            Scenario = Scenario.Name,
            Origin = Scenario.Origin,
            Currency = Cur,
            RentPerKwMonth = Site.RentPerKwMonth,
            StabilisedOccupancy = Site.StabilisedOccupancy,
            DiscountRate = Site.DiscountRate,
            PowerPricing = Site.PowerPricing,
            ItCapacityMw = Site.ItCapacityMw,
            InitialCapex = r.InitialCapex,
            CapexPerMw = Site.CapexPerMw,
            Npv = r.Npv,
            Irr = r.Irr.AnnualRate,
            IrrNote = r.Irr.Note,
            IrrRoots = r.Irr.Roots,
            TerminalValueMethod = Site.TerminalValue,
            TerminalValue = r.TerminalValue,
            PaybackYears = r.PaybackYears,
            DiscountedPaybackYears = r.DiscountedPaybackYears,
            AccountingBreakEvenRentPerKwMonth = r.AccountingBreakEvenRentPerKwMonth,
            EconomicBreakEvenRentPerKwMonth = r.EconomicBreakEvenRentPerKwMonth,
            EconomicBreakEvenReason = r.EconomicBreakEvenReason,
            BreakEvenOccupancy = r.BreakEvenOccupancy,
            BreakEvenOccupancyNote = r.BreakEvenOccupancy is null ? BreakEvenOccupancyNote() : null,
            EconomicBreakEvenOccupancy = r.EconomicBreakEvenOccupancy,
            EconomicBreakEvenOccupancyReason = r.EconomicBreakEvenOccupancyReason,
            EconomicBreakEvenOccupancyNote = r.EconomicBreakEvenOccupancyReason is null ? null : EconomicBreakEvenOccupancyNote(),
            StabilisedYearProfit = r.StabilisedYearProfit,
            StabilisedYearProfitPerKwMonth = r.StabilisedYear.PerKwMonth(r.StabilisedYearProfit),
            CostStackPerKwMonth = stack.Lines.ToDictionary(kv => kv.Key, kv => kv.Value),
            DepreciationByComponentPerKwMonth = r.DepreciationByComponentPerKwMonth.ToDictionary(kv => SchemaInfoName(kv.Key), kv => kv.Value),
            PueAtStabilisedOccupancy = JsonOutput.Finite(r.PueAtStabilisedOccupancy),
            PueFullyLeased = JsonOutput.Finite(r.FullyLeasedYear.Pue),
            AnnualPueAtStabilisedOccupancy = JsonOutput.Finite(r.PueAtStabilisedOccupancy),
            AnnualPueFullyLeased = JsonOutput.Finite(r.FullyLeasedYear.Pue),
            PueCap = Site.PueCap,
            Findings = [.. r.Findings.Select(f => new EconFindingJson(f.Code, f.Value, f.Limit, Words(f)))],
            Years = r.Years,
            Claims = Claims,
            Inputs = Scenario.Inputs,
            ModelNotes = ModelNotes,
        };
    }

    public void WriteTables(IAnsiConsole console, bool withInputs)
    {
        console.WriteLine(Fmt.Text($"Suanli econ - {Scenario.Name} ({Scenario.Origin}) - all money in {Cur}"));
        if (Scenario.Description is { } d)
        {
            console.WriteLine(d);
        }

        console.WriteLine();
        console.Write(Summary());
        foreach (var finding in Result.Findings)
        {
            console.WriteLine("warning: " + Words(finding));
        }

        console.WriteLine();
        console.Write(CostStackTable());
        console.WriteLine();
        if (Claims.Count > 0)
        {
            console.Write(ClaimsTable());
            console.WriteLine();
        }

        console.Write(YearsTable());
        console.WriteLine();
        if (withInputs)
        {
            console.Write(InputsTable.Build(Scenario));
            console.WriteLine();
        }

        foreach (var line in Reading())
        {
            console.WriteLine(line);
        }

        console.WriteLine();
        console.WriteLine("Model (simplified; docs/economics.md has the equations):");
        foreach (var note in ModelNotes)
        {
            console.WriteLine("  - " + note);
        }

        if (!withInputs)
        {
            console.WriteLine(Fmt.Text($"Every input and its source: add --inputs, or 'suanli presets show NAME' for a preset."));
        }
    }

    private Table Summary()
    {
        var r = Result;
        var table = new Table().Title("Summary").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit / note");
        void Row(string figure, string value, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(note));

        Row("IT capacity", Fmt.N(Site.ItCapacityMw, 1), Fmt.Text($"MW, {Site.Phases.Count} phase(s), {Site.ConstructionMonths} months to build, {Site.HorizonYears}-year horizon"));
        Row("Construction capex", Fmt.Millions(r.InitialCapex), Fmt.Text($"M {Cur} ({Fmt.Millions(Site.CapexPerMw)} M {Cur} per MW)"));
        Row("Rent", Fmt.N(Site.RentPerKwMonth, 1), Fmt.Text($"{Cur} per leased kW-month, power {(Site.PowerPricing == PowerPricing.PassThrough ? "billed separately (passThrough)" : "included in rent")}"));
        Row("Stabilised occupancy", Fmt.Pct(Site.StabilisedOccupancy), Fmt.Text($"vacancy {Fmt.Pct(Site.Vacancy)}"));
        Row("NPV", Fmt.Millions(r.Npv), Fmt.Text($"M {Cur} at {Fmt.Pct(Site.DiscountRate)} discount rate, to construction start"));
        Row("IRR", r.Irr.AnnualRate is { } irr ? Fmt.Pct(irr, 2) : "none", r.Irr.Note ?? "per year, unlevered");
        Row("Terminal value", Fmt.Millions(r.TerminalValue), Fmt.Text($"M {Cur} at the end of the horizon: {TerminalWords()}; in NPV and IRR, not in payback"));
        Row("Payback", r.PaybackYears is { } p ? Fmt.N(p, 1) : "never", r.PaybackYears is null
            ? "cumulative operating and capital flows stay negative within the horizon (terminal value not counted)"
            : "years from construction start, operating and capital flows (terminal value not counted)");
        Row("Discounted payback", r.DiscountedPaybackYears is { } dp ? Fmt.N(dp, 1) : "never", r.DiscountedPaybackYears is null
            ? "discounted operating and capital flows stay negative within the horizon (terminal value not counted)"
            : "years from construction start (terminal value not counted)");
        Row("Accounting break-even rent", Fmt.N(r.AccountingBreakEvenRentPerKwMonth, 1), Fmt.Text($"{Cur} per built kW-month: fully leased year covers depreciation + opex (cost stack below)"));
        Row("Economic break-even rent", r.EconomicBreakEvenRentPerKwMonth is { } e ? Fmt.N(e, 1) : "none", r.EconomicBreakEvenReason is { } why
            ? Words(why)
            : Fmt.Text($"{Cur} per kW-month in the first year: NPV = 0 at {Fmt.Pct(Site.DiscountRate)}, ramp included"));
        Row("Accounting break-even occupancy", r.BreakEvenOccupancy is { } o ? Fmt.Pct(o) : "none", r.BreakEvenOccupancy is null
            ? BreakEvenOccupancyNote()
            : Fmt.Text($"steady-state year at today's prices has EBIT = 0 at {Fmt.N(Site.RentPerKwMonth, 1)} {Cur}; roughly accounting break-even rent / rent = {Fmt.Pct(r.AccountingBreakEvenRentPerKwMonth / Math.Max(Site.RentPerKwMonth, 1e-9))}"));
        Row("Economic break-even occupancy", r.EconomicBreakEvenOccupancy is { } eo ? Fmt.Pct(eo) : "none", r.EconomicBreakEvenOccupancyReason is null
            ? Fmt.Text($"stabilised occupancy (1 - vacancy) at which NPV = 0 at {Fmt.N(Site.RentPerKwMonth, 1)} {Cur} and {Fmt.Pct(Site.DiscountRate)}")
            : EconomicBreakEvenOccupancyNote());
        var profit = r.StabilisedYearProfit;
        Row("Stabilised-year profit (EBIT)", Fmt.Millions(profit), Fmt.Text($"M {Cur}/year at {Fmt.Pct(Site.StabilisedOccupancy)} occupancy = {Fmt.N(r.StabilisedYear.PerKwMonth(profit), 1)} {Cur} per built kW-month: {(profit >= 0 ? "a profit" : "an accounting loss")}"));
        Row("Annual PUE at stabilised occupancy", double.IsFinite(r.PueAtStabilisedOccupancy) ? Fmt.N(r.PueAtStabilisedOccupancy, 3) : "n/a",
            Fmt.Text($"{(Site.PueCap is { } cap ? Fmt.Text($"cap {Fmt.N(cap, 2)} on annual measured PUE{(r.PueAtStabilisedOccupancy > cap ? " - ABOVE THE CAP" : " - within it")}; ") : string.Empty)}design {Fmt.N(Site.DesignPue, 2)} at full load; IT load = occupancy x loadFactor {Fmt.N(Site.LoadFactor, 2)}; fully leased {Fmt.N(r.FullyLeasedYear.Pue, 3)}"));
        return table;
    }

    private Table CostStackTable()
    {
        var r = Result;
        var stack = r.CostStackPerKwMonth;
        var table = new Table()
            .Title(Fmt.Text($"Why the accounting break-even is {Fmt.N(stack.Total, 1)} {Cur}/kW-month: cost stack of a fully leased year at today's prices"))
            .AddColumn("line").AddColumn(new TableColumn(Fmt.Text($"{Cur}/kW-month")).RightAligned()).AddColumn(new TableColumn("share").RightAligned()).AddColumn("from");
        void Row(string line, double value, string from) =>
            table.AddRow(Markup.Escape(line), Fmt.N(value, 1), stack.Total != 0 ? Fmt.Pct(value / stack.Total) : "-", Markup.Escape(from));

        var lives = string.Join(", ", Site.Capex.Where(c => c.UsefulLifeYears > 0 && c.CostPerMw > 0)
            .Select(c => Fmt.Text($"{SchemaInfoName(c.Component)}{(c.Component == CapexComponent.Land ? " (land-use right, amortised)" : string.Empty)} {Fmt.N(r.DepreciationByComponentPerKwMonth[c.Component], 1)} ({c.UsefulLifeYears.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} y)")));
        Row("depreciation", stack.Depreciation, lives);
        Row("power (net of resale)", stack.Power, Site.PowerPricing == PowerPricing.PassThrough
            ? (Site.PassThroughPue is { } pue ? Fmt.Text($"bill minus tenants' payments at contractual PUE {Fmt.N(pue, 2)}") : "tenants pay their metered energy at the actual PUE")
            : Fmt.Text($"facility energy x {Fmt.N(Site.ElectricityPricePerKwh, 3)} {Cur}/kWh, paid by the operator"));
        Row("staff", stack.Staff, Fmt.Text($"{Fmt.N(Site.StaffFte, 0)} FTE x {Fmt.Int(Site.StaffCostPerFteYear)} {Cur}/year"));
        Row("maintenance", stack.Maintenance, Fmt.Text($"{Fmt.Pct(Site.MaintenanceRateOfMepCapex, 2)} of electrical + mechanical capex a year"));
        Row("insurance and property tax", stack.InsuranceAndPropertyTax, Fmt.Text($"{Fmt.Pct(Site.InsuranceAndPropertyTaxRateOfCapex, 2)} of capex a year"));
        Row("other fixed opex", stack.OtherOpex, Fmt.Text($"{Fmt.Int(Site.OtherFixedOpexPerMwYear)} {Cur} per MW-year"));
        table.AddRow("[bold]accounting break-even rent[/]", "[bold]" + Fmt.N(stack.Total, 1) + "[/]", "100.0%", string.Empty);
        return table;
    }

    private Table ClaimsTable()
    {
        var table = new Table().Title("The essay's claims beside this model").AddColumn("claim").AddColumn(new TableColumn("essay").RightAligned())
            .AddColumn(new TableColumn("Suanli").RightAligned()).AddColumn("verdict").AddColumn("published evidence");
        foreach (var c in Claims)
        {
            var verdict = c.Consistent switch
            {
                null => "not computable",
                true => c.Comparison switch
                {
                    ClaimComparison.AtLeast => "consistent (computed is at least the essay's figure)",
                    ClaimComparison.AtMost => "consistent (computed is at most the essay's figure)",
                    _ => Fmt.Text($"consistent (within {Fmt.Pct(ClaimCheck.AboutTolerance, 0)})"),
                },
                false => c.Comparison switch
                {
                    ClaimComparison.AtLeast => "not borne out: computed is lower",
                    ClaimComparison.AtMost => "not borne out: computed is higher",
                    _ => Fmt.Text($"not borne out: differs by more than {Fmt.Pct(ClaimCheck.AboutTolerance, 0)}"),
                },
            };
            var prefix = c.Comparison switch { ClaimComparison.AtLeast => ">= ", ClaimComparison.AtMost => "<= ", _ => "~" };
            table.AddRow(Markup.Escape($"{c.Id}: {c.Text}"), Markup.Escape(prefix + Fmt.N(c.EssayValue, 1)),
                c.ComputedValue is { } v ? Fmt.N(v, 1) : "-", Markup.Escape(verdict), Markup.Escape(c.Evidence ?? string.Empty));
        }

        return table;
    }

    private Table YearsTable()
    {
        var table = new Table().Title(Fmt.Text($"Yearly cash flows (M {Cur}; year 1 starts with construction; FCF and cum FCF include the terminal value, payback does not)"));
        string[] headers = ["yr", "MW", "occ", "PUE", "rent", "power resale", "power bill", "staff", "maint", "ins+tax", "other", "EBITDA", "deprec", "tax", "capex", "terminal", "FCF", "cum FCF"];
        foreach (var h in headers)
        {
            table.AddColumn(new TableColumn(h).RightAligned());
        }

        foreach (var y in Result.Years)
        {
            table.AddRow(
                Fmt.Int(y.Year), Fmt.N(y.ItMwInService, 0), y.ItMwInService > 0 ? Fmt.Pct(y.AverageOccupancy, 0) : "-",
                y.AveragePue is { } p ? Fmt.N(p, 2) : "-",
                Fmt.Millions(y.RentRevenue), Fmt.Millions(y.PowerRevenue), Fmt.Millions(y.ElectricityCost), Fmt.Millions(y.StaffCost),
                Fmt.Millions(y.MaintenanceCost), Fmt.Millions(y.InsuranceAndPropertyTax), Fmt.Millions(y.OtherOpex), Fmt.Millions(y.Ebitda),
                Fmt.Millions(y.Depreciation), Fmt.Millions(y.IncomeTax), Fmt.Millions(y.Capex), Fmt.Millions(y.TerminalValue),
                Fmt.Millions(y.FreeCashFlow), Fmt.Millions(y.CumulativeFreeCashFlow));
        }

        return table;
    }

    private IEnumerable<string> Reading()
    {
        var r = Result;
        yield return "How to read this:";
        var stabilisedRevenue = Site.RentPerKwMonth * Site.StabilisedOccupancy;
        yield return Fmt.Text($"  - At {Fmt.N(Site.RentPerKwMonth, 0)} {Cur} and {Fmt.Pct(Site.Vacancy, 0)} vacancy a built kW earns {Fmt.N(stabilisedRevenue, 1)} {Cur} a month in rent against an accounting cost of {Fmt.N(r.AccountingBreakEvenRentPerKwMonth, 1)} {Cur} when fully leased: the stabilised year makes {(r.StabilisedYearProfit >= 0 ? "a profit" : "an accounting loss")} of {Fmt.N(Math.Abs(r.StabilisedYear.PerKwMonth(r.StabilisedYearProfit)), 1)} {Cur} per built kW-month.");
        if (r.EconomicBreakEvenRentPerKwMonth is { } e)
        {
            yield return Fmt.Text($"  - The economic break-even ({Fmt.N(e, 1)} {Cur} per leased kW-month) is {Fmt.N(e / r.AccountingBreakEvenRentPerKwMonth, 2)}x the accounting one: it must also earn {Fmt.Pct(Site.DiscountRate, 0)} a year on capital tied up through {Site.ConstructionMonths} months of construction and {Site.OccupancyRampMonths} months of lease-up, pay income tax, and it is collected on only {Fmt.Pct(Site.StabilisedOccupancy, 0)} of the capacity once stabilised.");
        }

        yield return Fmt.Text($"  - NPV is {Fmt.Millions(r.Npv)} M {Cur} at the stated inputs ({(r.Npv >= 0 ? "the project creates value" : "the project destroys value")} at a {Fmt.Pct(Site.DiscountRate, 0)} cost of capital).");
    }

    private string BreakEvenOccupancyNote() => Fmt.Text($"none: even fully leased, {Fmt.N(Site.RentPerKwMonth, 1)} {Cur} does not cover the accounting cost of {Fmt.N(Result.AccountingBreakEvenRentPerKwMonth, 1)} {Cur}/kW-month");

    private string EconomicBreakEvenOccupancyNote() => Fmt.Text($"none: even fully leased once stabilised, NPV at {Fmt.N(Site.RentPerKwMonth, 1)} {Cur} and {Fmt.Pct(Site.DiscountRate)} stays negative");

    private string TerminalWords() => Site.TerminalValue switch
    {
        TerminalValueMethod.None => "none",
        TerminalValueMethod.BookValue => "book value (freehold land, undepreciated assets, unamortised land-use rights)",
        TerminalValueMethod.ExitMultiple => Fmt.Text($"exit at {Fmt.N(Site.TerminalEbitdaMultiple ?? 0, 1)} x the last 12 months' EBITDA"),
        _ => Fmt.Text($"growing perpetuity at {Fmt.Pct(Site.TerminalGrowthRate ?? 0)} a year: next year's normalised FCF / (r - g)"),
    };

    private static string SchemaInfoName(CapexComponent component) => char.ToLowerInvariant(component.ToString()[0]) + component.ToString()[1..];
}

/// <summary>The JSON shape of <c>suanli econ --json</c>.</summary>
internal sealed record EconJson
{
    public required string Scenario { get; init; }

    public required string Origin { get; init; }

    public required string Currency { get; init; }

    public required double RentPerKwMonth { get; init; }

    public required double StabilisedOccupancy { get; init; }

    public required double DiscountRate { get; init; }

    public required PowerPricing PowerPricing { get; init; }

    public required double ItCapacityMw { get; init; }

    public required double InitialCapex { get; init; }

    public required double CapexPerMw { get; init; }

    public required double Npv { get; init; }

    public required double? Irr { get; init; }

    public required string? IrrNote { get; init; }

    /// <summary>Every rate at which NPV is zero between −99 % and +1,000 % (a touching root twice); empty when none.</summary>
    public required IReadOnlyList<double> IrrRoots { get; init; }

    public required TerminalValueMethod TerminalValueMethod { get; init; }

    public required double TerminalValue { get; init; }

    public required double? PaybackYears { get; init; }

    public required double? DiscountedPaybackYears { get; init; }

    public required double AccountingBreakEvenRentPerKwMonth { get; init; }

    public required double? EconomicBreakEvenRentPerKwMonth { get; init; }

    public required EconomicBreakEvenReason? EconomicBreakEvenReason { get; init; }

    /// <summary>The accounting break-even occupancy (the key keeps its first name).</summary>
    public required double? BreakEvenOccupancy { get; init; }

    public required string? BreakEvenOccupancyNote { get; init; }

    public required double? EconomicBreakEvenOccupancy { get; init; }

    public required EconomicBreakEvenOccupancyReason? EconomicBreakEvenOccupancyReason { get; init; }

    public required string? EconomicBreakEvenOccupancyNote { get; init; }

    public required double StabilisedYearProfit { get; init; }

    public required double StabilisedYearProfitPerKwMonth { get; init; }

    public required Dictionary<string, double> CostStackPerKwMonth { get; init; }

    public required Dictionary<string, double> DepreciationByComponentPerKwMonth { get; init; }

    public required double? PueAtStabilisedOccupancy { get; init; }

    public required double? PueFullyLeased { get; init; }

    public required double? AnnualPueAtStabilisedOccupancy { get; init; }

    public required double? AnnualPueFullyLeased { get; init; }

    public required double? PueCap { get; init; }

    public required IReadOnlyList<EconFindingJson> Findings { get; init; }

    public required IReadOnlyList<EconomicsYear> Years { get; init; }

    public required IReadOnlyList<ClaimCheck> Claims { get; init; }

    public required IReadOnlyList<InputValue> Inputs { get; init; }

    public required IReadOnlyList<string> ModelNotes { get; init; }
}

/// <summary>A finding in <c>suanli econ --json</c>: its code, the figures it compares and the same in words.</summary>
/// <param name="Code">What was found.</param>
/// <param name="Value">The computed figure.</param>
/// <param name="Limit">The limit it was held against.</param>
/// <param name="Message">The finding in words.</param>
internal sealed record EconFindingJson(EconomicsFindingCode Code, double Value, double Limit, string Message);
