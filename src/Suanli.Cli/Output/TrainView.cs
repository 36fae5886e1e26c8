using System.Globalization;
using Spectre.Console;
using Suanli.Analysis.Compute;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Reports;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli train</c> in one language; it only formats what the result carries.</summary>
internal static class TrainView
{
    public static void Write(IAnsiConsole console, TrainResult result, Words words, ViewOptions options)
    {
        var e = result.Estimate;
        var run = result.Run;
        var m = run.Model;
        var width = View.Columns(console, options);
        console.WriteLine(words.Format("compute.train.title", ("name", m.Name), ("model", m.Id), ("active", m.ActiveParamsBillion), ("total", m.TotalParamsBillion),
            ("tokens", ComputeView.Sci(e.Stages.Sum(s => s.Stage.Tokens), "0.###e+0"))));
        ComputeView.Origin(console, words, result.Header, result.FromScenario);
        console.Write(Summary(result, words));
        console.WriteLine();

        if (run.Stages is { Count: > 0 })
        {
            console.Write(Stages(result, words, width));
            console.WriteLine();
        }

        if (e.Fleet.Count > 1)
        {
            console.Write(Fleet(result, words));
            View.Bullet(console, words, words.Format("compute.fleet.straggler", ("penalty", run.StragglerPenalty)));
            console.WriteLine();
        }

        foreach (var f in result.Findings.Where(f => f.Level == FindingLevel.Warning))
        {
            console.WriteLine(words.Format("line.warning", ("text", words.Finding(f))));
            console.WriteLine();
        }

        Published(console, result, words);
        if (result.Dense is { } d)
        {
            console.Write(Dense(result, d, words));
            foreach (var f in result.Findings.Where(f => f.Code.StartsWith("compute.dense.", StringComparison.Ordinal)))
            {
                View.Bullet(console, words, words.Finding(f));
            }

            console.WriteLine();
        }

        ComputeView.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options);
    }

    private static Table Summary(TrainResult result, Words words)
    {
        var e = result.Estimate;
        var run = result.Run;
        var table = View.FigureTable(words["compute.train.summary"], words);
        void Row(string key, string value, string note) => table.AddRow(View.Cell(words["compute.train.row." + key]), View.Cell(value), View.Cell(note));
        string Pct(double x) => words.Strings.FormatValue(x, "pct1");
        var precision = ComputeTerms.Precision(run.Precision);

        var unavailable = e.Fleet.Where(f => f.Availability < 1).Select(f => words.Format("compute.train.note.available", ("accelerator", f.AcceleratorId), ("availability", f.Availability))).ToList();
        Row("fleet", Words.N(e.Fleet.Sum(f => f.Count), 0), words.Format("compute.train.note.fleet",
            ("members", string.Join(" + ", e.Fleet.Select(f => words.Format("compute.train.fleetMember", ("count", f.Count), ("accelerator", f.AcceleratorId))))),
            ("availability", unavailable.Count == 0 ? words["compute.train.note.allAvailable"] : string.Join(words["list.separator"], unavailable))));
        var peaks = string.Join(words["list.separator"], result.Peaks.Select(p => words.Format("compute.train.peak", ("tflops", p.PeakTflops), ("accelerator", p.AcceleratorId))));
        Row("mfu", Pct(run.Mfu), words.Format("compute.train.note.mfu", ("precision", precision), ("peaks", peaks), ("source", words.Finding(result.MfuSource))));
        if (run.Precision != Precision.Bf16 || e.Stages.Any(s => s.Stage.Precision != Precision.Bf16))
        {
            Row("bf16Utilisation", Pct(e.UtilisationOfBf16Peak), words["compute.train.note.bf16Utilisation"]);
        }

        if (Math.Abs(e.EffectiveMfu - run.Mfu) > 1e-9 && e.Stages.Count == 1)
        {
            Row("effectiveMfu", Pct(e.EffectiveMfu), words.Format("compute.train.note.effectiveMfu", ("penalty", run.StragglerPenalty)));
        }

        Row("hfu", Pct(e.Hfu), run.Recompute == Recompute.None && e.Stages.All(s => s.Stage.Recompute == Recompute.None)
            ? words["compute.train.note.hfuNone"]
            : words.Format("compute.train.note.hfu", ("recompute", words[ComputeTerms.Recompute(run.Recompute).Key]), ("hardware", ComputeView.Sci(e.HardwareFlops)),
                ("factor", result.HardwarePerModelFlops)));
        Row("ettr", Pct(run.Ettr), words["compute.train.note.ettr." + Words.Camel(result.EttrSource.ToString())]);
        Row("trainingFlops", ComputeView.Sci(e.TrainingFlops, "0.000e+00"), e.AttentionTermFlops > 0
            ? words.Format("compute.train.note.flopsAttention", ("dense", ComputeView.Sci(e.DenseTermFlops)), ("attention", ComputeView.Sci(e.AttentionTermFlops)))
            : words["compute.train.note.flops"]);
        Row("delivered", Words.N(e.DeliveredFlopsPerSecond / 1e15, 1), words["compute.train.note.delivered"]);
        Row("wallClock", Words.N(e.WallClockDays, 1), words["compute.train.note.days"]);
        Row("acceleratorHours", Words.N(e.AcceleratorHours, 0), words["compute.train.note.acceleratorHours"]);
        Row("power", Words.N(e.PowerMw, 2), words.Format("compute.train.note.power", ("powerFraction", run.PowerFraction), ("host", run.HostWattsPerAccelerator), ("pue", run.Pue)));
        Row("energy", Words.N(e.EnergyMwh, 0), words.Format("compute.train.note.energy", ("gwh", e.EnergyMwh / 1000)));
        var costBasis = ComputeWords.CostBasis(result.Prices, result.PricesPerChipType, words);
        Row("cost", e.Cost is { } cost ? words.Quantity(cost.Amount, Unit.Money, cost.Currency) : words["value.none"], costBasis);
        if (result.CostInOtherCurrency is { } other)
        {
            Row("costOther", words.Quantity(other.Amount, Unit.Money, other.Currency), words.Format("compute.train.note.costOther",
                ("rate", result.RunFx.Rate.RmbPerUsd), ("basis", ComputeWords.FxBasis(result.RunFx, words, withSource: true))));
        }

        Row("brainRatio", ComputeView.Sci(e.BrainEquivalentRatio, "0.00e+0"), words.Format("compute.train.note.brainRatio", ("watts", ComputeDefaults.BrainWatts)));
        Row("brainEnergy", Words.N(result.BrainEnergyKwhOverWallClock, 1), words.Format("compute.train.note.brainEnergy", ("years", result.BrainYearsOnTrainingEnergy)));
        return table;
    }

    private static Table Stages(TrainResult result, Words words, ViewWidth width)
    {
        var e = result.Estimate;
        var m = result.Run.Model;
        string Pct(double x) => words.Strings.FormatValue(x, "pct1");
        string Cost(Money? c) => c is { } v ? words.Quantity(v.Amount, Unit.Money, v.Currency) : "-";
        (string Key, Func<StageEstimate, string> Cell, string Total, ViewWidth From)[] columns =
        [
            ("stage", s => s.Stage.Name, words["compute.stage.total"], ViewWidth.Narrow),
            ("tokens", s => ComputeView.Sci(s.Stage.Tokens, "0.###e+0"), ComputeView.Sci(e.Stages.Sum(s => s.Stage.Tokens), "0.###e+0"), ViewWidth.Narrow),
            ("precision", s => ComputeTerms.Precision(s.Stage.Precision), string.Empty, ViewWidth.Medium),
            ("mfu", s => Pct(s.Stage.Mfu), string.Empty, ViewWidth.Narrow),
            ("hfu", s => Pct(s.Hfu), Pct(e.Hfu), ViewWidth.Medium),
            ("sequence", s => (s.Stage.SequenceLength ?? m.SequenceLength) is { } q ? Words.N(q, 0) : "-", string.Empty, ViewWidth.Wide),
            ("days", s => Words.N(s.WallClockSeconds / 86_400, 1), Words.N(e.WallClockDays, 1), ViewWidth.Narrow),
            ("acceleratorHours", s => Words.N(s.AcceleratorHours, 0), Words.N(e.AcceleratorHours, 0), ViewWidth.Narrow),
            ("cost", s => Cost(s.Cost), Cost(e.Cost), ViewWidth.Narrow),
        ];
        var shown = columns.Where(c => View.Shows(c.From, width)).ToList();
        var table = View.Table(words[width == ViewWidth.Wide ? "compute.stage.title" : "compute.stage.titleFolded"], [.. shown.Select(c => words["compute.stage." + c.Key])]);
        for (var i = 1; i < shown.Count; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        foreach (var s in e.Stages)
        {
            table.AddRow([.. shown.Select(c => View.Cell(c.Cell(s)))]);
        }

        table.AddRow([.. shown.Select(c => View.Cell(c.Total))]);
        return table;
    }

    private static Table Fleet(TrainResult result, Words words)
    {
        var e = result.Estimate;
        var table = View.Table(words["compute.fleet.title"], words["compute.fleet.accelerator"], words["compute.fleet.count"], words["compute.fleet.share"],
            words["compute.fleet.acceleratorHours"], words["compute.fleet.mw"], words["compute.fleet.cost"]);
        for (var i = 1; i < 6; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        for (var i = 0; i < e.Fleet.Count; i++)
        {
            var f = e.Fleet[i];
            table.AddRow(View.Cell(f.AcceleratorId), View.Cell(Words.N(f.Count, 0)), View.Cell(words.Strings.FormatValue(result.FleetShares[i], "pct1")),
                View.Cell(Words.N(f.AcceleratorHours, 0)), View.Cell(Words.N(f.PowerWatts / 1e6, 2)),
                View.Cell(f.Cost is { } c ? words.Quantity(c.Amount, Unit.Money, c.Currency) : "-"));
        }

        return table;
    }

    private static void Published(IAnsiConsole console, TrainResult result, Words words)
    {
        if (result.PublishedRows.Count == 0)
        {
            return;
        }

        var m = result.Run.Model;
        var precision = ComputeTerms.Precision(m.ReportedPrecision ?? Precision.Bf16);
        var table = View.Table(words["compute.published.title"], words["col.figure"], words["compute.published.published"], words["compute.published.thisRun"], "Δ");
        for (var i = 1; i < 4; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        string Delta(double? d) => d is { } v ? (v >= 0 ? "+" : string.Empty) + words.Strings.FormatValue(v, "pct1") : "-";
        foreach (var row in result.PublishedRows)
        {
            var (label, published, mine) = row.Key switch
            {
                "trainingFlops" => (words["compute.published.row.trainingFlops"], ComputeView.Sci(row.Published), ComputeView.Sci(row.ThisRun!.Value)),
                "acceleratorHours" => (words.Format(result.SameFleetAsPublished ? "compute.published.row.acceleratorHours" : "compute.published.row.acceleratorHoursOther",
                    ("accelerator", m.ReportedAccelerator ?? "-")), Words.N(row.Published, 0), Words.N(row.ThisRun!.Value, 0)),
                "cost" => (words["compute.published.row.cost"], PublishedCost(result, words), row.ThisRun is { } c ? words.Quantity(c, Unit.Money, result.Estimate.Cost!.Value.Currency) : "-"),
                _ => (words.Format(result.UtilisationRebased ? "compute.published.row.utilisationRebased" : "compute.published.row.utilisation",
                    ("basis", words["compute.published.basis." + row.Key]), ("precision", precision)),
                    words.Strings.FormatValue(row.Published, "pct1"), row.ThisRun is { } u ? words.Strings.FormatValue(u, "pct1") : "-"),
            };
            table.AddRow(View.Cell(label), View.Cell(published), View.Cell(mine), View.Cell(Delta(row.Deviation)));
        }

        console.Write(table);
        if (m.ReportedCost is { } cost && result.PublishedCostInRunCurrency is { } converted && converted.Currency != cost.Currency)
        {
            View.Bullet(console, words, words.Format("compute.published.costConverted", ("rate", result.PublishedFx.Rate.RmbPerUsd),
                ("basis", ComputeWords.FxBasis(result.PublishedFx, words, withSource: true))));
        }

        foreach (var f in result.Published.Findings)
        {
            View.Bullet(console, words, words.Finding(f));
        }

        if (m.ReportedNote is { } note)
        {
            View.Bullet(console, words, words.Format("compute.published.catalogNote", ("note", note)));
        }

        console.WriteLine();
    }

    private static string PublishedCost(TrainResult result, Words words)
    {
        var reported = result.Run.Model.ReportedCost!.Value;
        var text = words.Quantity(reported.Amount, Unit.Money, reported.Currency);
        return result.PublishedCostInRunCurrency is { } conv && conv.Currency != reported.Currency
            ? words.Format("compute.published.converted", ("from", text), ("to", words.Quantity(conv.Amount, Unit.Money, conv.Currency)))
            : text;
    }

    private static Table Dense(TrainResult result, DenseComparison d, Words words)
    {
        var m = result.Run.Model;
        var table = View.Table(words.Format("compute.dense.title", ("total", m.TotalParamsBillion)), words["col.figure"], m.Id, words["compute.dense.dense"], words["compute.dense.ratio"]);
        for (var i = 1; i < 4; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        var currency = result.Estimate.Cost?.Currency;
        foreach (var row in d.Rows)
        {
            string Value(double x) => row.Unit switch
            {
                Unit.Flop => ComputeView.Sci(x),
                Unit.Money => words.Quantity(x, Unit.Money, currency),
                Unit.Days => Words.N(x, 1),
                _ => Words.N(x, 0),
            };
            table.AddRow(View.Cell(words["compute.dense.row." + row.Key]), View.Cell(Value(row.Moe)), View.Cell(Value(row.Dense)),
                View.Cell(words.Format("unit.times", ("value", Words.N(row.Ratio, 2)))));
        }

        return table;
    }
}

/// <summary>What the compute views share: where the inputs came from, numbers in scientific notation, the closing inputs and notes.</summary>
internal static class ComputeView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A number in scientific notation (FLOPs, tokens).</summary>
    public static string Sci(double x, string format = "0.00e+00") => x.ToString(format, Inv);

    /// <summary>The scenario and the overrides applied, or the options given on the command line.</summary>
    public static void Origin(IAnsiConsole console, Words words, ResultHeader header, bool fromScenario)
    {
        if (fromScenario)
        {
            console.WriteLine(words.Format("compute.view.scenario", ("scenario", header.Scenario), ("origin", header.Origin)));
            if (words.ScenarioDescription(header) is { } d)
            {
                console.WriteLine(d);
            }

            var flags = Flags(header);
            console.WriteLine(header.Overrides.Count == 0
                ? words["view.noOverrides"]
                : words.Format("view.overrides", ("overrides", string.Join(" ", header.Overrides.Select(o => "--set " + o)))));
            if (flags.Length > 0)
            {
                console.WriteLine(words.Format("compute.view.options", ("options", flags)));
            }
        }
        else
        {
            console.WriteLine(words.Format("compute.view.commandLine", ("options", Flags(header))));
        }

        console.WriteLine();
    }

    /// <summary>The inputs table when asked for (<c>--inputs</c>), the model's simplifications, and else the hint that shows how to ask.</summary>
    public static void InputsAndModelNotes(IAnsiConsole console, Words words, ResultHeader header, IEnumerable<string> modelNotes, ViewOptions options) =>
        View.InputsAndModelNotes(console, words, header, modelNotes, options, "compute.model.title", "compute.view.inputsHint");

    private static string Flags(ResultHeader header) => string.Join(" ", header.Inputs.Where(i => i.Origin == InputOrigin.CommandLine)
        .Select(i => i.Value == "true" ? i.Path : i.Path + " " + i.Value));
}
