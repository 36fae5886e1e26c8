using Spectre.Console;
using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Cli.Output;

/// <summary>A training job spanning each layout: the reliability closed forms for one site and for the distributed sites.</summary>
/// <param name="Campus">The job on the campus (one site).</param>
/// <param name="Distributed">The job spread over the distributed sites.</param>
internal sealed record LayoutTraining(ClosedFormResult Campus, ClosedFormResult Distributed);

/// <summary>Where the distributed layout's extra cost per built kW-month comes from.</summary>
/// <param name="SharedPlant">Depreciation, maintenance, insurance and property tax (capex-driven).</param>
/// <param name="Staff">Staff.</param>
/// <param name="Power">Net power cost to the operator (PUE).</param>
/// <param name="NetworkAndOther">Network links and other fixed opex.</param>
internal sealed record SavingsBreakdown(double SharedPlant, double Staff, double Power, double NetworkAndOther)
{
    public double Total => SharedPlant + Staff + Power + NetworkAndOther;
}

/// <summary>Why the campus's PUE differs from the distributed sites': the size of the plant each is.</summary>
/// <param name="Cause">plantSize when the campus's plant is larger and PUE scales with size, none otherwise (one unit, or pueOverheadExponent = 1).</param>
/// <param name="CampusPlantItMw">IT the campus's one plant serves.</param>
/// <param name="DistributedPlantItMw">IT each standalone site's plant serves.</param>
/// <param name="CampusDesignPue">The campus plant's design PUE.</param>
/// <param name="DistributedDesignPue">Each standalone plant's design PUE.</param>
/// <param name="OperatorPowerSavingPerKwMonth">Saving in the operator's net power cost per built kW-month, fully leased (in the accounting break-even).</param>
/// <param name="TenantPowerSavingPerKwMonth">Saving in what tenants pay for power per built kW-month, fully leased (pass-through; not in the break-even).</param>
/// <param name="EnergySavingMwhPerYear">Facility energy saved a year at the occupancy studied.</param>
/// <param name="Co2SavingTonnesPerYear">CO2 saved a year at the occupancy studied.</param>
internal sealed record PueAdvantage(string Cause, double CampusPlantItMw, double DistributedPlantItMw, double CampusDesignPue, double DistributedDesignPue,
    double OperatorPowerSavingPerKwMonth, double TenantPowerSavingPerKwMonth, double EnergySavingMwhPerYear, double Co2SavingTonnesPerYear);

/// <summary>What <c>suanli layout</c> computes and shows.</summary>
internal sealed class LayoutReport
{
    private LayoutReport(Scenario scenario, LayoutComparison comparison, LayoutTraining? training, IReadOnlyList<OccupancyRow>? sweep)
    {
        Scenario = scenario;
        Comparison = comparison;
        Training = training;
        Sweep = sweep;
    }

    public Scenario Scenario { get; }

    public LayoutComparison Comparison { get; }

    public LayoutTraining? Training { get; }

    public IReadOnlyList<OccupancyRow>? Sweep { get; }

    private LayoutInputs Inputs => Comparison.Inputs;

    private string Cur => Inputs.BaseSite.Currency.ToString();

    public static LayoutReport Compute(Scenario scenario, LayoutInputs inputs, double? occupancy, bool sweep)
    {
        var comparison = LayoutEngine.Compare(inputs, occupancy);
        LayoutTraining? training = null;
        if (scenario.Training is { } job && (scenario.HasWan || inputs.Units == 1))
        {
            training = new LayoutTraining(
                ClosedForms.For(job with { Sites = 1, DistanceKm = 0 }),
                ClosedForms.For(job with { Sites = inputs.Units, DistanceKm = inputs.InterSiteDistanceKm, Topology = inputs.Topology }));
        }

        return new LayoutReport(scenario, comparison, training, sweep ? LayoutEngine.OccupancySweep(inputs) : null);
    }

    public SavingsBreakdown Savings()
    {
        var c = Comparison.Campus.CostStackPerKwMonth;
        var d = Comparison.Distributed.CostStackPerKwMonth;
        return new SavingsBreakdown(
            d.Depreciation + d.Maintenance + d.InsuranceAndPropertyTax - (c.Depreciation + c.Maintenance + c.InsuranceAndPropertyTax),
            d.Staff - c.Staff, d.Power - c.Power, d.OtherOpex - c.OtherOpex);
    }

    public PueAdvantage PueSaving()
    {
        var c = Comparison.Campus;
        var d = Comparison.Distributed;
        var cause = c.PueFullLoad < d.PueFullLoad ? "plantSize" : "none";
        return new PueAdvantage(cause, c.PlantItMw, d.PlantItMw, c.PueFullLoad, d.PueFullLoad, d.CostStackPerKwMonth.Power - c.CostStackPerKwMonth.Power,
            d.TenantPowerPerKwMonth - c.TenantPowerPerKwMonth, d.EnergyMwhPerYear - c.EnergyMwhPerYear, d.Co2TonnesPerYear - c.Co2TonnesPerYear);
    }

    /// <summary>Why PUE at the occupancy studied is not given, or null when it is.</summary>
    private string? PueNote => Comparison.Campus.Pue is null || Comparison.Distributed.Pue is null
        ? Fmt.Text($"n/a: no IT load at {Fmt.Pct(Comparison.Occupancy, 0)} occupancy, so facility energy / IT energy is undefined; the fixed overhead still draws the energy shown")
        : null;

    private static IReadOnlyList<(string Key, string Label, Func<LayoutResult, double?> Value, string Unit, bool Millions)> Metrics { get; } =
    [
        ("capexPerMw", "capex per MW", r => r.CapexPerMw, "construction", true),
        ("opexPerMwYear", "opex per MW-year", r => r.OpexPerMwYear, "at the occupancy studied", true),
        ("pue", "PUE at the occupancy studied", r => r.Pue, string.Empty, false),
        ("pueFullLoad", "PUE at full load", r => r.PueFullLoad, "design", false),
        ("staffFte", "staff", r => r.StaffFte, "FTE", false),
        ("energyMwhPerYear", "energy", r => r.EnergyMwhPerYear, "MWh a year", false),
        ("co2TonnesPerYear", "CO2", r => r.Co2TonnesPerYear, "t a year", false),
        ("energyCostPerYear", "electricity bill", r => r.EnergyCostPerYear, "a year (tenants pay it under pass-through)", true),
        ("networkCostPerYear", "inter-site network", r => r.NetworkCostPerYear, "a year", true),
        ("accountingBreakEvenRentPerKwMonth", "accounting break-even rent", r => r.AccountingBreakEvenRentPerKwMonth, "per built kW-month", false),
        ("economicBreakEvenRentPerKwMonth", "economic break-even rent", r => r.EconomicBreakEvenRentPerKwMonth, "per kW-month, NPV = 0", false),
        ("npv", "NPV", r => r.Npv, string.Empty, true),
        ("irr", "IRR", r => r.Irr.AnnualRate, "per year", false),
    ];

    public object ToJson()
    {
        object Side(LayoutResult r) => new
        {
            capexPerMw = r.CapexPerMw,
            opexPerMwYear = r.OpexPerMwYear,
            pue = r.Pue,
            pueFullLoad = r.PueFullLoad,
            staffFte = r.StaffFte,
            energyMwhPerYear = r.EnergyMwhPerYear,
            co2TonnesPerYear = r.Co2TonnesPerYear,
            energyCostPerYear = r.EnergyCostPerYear,
            networkCostPerYear = r.NetworkCostPerYear,
            accountingBreakEvenRentPerKwMonth = r.AccountingBreakEvenRentPerKwMonth,
            economicBreakEvenRentPerKwMonth = r.EconomicBreakEvenRentPerKwMonth,
            npv = r.Npv,
            irr = r.Irr.AnnualRate,
            irrNote = r.Irr.Reason is { } why ? Suanli.Reports.Words.For(Suanli.Reports.Language.En).Finding(Suanli.Analysis.Econ.EconAnalysis.IrrFinding(r.Irr, why)) : null,
            costStackPerKwMonth = r.CostStackPerKwMonth.Lines.ToDictionary(kv => kv.Key, kv => kv.Value),
            sites = r.Sites.Count,
            siteItMw = r.Sites[0].ItCapacityMw,
            plantItMw = r.PlantItMw,
            tenantPowerPerKwMonth = r.TenantPowerPerKwMonth,
        };

        var delta = Metrics.Where(m => m.Key != "irr").ToDictionary(m => m.Key, m => DeltaPercent(m.Value(Comparison.Campus), m.Value(Comparison.Distributed)));
        var savings = Savings();
        var pue = PueSaving();
        return new
        {
            scenario = Scenario.Name,
            origin = Scenario.Origin,
            currency = Cur,
            totalItMw = Inputs.TotalItMw,
            units = Inputs.Units,
            occupancy = Comparison.Occupancy,
            scaleExponent = Inputs.ScaleExponent,
            staffExponent = Inputs.StaffExponent,
            pueOverheadExponent = Inputs.PueOverheadExponent,
            referenceItMw = Inputs.ReferenceMw,
            referenceDesignPue = Inputs.BaseSite.DesignPue,
            pueNote = PueNote,
            campus = Side(Comparison.Campus),
            distributed = Side(Comparison.Distributed),
            deltaPercent = delta,
            savingsBreakdownPerKwMonth = new { sharedPlant = savings.SharedPlant, staff = savings.Staff, power = savings.Power, networkAndOther = savings.NetworkAndOther, total = savings.Total },
            pueAdvantage = new
            {
                cause = pue.Cause,
                campusPlantItMw = pue.CampusPlantItMw,
                distributedPlantItMw = pue.DistributedPlantItMw,
                campusDesignPue = pue.CampusDesignPue,
                distributedDesignPue = pue.DistributedDesignPue,
                operatorPowerSavingPerKwMonth = pue.OperatorPowerSavingPerKwMonth,
                tenantPowerSavingPerKwMonth = pue.TenantPowerSavingPerKwMonth,
                energySavingMwhPerYear = pue.EnergySavingMwhPerYear,
                co2SavingTonnesPerYear = pue.Co2SavingTonnesPerYear,
            },
            training = Training is null ? null : new
            {
                campus = new { sites = 1, lambdaPerDay = Training.Campus.LambdaPerHour * 24, pNoInterruption24h = Training.Campus.PNoInterruption24h, ettr = Training.Campus.Ettr },
                distributed = new { sites = Inputs.Units, distanceKm = Inputs.InterSiteDistanceKm, lambdaPerDay = Training.Distributed.LambdaPerHour * 24, pNoInterruption24h = Training.Distributed.PNoInterruption24h, ettr = Training.Distributed.Ettr },
                stepTimeEfficiency = (object?)null,
                note = StepTimeNote,
            },
            trainingNote = Training is not null ? null
                : Scenario.Training is null ? "not assessed: the scenario has no training section"
                : "not assessed: the training section has no wan section for the links between sites",
            sweep = Sweep,
            findings = Findings().ToList(),
        };
    }

    private const string StepTimeNote = "Reliability only: the step-time (bandwidth and latency) efficiency of training across sites needs the MODEL.md §5 engine, which is not available yet.";

    public void WriteTables(IAnsiConsole console, bool allInputs)
    {
        var c = Comparison.Campus;
        var d = Comparison.Distributed;
        console.WriteLine(Fmt.Text($"Suanli layout - {Scenario.Name} ({Scenario.Origin}) - money in {Cur}"));
        if (Scenario.Description is { } desc)
        {
            console.WriteLine(desc);
        }

        console.WriteLine();
        var layouts = Inputs.Units == 1
            ? Fmt.Text($"one campus of 1 x {Mw(Inputs.UnitMw)} MW hall vs 1 standalone {Mw(Inputs.UnitMw)} MW site")
            : Fmt.Text($"one campus of {Inputs.Units} x {Mw(Inputs.UnitMw)} MW halls vs {Inputs.Units} standalone {Mw(Inputs.UnitMw)} MW sites");
        var table = new Table().Title(Fmt.Text($"{Mw(Inputs.TotalItMw)} MW: {layouts}, at {Fmt.Pct(Comparison.Occupancy, 0)} occupancy"))
            .AddColumn("figure").AddColumn(new TableColumn("campus").RightAligned()).AddColumn(new TableColumn("distributed").RightAligned()).AddColumn(new TableColumn("Δ").RightAligned()).AddColumn("unit");
        foreach (var (key, label, value, unit, money) in Metrics)
        {
            string Show(double? v) => v is not { } x ? (key == "pue" ? "n/a" : "-")
                : key == "irr" ? Fmt.Pct(x, 2)
                : key is "pue" or "pueFullLoad" ? N(x, 3)
                : money ? Fmt.Millions(x)
                : N(x, key.Contains("Rent", StringComparison.Ordinal) ? 1 : 0);
            var delta = key == "irr" ? (c.Irr.AnnualRate is { } ci && d.Irr.AnnualRate is { } di ? Signed((di - ci) * 100, 2) + " pts" : "-")
                : DeltaPercent(value(c), value(d)) is { } p ? Signed(p, 1) + "%" : "-";
            var shownUnit = key == "energyCostPerYear" && Comparison.Occupancy == 0 ? "a year (no tenants: the operator pays it)" : unit;
            table.AddRow(Markup.Escape(label), Show(value(c)), Show(value(d)), delta, Markup.Escape(money ? $"M {Cur} {shownUnit}".TrimEnd() : key.Contains("Rent", StringComparison.Ordinal) ? Cur + " " + shownUnit : shownUnit));
        }

        console.Write(table);
        console.WriteLine("Δ = (distributed - campus) / campus.");
        if (PueNote is { } note)
        {
            console.WriteLine("PUE at the occupancy studied: " + note + ".");
        }

        console.WriteLine();

        var s = Savings();
        var breakdown = new Table().Title(Fmt.Text($"Where the campus saves: accounting cost per built kW-month ({Cur}), fully leased"))
            .AddColumn("source").AddColumn(new TableColumn("campus").RightAligned()).AddColumn(new TableColumn("distributed").RightAligned()).AddColumn(new TableColumn("saving").RightAligned()).AddColumn(new TableColumn("share").RightAligned()).AddColumn("why");
        void Line(string source, double campus, double distributed, string why) =>
            breakdown.AddRow(Markup.Escape(source), N(campus, 1), N(distributed, 1), N(distributed - campus, 1), Share(distributed - campus, s.Total, 1), Markup.Escape(why));
        var cs = c.CostStackPerKwMonth;
        var ds = d.CostStackPerKwMonth;
        Line("shared plant", cs.Depreciation + cs.Maintenance + cs.InsuranceAndPropertyTax, ds.Depreciation + ds.Maintenance + ds.InsuranceAndPropertyTax,
            Fmt.Text($"{string.Join(", ", Inputs.SharedComponents.Select(x => x.ToString().ToLowerInvariant()))} at {Mw(Inputs.TotalItMw)} vs {Mw(Inputs.UnitMw)} MW scale, b = {N(Inputs.ScaleExponent, 2)}"));
        Line("staff", cs.Staff, ds.Staff, Fmt.Text($"{N(c.StaffFte, 0)} vs {N(d.StaffFte, 0)} FTE, c = {N(Inputs.StaffExponent, 2)}"));
        var passThrough = Inputs.BaseSite.PowerPricing == PowerPricing.PassThrough;
        Line("power (PUE)", cs.Power, ds.Power, PuePlants() + (passThrough && Inputs.BaseSite.PassThroughPue is null ? "; the saving goes to tenants (memo)" : string.Empty));
        Line("network and other", cs.OtherOpex, ds.OtherOpex, Inputs.Units == 1 ? "one site: no inter-site links"
            : Fmt.Text($"{TrainingReliability.LinksFor(Inputs.Topology, Inputs.Units)} link(s) x {N(Inputs.InterSiteDistanceKm, 0)} km x {N(Inputs.NetworkGbpsPerLink, 0)} Gbps"));
        breakdown.AddRow("[bold]total[/]", N(cs.Total, 1), N(ds.Total, 1), "[bold]" + N(s.Total, 1) + "[/]", s.Total != 0 ? "100.0%" : "-", string.Empty);
        if (passThrough)
        {
            breakdown.AddRow("memo: power paid by tenants", N(c.TenantPowerPerKwMonth, 1), N(d.TenantPowerPerKwMonth, 1), N(d.TenantPowerPerKwMonth - c.TenantPowerPerKwMonth, 1), "-",
                Markup.Escape("not in the total: tenants pay it on top of rent"));
        }

        console.Write(breakdown);
        console.WriteLine();

        if (Training is { } t)
        {
            var job = new Table().Title(Fmt.Text($"Can a training job of {Scenario.Training!.JobAccelerators:#,0} accelerators span it? (reliability, closed forms)"))
                .AddColumn("figure").AddColumn(new TableColumn("campus (1 site)").RightAligned()).AddColumn(new TableColumn(Inputs.Units == 1 ? "1 standalone site" : Fmt.Text($"{Inputs.Units} sites, {N(Inputs.InterSiteDistanceKm, 0)} km")).RightAligned());
            job.AddRow("interruptions per day", N(t.Campus.LambdaPerHour * 24, 3), N(t.Distributed.LambdaPerHour * 24, 3));
            job.AddRow("P(no interruption in 24 h)", Fmt.Pct(t.Campus.PNoInterruption24h, 2), Fmt.Pct(t.Distributed.PNoInterruption24h, 2));
            job.AddRow("ETTR (Daly interval)", Fmt.Pct(t.Campus.Ettr, 2), Fmt.Pct(t.Distributed.Ettr, 2));
            job.AddRow("step-time efficiency", "n/a", "n/a");
            console.Write(job);
            console.WriteLine("  " + StepTimeNote);
            console.WriteLine();
        }
        else
        {
            console.WriteLine(Scenario.Training is null
                ? "Training across the layout: not assessed (add a training section; see suanli reliability)."
                : "Training across the layout: not assessed (the training section has no wan section for the links between sites).");
            console.WriteLine();
        }

        if (Sweep is { } rows)
        {
            var sweep = new Table().Title(Fmt.Text($"PUE and accounting break-even rent per leased kW-month ({Cur}) by occupancy"))
                .AddColumn(new TableColumn("occupancy").RightAligned()).AddColumn(new TableColumn("PUE campus").RightAligned()).AddColumn(new TableColumn("PUE distributed").RightAligned())
                .AddColumn(new TableColumn("break-even campus").RightAligned()).AddColumn(new TableColumn("break-even distributed").RightAligned());
            foreach (var r in rows)
            {
                sweep.AddRow(Fmt.Pct(r.Occupancy, 0), r.CampusPue is { } cp ? N(cp, 3) : "n/a", r.DistributedPue is { } dp ? N(dp, 3) : "n/a",
                    N(r.CampusBreakEvenRentPerLeasedKwMonth, 1), N(r.DistributedBreakEvenRentPerLeasedKwMonth, 1));
            }

            console.Write(sweep);
            console.WriteLine();
        }

        console.Write(allInputs ? InputsTable.Build(Scenario) : InputsTable.Build(Scenario, "layout.", "site.itCapacityMw", "site.staffFte", "site.vacancy", "site.rentPerKwMonth"));
        if (!allInputs)
        {
            console.WriteLine("Every input (site, training) with its source: add --inputs.");
        }

        console.WriteLine();
        console.WriteLine("What this says:");
        foreach (var line in Findings())
        {
            console.WriteLine("  - " + line);
        }

        console.WriteLine();
        console.WriteLine("Model (docs/layout.md): a campus is one plant of the total MW, each distributed site a plant of total / units; a plant of P MW has shared components at capex_ref x (P / P_ref)^(b - 1) per MW, staff FTE_ref x (P / P_ref)^c and design PUE 1 + (PUE_ref - 1) x (P / P_ref)^(b_pue - 1), with PUE(u) = 1 + k + f/u at IT utilisation u; CO2 = energy x grid factor; everything else as suanli econ.");
    }

    /// <summary>The comparison said in words, with its numbers.</summary>
    public IEnumerable<string> Findings()
    {
        var c = Comparison.Campus;
        var d = Comparison.Distributed;
        var s = Savings();
        if (Inputs.Units == 1)
        {
            var sameGrid = c.Sites[0].ElectricityPricePerKwh == d.Sites[0].ElectricityPricePerKwh && Inputs.Campus.GridEmissionKgPerKwh == (Inputs.DistributedSites?[0].GridEmissionKgPerKwh ?? Inputs.Distributed.GridEmissionKgPerKwh);
            yield return sameGrid
                ? Fmt.Text($"With one unit the campus and the standalone site are the same {Mw(Inputs.TotalItMw)} MW plant on the same grid: every figure is equal (PUE {N(c.PueFullLoad, 3)} at full load).")
                : Fmt.Text($"With one unit the campus and the standalone site are the same {Mw(Inputs.TotalItMw)} MW plant; they differ only by the grid and electricity price each layout is given.");
        }
        else
        {
            yield return Fmt.Text($"The campus needs {Less(c.CapexPerMw, d.CapexPerMw)} capex per MW ({Fmt.Millions(c.CapexPerMw)} vs {Fmt.Millions(d.CapexPerMw)} M {Cur}) and {N(d.StaffFte - c.StaffFte, 0)} fewer staff; its accounting break-even rent is {N(s.Total, 1)} {Cur} per kW-month lower ({Share(s.Total, d.AccountingBreakEvenRentPerKwMonth, 1)}).");
            yield return Fmt.Text($"Of that saving, shared plant gives {Share(s.SharedPlant, s.Total, 0)}, staff {Share(s.Staff, s.Total, 0)}, power {Share(s.Power, s.Total, 0)}, network and other {Share(s.NetworkAndOther, s.Total, 0)}.");
            yield return Fmt.Text($"{PueCause()}.");
        }

        yield return c.Pue is { } cp && d.Pue is { } dp
            ? Inputs.Units == 1 ? Fmt.Text($"At {Fmt.Pct(Comparison.Occupancy, 0)} occupancy the campus runs at PUE {N(cp, 3)}, the standalone site at {N(dp, 3)}.") : Fmt.Text($"At {Fmt.Pct(Comparison.Occupancy, 0)} occupancy the campus runs at PUE {N(cp, 3)} against {N(dp, 3)}: {N(d.EnergyMwhPerYear - c.EnergyMwhPerYear, 0)} MWh and {N(d.Co2TonnesPerYear - c.Co2TonnesPerYear, 0)} t CO2 a year less.")
            : Fmt.Text($"At {Fmt.Pct(Comparison.Occupancy, 0)} occupancy there is no IT load, so PUE is n/a; the plants' fixed overhead still draws {N(c.EnergyMwhPerYear, 0)} vs {N(d.EnergyMwhPerYear, 0)} MWh a year.");
        yield return Fmt.Text($"NPV: campus {Fmt.Millions(c.Npv)} vs distributed {Fmt.Millions(d.Npv)} M {Cur} (difference {Fmt.Millions(c.Npv - d.Npv)} M); economic break-even {(c.EconomicBreakEvenRentPerKwMonth is { } ce ? N(ce, 1) : "-")} vs {(d.EconomicBreakEvenRentPerKwMonth is { } de ? N(de, 1) : "-")} {Cur} per kW-month.");
        if (Training is { } t && Inputs.Units > 1)
        {
            yield return Fmt.Text($"A job spanning the {Inputs.Units} sites would be interrupted {N(t.Distributed.LambdaPerHour * 24, 2)} times a day against {N(t.Campus.LambdaPerHour * 24, 2)} on the campus (ETTR {Fmt.Pct(t.Distributed.Ettr, 1)} vs {Fmt.Pct(t.Campus.Ettr, 1)}); the bandwidth side is not modelled yet.");
        }
    }

    /// <summary>Why the layouts' design PUEs differ, with the numbers.</summary>
    private string PueCause() => PueSaving().Cause == "plantSize"
        ? Fmt.Text($"The campus's PUE advantage comes from the size of its plant: {PuePlants()} (from site.designPue at {Mw(Inputs.ReferenceMw)} MW)")
        : Fmt.Text($"No PUE advantage from plant size: {PuePlants()}");

    /// <summary>The two plants' sizes and design PUEs, short.</summary>
    private string PuePlants()
    {
        var p = PueSaving();
        return Fmt.Text($"design PUE {N(p.CampusDesignPue, 3)} at {Mw(p.CampusPlantItMw)} MW vs {N(p.DistributedDesignPue, 3)} at {Mw(p.DistributedPlantItMw)} MW, overhead ~ P^{N(Inputs.PueOverheadExponent, 2)}");
    }

    /// <summary>A number rounded for display, never "-0.0" for a value that rounds to zero.</summary>
    private static string N(double x, int decimals = 1) => Fmt.N(Math.Round(x, decimals) + 0.0, decimals);

    /// <summary>A capacity in MW: whole MW from 10 MW up, three significant digits below.</summary>
    private static string Mw(double mw) => mw >= 10 ? N(mw, 0) : mw.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"12.3% less" or "4.5% more"; "-" when the base is 0.</summary>
    private static string Less(double campus, double distributed) =>
        distributed == 0 ? "-" : campus <= distributed ? Fmt.Pct(1 - (campus / distributed), 1) + " less" : Fmt.Pct((campus / distributed) - 1, 1) + " more";

    /// <summary>part / whole as a percentage, or "-" when the whole is 0 (or the ratio is not finite).</summary>
    private static string Share(double part, double whole, int decimals) =>
        whole != 0 && double.IsFinite(part / whole) ? Fmt.Pct(Math.Round(part / whole, decimals + 2) + 0.0, decimals) : "-";

    /// <summary>A signed number that never reads "-0.0" or "-+0.0" for a value that rounds to zero.</summary>
    private static string Signed(double x, int decimals)
    {
        var rounded = Math.Round(x, decimals);
        var format = "+0." + new string('0', decimals) + ";-0." + new string('0', decimals);
        return rounded == 0 ? (0.0).ToString("+0." + new string('0', decimals), System.Globalization.CultureInfo.InvariantCulture) : rounded.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double? DeltaPercent(double? campus, double? distributed) =>
        campus is { } c && distributed is { } d && c != 0 && double.IsFinite((d - c) / Math.Abs(c)) ? (d - c) / Math.Abs(c) * 100 : null;
}
