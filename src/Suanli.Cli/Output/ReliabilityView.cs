using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Suanli.Analysis.Reliability;
using Suanli.Analysis.Results;
using Suanli.Core.Reliability;
using Suanli.Reports;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli reliability</c> in one language; it only formats what the result carries.</summary>
internal static class ReliabilityView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, ReliabilityResult result, Words words, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        var width = View.Columns(console, options);
        View.Header(console, words, result.Header, "reliability.title");
        foreach (var w in result.Warnings)
        {
            console.WriteLine(words.Format("line.warning", ("text", words.Finding(w.Finding))));
        }

        if (result.Warnings.Count > 0)
        {
            console.WriteLine();
        }

        console.Write(Summary(result, words));
        console.WriteLine();
        console.Write(Terms(result, words, width));
        console.WriteLine();
        if (result.Simulated is { } simulated)
        {
            console.Write(Simulation(result, simulated, words));
            console.WriteLine();
        }

        if (result.IntervalSearch is { } search)
        {
            console.Write(Interval(search, words));
            console.WriteLine();
        }

        if (result.Sweep is { } sweep)
        {
            console.Write(Sweep(sweep, words, width));
            console.WriteLine();
        }

        if (options.Inputs)
        {
            console.Write(View.Inputs(result.Header, words, "training."));
            console.WriteLine();
        }

        console.WriteLine(words["reliability.reading.title"]);
        foreach (var f in result.Findings)
        {
            View.Bullet(console, words, words.Finding(f));
        }

        console.WriteLine();
        View.ModelNotes(console, words, "reliability.model.title", result.ModelNotes);
        if (!options.Inputs)
        {
            console.WriteLine(words["view.inputsHint"]);
        }
    }

    private static Table Summary(ReliabilityResult result, Words words)
    {
        var c = result.Closed;
        var m = result.Model;
        var table = View.FigureTable(words["reliability.summary.title"], words);
        void Row(string figure, string value, string note) => table.AddRow(View.Cell(words[figure]), View.Cell(value), View.Cell(note));

        Row("reliability.row.job", Words.N(m.JobAccelerators, 0), words.Format("reliability.note.job", ("nodes", m.JobNodes), ("spares", m.SpareNodes)));
        Row("reliability.row.sites", Words.N(m.Sites, 0), m.Sites > 1
            ? words.Format("reliability.note.sitesMany", ("topology", new Term("reliability.topology." + Words.Camel(m.Topology.ToString()))), ("links", m.Links),
                ("distanceKm", m.DistanceKm), ("rttMs", m.RoundTripMs))
            : words["reliability.note.sitesOne"]);
        Row("reliability.row.horizon", Words.N(m.HorizonDays, 1), words["reliability.note.days"]);
        Row("reliability.row.lambda", Words.N(c.LambdaPerHour * 24, 3), words.Format("reliability.note.lambda", ("perHour", NumberFormat.Fixed(c.LambdaPerHour, "0.######"))));
        Row("reliability.row.mtti", double.IsFinite(c.MttiHours) ? Words.N(c.MttiHours, 2) : words["reliability.word.never"], words["reliability.note.mtti"]);
        var expectedNote = result.Calibration is { } cal
            ? words.Format("reliability.note.expectedCalibration", ("published", cal.Check.PublishedInterruptions), ("accelerators", cal.Check.JobAccelerators), ("days", cal.Check.Days))
            : result.PublishedInterruptions is { } p ? words.Format("reliability.note.expectedPublished", ("published", p)) : words["reliability.note.expected"];
        Row("reliability.row.expected", Words.N(c.ExpectedInterruptions, 1), expectedNote);
        Row("reliability.row.pClean24h", Probability(words, c.PNoInterruption24h), words["reliability.note.pClean24h"]);
        Row("reliability.row.pCleanHorizon", Probability(words, c.PNoInterruptionHorizon), words["reliability.note.pCleanHorizon"]);
        Row("reliability.row.young", Words.N(c.YoungIntervalMinutes, 2), words.Format("reliability.note.young", ("blockingMinutes", m.CheckpointBlockingMinutes)));
        Row("reliability.row.daly", Words.N(c.DalyIntervalMinutes, 2), words["reliability.note.daly"]);
        Row("reliability.row.interval", Words.N(c.IntervalMinutes, 2),
            words[m.CheckpointIntervalMinutes is null ? "reliability.note.intervalAuto" : "reliability.note.intervalScenario"]);
        Row("reliability.row.ettr", Pct(words, c.Ettr, 2), words.Format("reliability.note.ettr", ("restartMinutes", m.DetectionMinutes + m.RestartMinutes)));
        Row("reliability.row.ettrFirstOrder", c.EttrFirstOrderWhereItHolds is { } firstOrder ? Pct(words, firstOrder, 2) : words["value.none"],
            words[c.FirstOrderHolds ? "reliability.note.ettrFirstOrder" : "reliability.note.ettrFirstOrderDoesNotHold"]);
        return table;
    }

    /// <summary>The terms of λ, largest first: the columns that fit (units and MTBF from 100 columns, all with <c>--wide</c>).</summary>
    private static Table Terms(ReliabilityResult result, Words words, ViewWidth width)
    {
        var published = result.PublishedInterruptions is not null;
        var lambda = result.Closed.LambdaPerHour;
        (string Header, bool Number, Func<ReliabilityTerm, string> Cell, string Total, ViewWidth From)[] columns =
        [
            (words["reliability.col.term"], false, t => TermName(t, words), words["reliability.terms.total"], ViewWidth.Narrow),
            (words["reliability.col.units"], true, t => Words.N(t.Term.Units, t.Term.Units == Math.Floor(t.Term.Units) ? 0 : 2), string.Empty, ViewWidth.Medium),
            (words["reliability.col.mtbf"], true, t => double.IsFinite(t.Term.MtbfHours) ? Words.N(t.Term.MtbfHours, 0) : "-", string.Empty, ViewWidth.Medium),
            (words["reliability.col.perDay"], true, t => Words.N(t.PerDay, 4), Words.N(lambda * 24, 4), ViewWidth.Narrow),
            (words["col.share"], true, t => lambda > 0 ? Words.Percent(t.Share) : "-", Words.Percent(1), ViewWidth.Narrow),
            (words.Format("reliability.col.inHorizon", ("days", result.Model.HorizonDays)), true, t => Words.N(t.ExpectedOverHorizon, 1),
                Words.N(result.Closed.ExpectedInterruptions, 1), ViewWidth.Narrow),
            (words["reliability.col.published"], true, t => t.Term.PublishedCount is { } n ? Words.N(n, 0) : "-",
                result.PublishedInterruptions is { } total ? Words.N(total, 0) : "-", published ? ViewWidth.Narrow : ViewWidth.Medium),
            (words["reliability.col.recovery"], false, t => Recovery(t.Term, words), string.Empty, ViewWidth.Medium),
        ];
        var shown = columns.Where(c => View.Shows(c.From, width)).ToList();
        var title = words["reliability.terms.title"];
        var table = View.Table(shown.Count < columns.Length ? words.Format("reliability.view.folded", ("title", title)) : title, [.. shown.Select(c => c.Header)]);
        for (var i = 0; i < shown.Count; i++)
        {
            if (shown[i].Number)
            {
                table.Columns[i].RightAligned().NoWrap();
            }
        }

        foreach (var t in result.Terms.OrderByDescending(t => t.Term.RatePerHour))
        {
            table.AddRow([.. shown.Select(c => View.Cell(c.Cell(t)))]);
        }

        table.AddRow([.. shown.Select(c => Bold(c.Total))]);
        return table;
    }

    private static Table Simulation(ReliabilityResult result, ReliabilitySimulated simulated, Words words)
    {
        var s = simulated.Result;
        var c = result.Closed;
        var title = result.Options.Threads is { } threads
            ? words.Format("reliability.sim.titleThreads", ("trials", s.Trials), ("seed", s.Seed), ("threads", threads), ("events", s.Events))
            : words.Format("reliability.sim.title", ("trials", s.Trials), ("seed", s.Seed), ("events", s.Events));
        var table = View.Table(title, words["col.figure"], words["reliability.col.simulated"], words["reliability.col.closedForm"], words["reliability.col.note"]);
        table.Columns[1].RightAligned().NoWrap();
        table.Columns[2].RightAligned().NoWrap();
        void Row(string figure, string sim, string closed, string note) => table.AddRow(View.Cell(words[figure]), View.Cell(sim), View.Cell(closed), View.Cell(note));
        string OfHorizon(double share) => words.Format("reliability.sim.ofHorizon", ("share", share));

        Row("reliability.sim.interruptions", Words.N(s.InterruptionsMean, 1) + " ± " + Words.N(s.InterruptionsStdError, 1), Words.N(c.ExpectedInterruptions, 1),
            words.Format("reliability.sim.interruptionsNote", ("p5", s.InterruptionsP5), ("p50", s.InterruptionsP50), ("p95", s.InterruptionsP95)));
        Row("reliability.sim.mtti", Hours(s.MttiHours, words), Hours(c.MttiHours, words), words["reliability.note.hours"]);
        Row("reliability.sim.pClean24h", Probability(words, s.PNoInterruption24h), Probability(words, c.PNoInterruption24h), words["reliability.sim.pClean24hNote"]);
        Row("reliability.sim.ettr", Pct(words, s.EttrMean, 2) + " ± " + Pct(words, s.EttrStdError, 3), Pct(words, c.Ettr, 2),
            words.Format("reliability.sim.ettrNote", ("p5", s.EttrP5), ("p95", s.EttrP95), ("intervalMinutes", s.IntervalMinutes)));
        Row("reliability.sim.lost", Words.N(s.LostAcceleratorHoursMean, 0), Words.N(result.LostAcceleratorHours, 0),
            words.Format("reliability.sim.lostNote", ("total", result.AcceleratorHours)));
        Row("reliability.sim.checkpoints", Words.N(s.CheckpointHoursMean, 1), string.Empty, OfHorizon(simulated.CheckpointShare));
        Row("reliability.sim.lostWork", Words.N(s.LostWorkHoursMean, 1), string.Empty, Pct(words, simulated.LostWorkShare, 2));
        Row("reliability.sim.restarts", Words.N(s.RestartHoursMean, 1), string.Empty, Pct(words, simulated.RestartShare, 2));
        Row("reliability.sim.waits", Words.N(s.WaitHoursMean, 1), string.Empty,
            words.Format("reliability.sim.waitsNote", ("share", simulated.WaitShare), ("absorbed", s.AbsorbedFailuresMean)));
        return table;
    }

    private static Table Interval(IntervalSearchResult r, Words words)
    {
        var table = View.Table(words.Format("reliability.search.title", ("evaluations", r.Evaluations)),
            words["reliability.search.interval"], words["reliability.search.minutes"], words["reliability.search.ettr"]);
        table.Columns[1].RightAligned().NoWrap();
        table.Columns[2].RightAligned().NoWrap();
        table.AddRow(View.Cell(words["reliability.search.best"]), View.Cell(Words.N(r.IntervalMinutes, 2)), View.Cell(Pct(words, r.Ettr, 3)));
        table.AddRow(View.Cell(words["reliability.search.daly"]), View.Cell(Words.N(r.DalyIntervalMinutes, 2)), View.Cell(Pct(words, r.EttrAtDaly, 3)));
        table.AddRow(View.Cell(words["reliability.search.young"]), View.Cell(Words.N(r.YoungIntervalMinutes, 2)), View.Cell(Pct(words, r.EttrAtYoung, 3)));
        return table;
    }

    /// <summary>The sweep's rows: the columns that fit (links, ln P and the site share from 100 columns, all with <c>--wide</c>).</summary>
    private static Table Sweep(ReliabilitySweep sweep, Words words, ViewWidth width)
    {
        var simulated = sweep.Rows.Any(r => r.EttrSimulated is not null);
        List<(string Key, Func<SweepRow, string> Cell, ViewWidth From)> applicable =
        [
            ("reliability.col.sites", r => Words.N(r.Sites, 0), ViewWidth.Narrow),
            ("reliability.col.km", r => Words.N(r.DistanceKm, 0), ViewWidth.Narrow),
            ("reliability.col.links", r => Words.N(r.Links, 0), ViewWidth.Medium),
            ("reliability.col.lambdaPerDay", r => Words.N(r.LambdaPerHour * 24, 3), ViewWidth.Narrow),
            ("reliability.col.lnP", r => Words.N(r.LnPNoInterruption24h, 3), ViewWidth.Medium),
            ("reliability.col.pClean", r => Probability(words, r.PNoInterruption24h), ViewWidth.Narrow),
            ("reliability.col.siteShare", r => Pct(words, r.SiteShare, 2), ViewWidth.Medium),
            ("reliability.col.wanShare", r => Pct(words, r.WanShare, 2), ViewWidth.Narrow),
            ("reliability.col.ettr", r => Pct(words, r.Ettr, 2), ViewWidth.Narrow),
        ];
        if (simulated)
        {
            applicable.Add(("reliability.col.ettrSimulated", r => r.EttrSimulated is { } e ? Pct(words, e, 2) : "-", ViewWidth.Narrow));
        }

        var shown = applicable.Where(c => View.Shows(c.From, width)).ToList();
        var title = sweep.Kind == SweepKind.Sites
            ? words["reliability.sweep.titleSites"]
            : words.Format("reliability.sweep.titleDistance", ("sites", sweep.Rows[0].Sites));
        var table = View.Table(shown.Count < applicable.Count ? words.Format("reliability.view.folded", ("title", title)) : title,
            [.. shown.Select(c => words[c.Key])]);
        View.Compact(table);
        foreach (var column in table.Columns)
        {
            column.RightAligned();
        }

        foreach (var r in sweep.Rows)
        {
            table.AddRow([.. shown.Select(c => View.Cell(c.Cell(r)))]);
        }

        return table;
    }

    private static string TermName(ReliabilityTerm t, Words words)
    {
        var name = words.Strings.FormatValue(t.Label.Value, null);
        return t.Term.Distribution == FailureDistribution.Weibull
            ? words.Format("reliability.terms.weibull", ("name", name), ("shape", t.Term.WeibullShape))
            : name;
    }

    private static string Recovery(FailureTerm t, Words words) => t.Recovery switch
    {
        RecoveryAction.Restart => words["reliability.recovery.restart"],
        RecoveryAction.ReplaceNode => t.NodesLost > 1 ? words.Format("reliability.recovery.swapMany", ("nodes", t.NodesLost)) : words["reliability.recovery.swapOne"],
        _ => words.Format("reliability.recovery.wait", ("hours", t.RepairHours)),
    };

    private static string Hours(double hours, Words words) => double.IsFinite(hours) ? Words.N(hours, 2) : words["reliability.word.never"];

    private static string Pct(Words words, double fraction, int decimals) =>
        decimals == 3 ? NumberFormat.Fixed(fraction * 100, "0.000") + "%" : words.Strings.FormatValue(fraction, "pct" + decimals.ToString(Inv));

    private static string Probability(Words words, double p) => words.Strings.FormatValue(p, "p2");

    private static IRenderable Bold(string text) => text.Length == 0 ? View.Cell(text) : new Markup("[bold]" + Markup.Escape(text) + "[/]");
}
