using Spectre.Console;
using Suanli.Analysis.Multisite;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli multisite</c> in one language; they only format what the result carries.</summary>
internal static class MultisiteView
{
    public static void Write(IAnsiConsole console, MultisiteResult result, Words words, ViewOptions options)
    {
        var width = View.Columns(console, options);
        View.Header(console, words, result.Header, "multisite.title");
        var job = result.Job;
        var spec = result.Spec;
        var i = result.Inputs;
        console.WriteLine(job.Sites > 1
            ? words.Format("multisite.job", ("model", spec.Model.Name), ("accelerators", job.JobAccelerators), ("accelerator", spec.Accelerator.Name),
                ("perReplica", spec.AcceleratorsPerReplica), ("ranks", result.IntraSiteRanks), ("sites", job.Sites), ("distanceKm", job.DistanceKm),
                ("crossSite", words["multisite.crossSite." + Words.Camel(spec.CrossSite.ToString())]))
            : words.Format("multisite.jobOneSite", ("model", spec.Model.Name), ("accelerators", job.JobAccelerators), ("accelerator", spec.Accelerator.Name),
                ("perReplica", spec.AcceleratorsPerReplica), ("ranks", result.IntraSiteRanks)));
        console.WriteLine(job.Sites > 1
            ? words.Format("multisite.wan", ("gbps", i.WanGbpsPerSite), ("routeKm", job.RouteKm), ("routeFactor", job.RouteFactor), ("latency", job.LatencyUsPerKm),
                ("hop", spec.HopLatencyUs), ("intra", spec.IntraSiteGbpsPerAccelerator), ("overlap", spec.Overlap), ("target", result.Options.TargetEfficiency))
            : words.Format("multisite.wanNone", ("intra", spec.IntraSiteGbpsPerAccelerator), ("overlap", spec.Overlap)));
        if (result.Modes.FirstOrDefault(m => m.Mode == MultisiteMode.LowCommunication)?.LowCommunication is { } lc)
        {
            console.WriteLine(words.Format("multisite.lowCommunication", ("h", lc.SyncEverySteps), ("compression", lc.Compression), ("steps", lc.StepsToEqualLoss)));
        }
        console.WriteLine();
        console.Write(Summary(result, words));
        console.WriteLine();
        if (result.Sweep is { } rows && result.Options.Sweep is { } kind)
        {
            console.Write(Sweep(result, rows, kind, words, width));
            console.WriteLine();
        }

        View.Readings(console, words, "multisite.readings", result.Findings);
        View.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options, "multisite.model.title", "multisite.view.inputsHint");
    }

    private static Table Summary(MultisiteResult result, Words words)
    {
        var modes = result.Modes;
        var headers = new List<string> { words["multisite.col.figure"], words["multisite.col.oneSite"], words["multisite.col.synchronous"] };
        if (modes.FirstOrDefault(m => m.Mode == MultisiteMode.LowCommunication)?.LowCommunication is { } lc)
        {
            headers.Add(words.Format("multisite.col.lowCommunication", ("h", lc.SyncEverySteps)));
        }

        var table = View.Table(words["multisite.table"], [.. headers]);
        for (var c = 1; c < headers.Count; c++)
        {
            table.Columns[c].RightAligned().NoWrap();
        }

        var one = result.OneSite;
        var none = words["multisite.none"];
        var notApplicable = words["value.none"];
        string Pct(double x) => words.Strings.FormatValue(x, "pct1");
        string Opt(double? x, Func<double, string> format) => x is { } v ? format(v) : none;
        string Money(double? x) => x is { } v && result.Spec.Currency is { } c ? words.Quantity(v, Suanli.Core.Unit.Money, c) : none;
        void Row(string key, string oneSite, Func<MultisiteModeResult, string> cell) =>
            table.AddRow([View.Cell(words["multisite.row." + key]), View.Cell(oneSite), .. modes.Select(m => View.Cell(cell(m)))]);

        Row("compute", Words.Seconds(one.ComputeSeconds), m => Words.Seconds(m.Step.ComputeSeconds));
        Row("intra", Words.Seconds(one.IntraSiteSeconds), m => Words.Seconds(m.Step.IntraSiteSeconds));
        Row("wanBandwidth", Words.Seconds(0), m => Words.Seconds(m.Step.WanBandwidthSeconds));
        Row("wanLatency", Words.Seconds(0), m => Words.Seconds(m.Step.WanLatencySeconds));
        Row("exposed", Words.Seconds(one.ExposedSeconds), m => Words.Seconds(m.Step.ExposedSeconds));
        Row("step", Words.Seconds(one.StepSeconds), m => Words.Seconds(m.Step.StepSeconds));
        Row("wanGb", "0", m => Words.N(m.Step.WanBytesPerStepPerSite / 1e9, 1));
        Row("efficiency", Pct(one.Efficiency), m => Pct(m.Step.Efficiency));
        Row("ettr", Pct(result.OneSiteEttr), m => Pct(m.Ettr));
        if (modes.Any(m => m.StepsToEqualLoss != 1))
        {
            Row("quality", "1", m => words.Strings.FormatValue(m.StepsToEqualLoss, "g3"));
        }

        Row("effective", Pct(1), m => Pct(m.EffectiveThroughput));
        Row("maxDistance", notApplicable, m => Opt(m.MaxDistanceKmForTarget, d => d > MultisiteAnalysis.HalfEarthCircumferenceKm
            ? words.Format("multisite.anyDistance", ("km", MultisiteAnalysis.HalfEarthCircumferenceKm)) : Words.N(d, 0)));
        Row("required", notApplicable, m => Opt(m.RequiredWanGbpsForTarget, Gbps));
        if (result.Spec.CostPerGbpsKmYear is not null)
        {
            Row("wanCost", notApplicable, m => Money(m.WanCostPerYear));
            Row("requiredCost", notApplicable, m => Money(m.RequiredWanCostPerYear));
        }

        return table;
    }

    /// <summary>Gbps as a reader wants them: whole from 10 up, three significant digits below (0.027, not 0).</summary>
    private static string Gbps(double gbps) => gbps >= 10 ? Words.N(gbps, 0) : Suanli.Scenarios.Binding.NumberFormat.Plain(gbps, "G3");

    private static Table Sweep(MultisiteResult result, IReadOnlyList<MultisiteSweepRow> rows, MultisiteSweepKind kind, Words words, ViewWidth width)
    {
        var job = result.Job;
        var sites = rows.Count > 0 ? rows[0].Sites : job.Sites;
        var title = kind switch
        {
            MultisiteSweepKind.Distance => words.Format("multisite.sweep.distance", ("sites", sites), ("gbps", result.Inputs.WanGbpsPerSite)),
            MultisiteSweepKind.Bandwidth => words.Format("multisite.sweep.bandwidth", ("sites", sites), ("km", job.DistanceKm)),
            _ => words.Format("multisite.sweep.sites", ("km", job.DistanceKm), ("gbps", result.Inputs.WanGbpsPerSite)),
        };
        var modes = result.Modes.Select(m => m.Mode).ToList();
        var headers = new List<string>
        {
            words[kind switch { MultisiteSweepKind.Distance => "multisite.sweep.col.km", MultisiteSweepKind.Bandwidth => "multisite.sweep.col.gbps", _ => "multisite.sweep.col.sites" }],
            words["multisite.sweep.col.ettr"],
        };
        foreach (var mode in modes)
        {
            var name = words["multisite.sweep.mode." + MultisiteAnalysis.Words(mode)];
            headers.Add(words.Format("multisite.sweep.col.efficiency", ("mode", name)));
            headers.Add(words.Format("multisite.sweep.col.effective", ("mode", name)));
        }

        var table = View.Table(title, [.. headers]);
        if (width != ViewWidth.Wide)
        {
            View.Compact(table);
        }

        foreach (var column in table.Columns)
        {
            column.RightAligned();
        }

        string Pct(double x) => words.Strings.FormatValue(x, "pct1");
        foreach (var row in rows)
        {
            var x = kind switch
            {
                MultisiteSweepKind.Distance => Words.N(row.DistanceKm, 0),
                MultisiteSweepKind.Bandwidth => Gbps(row.WanGbpsPerSite),
                _ => Words.N(row.Sites, 0),
            };
            var cells = new List<string> { x, Pct(row.Modes[0].Ettr) };
            foreach (var p in row.Modes)
            {
                cells.Add(Pct(p.StepEfficiency));
                cells.Add(Pct(p.EffectiveThroughput));
            }

            table.AddRow([.. cells.Select(View.Cell)]);
        }

        return table;
    }
}
