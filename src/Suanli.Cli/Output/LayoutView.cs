using System.Globalization;
using Spectre.Console;
using Suanli.Analysis.Layout;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Reports;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli layout</c> in one language; it only formats what the result carries.</summary>
internal static class LayoutView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, LayoutAnalysisResult result, Words words, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cur = words.Currency(result.Currency);
        var width = View.Columns(console, options);
        View.Header(console, words, result.Header, "layout.title", ("currency", cur));

        console.Write(Figures(result, words, cur, width));
        console.WriteLine(words["layout.figures.deltaNote"]);
        if (result.PueNote is { } note)
        {
            console.WriteLine(words.Format("layout.figures.pueNote", ("text", words.Finding(note))));
        }

        console.WriteLine();
        console.Write(Savings(result, words, cur, width));
        console.WriteLine();

        var training = result.Training;
        if (training is { Campus: { } campus, Distributed: { } distributed })
        {
            console.Write(Training(result, campus, distributed, words));
            console.WriteLine("  " + words.Finding(training.Note));
        }
        else
        {
            console.WriteLine(words.Format("layout.training.notAssessed", ("text", words.Finding(training.Note))));
        }

        console.WriteLine();
        if (result.Sweep is { } rows)
        {
            console.Write(Sweep(rows, words, cur));
            console.WriteLine();
        }

        console.Write(options.Inputs
            ? View.Inputs(result.Header, words)
            : View.Inputs(result.Header, words, "layout.", "site.itCapacityMw", "site.staffFte", "site.vacancy", "site.rentPerKwMonth"));
        if (!options.Inputs)
        {
            console.WriteLine(words["layout.inputsHint"]);
        }

        console.WriteLine();
        console.WriteLine(words["layout.reading.title"]);
        foreach (var finding in result.Readings)
        {
            View.Bullet(console, words, words.Finding(finding));
        }

        console.WriteLine();
        View.ModelNotes(console, words, "layout.model.title", result.ModelNotes);
    }

    /// <summary>Both layouts side by side; at 80 columns the unit column keeps the unit and drops its note.</summary>
    private static Table Figures(LayoutAnalysisResult result, Words words, string cur, ViewWidth width)
    {
        var inputs = result.Inputs;
        var occupancy = result.Comparison.Occupancy;
        var title = words.Format(inputs.Units == 1 ? "layout.figures.titleOne" : "layout.figures.title",
            ("total", inputs.TotalItMw), ("units", inputs.Units), ("unit", inputs.UnitMw), ("occupancy", occupancy));
        var table = View.Table(title, words["layout.col.figure"], words["layout.col.campus"], words["layout.col.distributed"], words["layout.col.delta"], words["layout.col.unit"]);
        for (var i = 1; i <= 3; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        foreach (var f in result.Figures)
        {
            string Show(double? v) => v is not { } x ? words[f.Unit == Unit.Pue ? "value.none" : "layout.none"]
                : f.Unit switch
                {
                    Unit.Fraction => N(x * 100, 2) + "%",
                    Unit.Pue => N(x, 3),
                    Unit.Money or Unit.MoneyPerMw or Unit.MoneyPerMwYear or Unit.MoneyPerYear => N(x / 1e6, 2),
                    Unit.MoneyPerKwMonth => N(x, 1),
                    _ => N(x, 0),
                };
            var delta = f.DeltaPoints is { } points ? words.Format("layout.deltaPoints", ("value", Signed(points, 2)))
                : f.DeltaPercent is { } p ? Signed(p, 1) + "%"
                : words["layout.none"];
            var unit = words.Format("layout.unit." + f.Key, ("currency", cur));
            var noteKey = f.Key == "energyCostPerYear" && occupancy == 0 ? "layout.note.energyCostPerYearNoTenants" : "layout.note." + f.Key;
            var noteText = width == ViewWidth.Narrow ? string.Empty : words[noteKey];
            var shown = noteText.Length == 0 ? unit : unit.Length == 0 ? noteText : words.Format("layout.unitNote", ("unit", unit), ("note", noteText));
            table.AddRow(View.Cell(words["layout.figure." + f.Key]), View.Cell(Show(f.Campus)), View.Cell(Show(f.Distributed)), View.Cell(delta), View.Cell(shown));
        }

        return table;
    }

    /// <summary>Where the campus saves; the reasons column from 100 columns up (or with --wide).</summary>
    private static Table Savings(LayoutAnalysisResult result, Words words, string cur, ViewWidth width)
    {
        var s = result.Savings;
        var inputs = result.Inputs;
        var pue = result.PueAdvantage;
        var why = View.Shows(ViewWidth.Medium, width);
        string[] columns =
        [
            words["layout.savings.col.source"], words["layout.col.campus"], words["layout.col.distributed"], words["layout.savings.col.saving"], words["layout.savings.col.share"],
            .. why ? new[] { words["layout.savings.col.why"] } : [],
        ];
        var table = View.Table(words.Format(why ? "layout.savings.title" : "layout.savings.titleFolded", ("currency", cur)), columns);
        for (var i = 1; i <= 4; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        var reasons = new Dictionary<SavingsSource, string>
        {
            [SavingsSource.SharedPlant] = words.Format("layout.why.sharedPlant",
                ("components", inputs.SharedComponents.Order().Select(c => new Term("layout.component." + Words.Camel(c.ToString()))).ToList()),
                ("total", inputs.TotalItMw), ("unit", inputs.UnitMw), ("b", inputs.ScaleExponent)),
            [SavingsSource.Staff] = words.Format("layout.why.staff", ("campus", result.Comparison.Campus.StaffFte), ("distributed", result.Comparison.Distributed.StaffFte), ("c", inputs.StaffExponent)),
            [SavingsSource.Power] = words.Format("layout.why.power", ("campusPue", pue.CampusDesignPue), ("campusMw", pue.CampusPlantItMw),
                ("distributedPue", pue.DistributedDesignPue), ("distributedMw", pue.DistributedPlantItMw), ("exponent", inputs.PueOverheadExponent))
                + (result.PowerSavingGoesToTenants ? words["layout.why.powerToTenants"] : string.Empty),
            [SavingsSource.NetworkAndOther] = inputs.Units == 1 ? words["layout.why.noLinks"]
                : words.Format("layout.why.network", ("links", result.NetworkLinks), ("km", inputs.InterSiteDistanceKm), ("gbps", inputs.NetworkGbpsPerLink)),
        };
        void Row(string label, SavingsLine line, string share, string reason, bool bold = false)
        {
            var cells = new List<string> { words[label], N(line.Campus, 1), N(line.Distributed, 1), N(line.Saving, 1), share };
            if (why)
            {
                cells.Add(reason);
            }

            table.AddRow([.. cells.Select((c, i) => bold && i is 0 or 3 ? new Markup("[bold]" + Markup.Escape(c) + "[/]") : View.Cell(c))]);
        }

        foreach (var line in s.Lines)
        {
            Row("layout.savings." + Words.Camel(line.Source.ToString()), line, line.Share is { } sh ? Share(sh) : words["layout.none"], reasons[line.Source]);
        }

        Row("layout.savings.total", new SavingsLine(SavingsSource.Power, s.CampusTotal, s.DistributedTotal, s.Total, null),
            s.HasSaving ? Share(1) : words["layout.none"], string.Empty, bold: true);
        if (result.PowerPassThrough)
        {
            Row("layout.savings.tenantPower", s.TenantPower, words["layout.none"], words["layout.why.tenantPower"]);
        }

        return table;
    }

    private static Table Training(LayoutAnalysisResult result, LayoutTrainingSide campus, LayoutTrainingSide distributed, Words words)
    {
        var inputs = result.Inputs;
        var other = inputs.Units == 1 ? words["layout.training.colOneSite"]
            : words.Format("layout.training.colSites", ("sites", distributed.Sites), ("km", distributed.DistanceKm));
        var table = View.Table(words.Format("layout.training.title", ("accelerators", result.Training.JobAccelerators ?? 0)),
            words["layout.col.figure"], words["layout.training.colCampus"], other);
        table.Columns[1].RightAligned().NoWrap();
        table.Columns[2].RightAligned().NoWrap();
        void Row(string label, string c, string d) => table.AddRow(View.Cell(words[label]), View.Cell(c), View.Cell(d));
        Row("layout.training.interruptions", N(campus.InterruptionsPerDay, 3), N(distributed.InterruptionsPerDay, 3));
        Row("layout.training.pNoInterruption", N(campus.PNoInterruption24h * 100, 2) + "%", N(distributed.PNoInterruption24h * 100, 2) + "%");
        Row("layout.training.interval", N(campus.ClosedForms.IntervalMinutes, 1), N(distributed.ClosedForms.IntervalMinutes, 1));
        Row(result.Training.IntervalIsDaly ? "layout.training.ettrDaly" : "layout.training.ettrGiven", N(campus.Ettr * 100, 2) + "%", N(distributed.Ettr * 100, 2) + "%");
        if (result.Training.Step is { } step)
        {
            Row("layout.training.stepTime", N(step.CampusEfficiency * 100, 1) + "%", N(step.DistributedEfficiency * 100, 1) + "%");
            Row("layout.training.effective", "100.0%", N(step.EffectiveThroughput * 100, 1) + "%");
            if (inputs.Units > 1)
            {
                table.AddRow(View.Cell(words.Format("layout.training.requiredGbps", ("target", step.TargetEfficiency))), View.Cell(words["value.none"]),
                    View.Cell(step.RequiredGbpsPerLink is { } g ? N(g, 0) : words["value.none"]));
            }
        }
        else
        {
            Row("layout.training.stepTime", words["value.none"], words["value.none"]);
        }
        return table;
    }

    private static Table Sweep(IReadOnlyList<Suanli.Core.Layout.OccupancyRow> rows, Words words, string cur)
    {
        var table = View.Table(words.Format("layout.sweep.title", ("currency", cur)), words["layout.sweep.occupancy"], words["layout.sweep.pueCampus"],
            words["layout.sweep.pueDistributed"], words["layout.sweep.breakEvenCampus"], words["layout.sweep.breakEvenDistributed"]);
        foreach (var column in table.Columns)
        {
            column.RightAligned();
        }

        foreach (var r in rows)
        {
            table.AddRow(View.Cell(N(r.Occupancy * 100, 0) + "%"), View.Cell(r.CampusPue is { } cp ? N(cp, 3) : words["value.none"]),
                View.Cell(r.DistributedPue is { } dp ? N(dp, 3) : words["value.none"]),
                View.Cell(N(r.CampusBreakEvenRentPerLeasedKwMonth, 1)), View.Cell(N(r.DistributedBreakEvenRentPerLeasedKwMonth, 1)));
        }

        return table;
    }

    /// <summary>A number rounded for display, never "-0.0" for a value that rounds to zero.</summary>
    private static string N(double x, int decimals) => Words.N(Math.Round(x, decimals) + 0.0, decimals);

    /// <summary>A share with one decimal, never "-0.0%".</summary>
    private static string Share(double fraction) => N(fraction * 100, 1) + "%";

    /// <summary>A signed number that never reads "-0.0" or "-+0.0" for a value that rounds to zero.</summary>
    private static string Signed(double x, int decimals)
    {
        var rounded = Math.Round(x, decimals);
        var zeros = new string('0', decimals);
        if (rounded == 0)
        {
            return 0.0.ToString("+0." + zeros, Inv);
        }

        // Past 1e15 the figure is in scientific notation, which carries no '+' of its own.
        var text = NumberFormat.Fixed(rounded, "+#,0." + zeros + ";-#,0." + zeros);
        return text[0] is '+' or '-' ? text : "+" + text;
    }
}
