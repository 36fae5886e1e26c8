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
            irrNote = r.Irr.Note,
            costStackPerKwMonth = r.CostStackPerKwMonth.Lines.ToDictionary(kv => kv.Key, kv => kv.Value),
            sites = r.Sites.Count,
            siteItMw = r.Sites[0].ItCapacityMw,
        };

        var delta = Metrics.Where(m => m.Key != "irr").ToDictionary(m => m.Key, m => DeltaPercent(m.Value(Comparison.Campus), m.Value(Comparison.Distributed)));
        var savings = Savings();
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
            campus = Side(Comparison.Campus),
            distributed = Side(Comparison.Distributed),
            deltaPercent = delta,
            savingsBreakdownPerKwMonth = new { sharedPlant = savings.SharedPlant, staff = savings.Staff, power = savings.Power, networkAndOther = savings.NetworkAndOther, total = savings.Total },
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
        var table = new Table().Title(Fmt.Text($"{Fmt.N(Inputs.TotalItMw, 0)} MW: one campus of {Inputs.Units} x {Fmt.N(Inputs.UnitMw, 0)} MW halls vs {Inputs.Units} standalone {Fmt.N(Inputs.UnitMw, 0)} MW sites, at {Fmt.Pct(Comparison.Occupancy, 0)} occupancy"))
            .AddColumn("figure").AddColumn(new TableColumn("campus").RightAligned()).AddColumn(new TableColumn("distributed").RightAligned()).AddColumn(new TableColumn("Δ").RightAligned()).AddColumn("unit");
        foreach (var (key, label, value, unit, money) in Metrics)
        {
            string Show(double? v) => v is not { } x ? "-"
                : key == "irr" ? Fmt.Pct(x, 2)
                : key is "pue" or "pueFullLoad" ? Fmt.N(x, 3)
                : money ? Fmt.Millions(x)
                : Fmt.N(x, key.Contains("Rent", StringComparison.Ordinal) ? 1 : 0);
            var delta = key == "irr" ? (c.Irr.AnnualRate is { } ci && d.Irr.AnnualRate is { } di ? Fmt.Text($"{(di - ci) * 100:+0.00;-0.00} pts") : "-")
                : DeltaPercent(value(c), value(d)) is { } p ? Fmt.Text($"{p:+0.0;-0.0}%") : "-";
            table.AddRow(Markup.Escape(label), Show(value(c)), Show(value(d)), delta, Markup.Escape(money ? $"M {Cur} {unit}".TrimEnd() : key.Contains("Rent", StringComparison.Ordinal) ? Cur + " " + unit : unit));
        }

        console.Write(table);
        console.WriteLine("Δ = (distributed - campus) / campus.");
        console.WriteLine();

        var s = Savings();
        var breakdown = new Table().Title(Fmt.Text($"Where the campus saves: accounting cost per built kW-month ({Cur}), fully leased"))
            .AddColumn("source").AddColumn(new TableColumn("campus").RightAligned()).AddColumn(new TableColumn("distributed").RightAligned()).AddColumn(new TableColumn("saving").RightAligned()).AddColumn(new TableColumn("share").RightAligned()).AddColumn("why");
        void Line(string source, double campus, double distributed, string why) =>
            breakdown.AddRow(Markup.Escape(source), Fmt.N(campus, 1), Fmt.N(distributed, 1), Fmt.N(distributed - campus, 1), s.Total != 0 ? Fmt.Pct((distributed - campus) / s.Total) : "-", Markup.Escape(why));
        var cs = c.CostStackPerKwMonth;
        var ds = d.CostStackPerKwMonth;
        Line("shared plant", cs.Depreciation + cs.Maintenance + cs.InsuranceAndPropertyTax, ds.Depreciation + ds.Maintenance + ds.InsuranceAndPropertyTax,
            Fmt.Text($"{string.Join(", ", Inputs.SharedComponents.Select(x => x.ToString().ToLowerInvariant()))} at {Fmt.N(Inputs.TotalItMw, 0)} vs {Fmt.N(Inputs.UnitMw, 0)} MW scale, b = {Fmt.N(Inputs.ScaleExponent, 2)}"));
        Line("staff", cs.Staff, ds.Staff, Fmt.Text($"{Fmt.N(c.StaffFte, 0)} vs {Fmt.N(d.StaffFte, 0)} FTE, c = {Fmt.N(Inputs.StaffExponent, 2)}"));
        Line("power (PUE)", cs.Power, ds.Power, Inputs.BaseSite.PowerPricing == PowerPricing.PassThrough ? "tenants pay metered power: the PUE saving goes to them (energy rows above)" : Fmt.Text($"design PUE {Fmt.N(Inputs.Campus.DesignPue, 2)} vs {Fmt.N(Inputs.Distributed.DesignPue, 2)}"));
        Line("network and other", cs.OtherOpex, ds.OtherOpex, Fmt.Text($"{TrainingReliability.LinksFor(Inputs.Topology, Inputs.Units)} link(s) x {Fmt.N(Inputs.InterSiteDistanceKm, 0)} km x {Fmt.N(Inputs.NetworkGbpsPerLink, 0)} Gbps"));
        breakdown.AddRow("[bold]total[/]", Fmt.N(cs.Total, 1), Fmt.N(ds.Total, 1), "[bold]" + Fmt.N(s.Total, 1) + "[/]", "100.0%", string.Empty);
        console.Write(breakdown);
        console.WriteLine();

        if (Training is { } t)
        {
            var job = new Table().Title(Fmt.Text($"Can a training job of {Scenario.Training!.JobAccelerators:#,0} accelerators span it? (reliability, closed forms)"))
                .AddColumn("figure").AddColumn(new TableColumn("campus (1 site)").RightAligned()).AddColumn(new TableColumn(Fmt.Text($"{Inputs.Units} sites, {Fmt.N(Inputs.InterSiteDistanceKm, 0)} km")).RightAligned());
            job.AddRow("interruptions per day", Fmt.N(t.Campus.LambdaPerHour * 24, 3), Fmt.N(t.Distributed.LambdaPerHour * 24, 3));
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
                sweep.AddRow(Fmt.Pct(r.Occupancy, 0), Fmt.N(r.CampusPue, 3), Fmt.N(r.DistributedPue, 3), Fmt.N(r.CampusBreakEvenRentPerLeasedKwMonth, 1), Fmt.N(r.DistributedBreakEvenRentPerLeasedKwMonth, 1));
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
        console.WriteLine("Model (docs/layout.md): shared components cost capex_ref x (P / P_ref)^(b - 1) per MW at plant scale P, staff FTE_ref x (P / P_ref)^c; a campus is one plant of the total MW, each distributed site a plant of total / units; PUE(u) = 1 + k + f/u per layout; CO2 = energy x grid factor; everything else as suanli econ.");
    }

    /// <summary>The comparison said in words, with its numbers.</summary>
    public IEnumerable<string> Findings()
    {
        var c = Comparison.Campus;
        var d = Comparison.Distributed;
        var s = Savings();
        yield return Fmt.Text($"The campus needs {Fmt.Pct(1 - c.CapexPerMw / d.CapexPerMw, 1)} less capex per MW ({Fmt.Millions(c.CapexPerMw)} vs {Fmt.Millions(d.CapexPerMw)} M {Cur}) and {Fmt.N(d.StaffFte - c.StaffFte, 0)} fewer staff; its accounting break-even rent is {Fmt.N(s.Total, 1)} {Cur} per kW-month lower ({Fmt.Pct(s.Total / d.AccountingBreakEvenRentPerKwMonth, 1)}).");
        yield return Fmt.Text($"Of that saving, shared plant gives {Share(s.SharedPlant)}, staff {Share(s.Staff)}, power {Share(s.Power)}, network and other {Share(s.NetworkAndOther)}.");
        yield return Fmt.Text($"At {Fmt.Pct(Comparison.Occupancy, 0)} occupancy the campus runs at PUE {Fmt.N(c.Pue, 3)} against {Fmt.N(d.Pue, 3)}: {Fmt.N(d.EnergyMwhPerYear - c.EnergyMwhPerYear, 0)} MWh and {Fmt.N(d.Co2TonnesPerYear - c.Co2TonnesPerYear, 0)} t CO2 a year less.");
        yield return Fmt.Text($"NPV: campus {Fmt.Millions(c.Npv)} vs distributed {Fmt.Millions(d.Npv)} M {Cur} (difference {Fmt.Millions(c.Npv - d.Npv)} M); economic break-even {(c.EconomicBreakEvenRentPerKwMonth is { } ce ? Fmt.N(ce, 1) : "-")} vs {(d.EconomicBreakEvenRentPerKwMonth is { } de ? Fmt.N(de, 1) : "-")} {Cur} per kW-month.");
        if (Training is { } t)
        {
            yield return Fmt.Text($"A job spanning the {Inputs.Units} sites would be interrupted {Fmt.N(t.Distributed.LambdaPerHour * 24, 2)} times a day against {Fmt.N(t.Campus.LambdaPerHour * 24, 2)} on the campus (ETTR {Fmt.Pct(t.Distributed.Ettr, 1)} vs {Fmt.Pct(t.Campus.Ettr, 1)}); the bandwidth side is not modelled yet.");
        }

        string Share(double part) => s.Total != 0 ? Fmt.Pct(part / s.Total, 0) : "-";
    }

    private static double? DeltaPercent(double? campus, double? distributed) =>
        campus is { } c && distributed is { } d && c != 0 ? (d - c) / Math.Abs(c) * 100 : null;
}
