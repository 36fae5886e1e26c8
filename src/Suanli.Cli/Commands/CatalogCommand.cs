using System.CommandLine;
using Spectre.Console;
using Suanli.Cli.Output;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli catalog accelerators|models</c>.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        Command Sub(string name, string description, Action<IAnsiConsole, bool> tables, Func<object> json)
        {
            var asJson = new Option<bool>("--json") { Description = "Write JSON instead of tables." };
            var sources = new Option<bool>("--sources") { Description = "Also print every value's source." };
            var command = new Command(name, description) { asJson, sources };
            command.SetAction(parse => context.Emit(parse.GetValue(asJson), json, console => tables(console, parse.GetValue(sources))));
            return command;
        }

        var catalog = ComputeCatalog.BuiltIn;
        return new Command("catalog", "The accelerator and model catalogs, each value with its source.")
        {
            Sub("accelerators", "Accelerators: peak dense throughput, memory, power, scale-up bandwidth, export control.", (c, s) => WriteAccelerators(c, catalog, s),
                () => new { accelerators = catalog.Accelerators.Values.Select(a => new { a.Id, a.Name, a.Vendor, a.PeakBf16Tflops, a.PeakFp8Tflops, a.MemoryGb, a.MemoryBandwidthTbps, a.TdpWatts, a.ScaleUpBandwidthGBps, tpp = a.TotalProcessingPerformance, a.ExportControl, rentalPricePerHour = a.RentalPricePerHour?.Amount, rentalCurrency = a.RentalPricePerHour?.Currency.ToString() }), sources = Sources(catalog, "accelerators") }),
            Sub("models", "Models: parameters, tokens, what the authors published, and how 6·N·D compares with it.", (c, s) => WriteModels(c, catalog, s),
                () => new
                {
                    models = catalog.Models.Values.Select(m => new
                    {
                        m.Id, m.Name, m.Architecture, m.TotalParamsBillion, m.ActiveParamsBillion, m.TrainingTokensTrillion, m.Layers, m.ModelDim, m.SequenceLength,
                        m.KvHeads, m.HeadDim, m.KvLoraRank, m.RopeHeadDim, m.KvCacheElementsPerToken,
                        m.ReportedTrainingFlops, m.ReportedAcceleratorHours, m.ReportedPretrainingAcceleratorHours, m.ReportedAccelerator, m.ReportedAcceleratorCount,
                        m.ReportedPrecision, m.ReportedMfu, m.ReportedUtilisationBasis, m.ReportedRecompute, m.ReportedEttr,
                        reportedCost = m.ReportedCost?.Amount, reportedCostCurrency = m.ReportedCost?.Currency.ToString(), m.ReportedCostYear, m.ReportedNote,
                        check = PublishedCheck.For(m, catalog),
                    }),
                    sources = Sources(catalog, "models"),
                }),
            Sub("exchange-rates", "Annual average RMB per USD used to convert prices and published costs between currencies.", (c, s) => WriteRates(c, catalog, s),
                () => new { rmbPerUsd = catalog.RmbPerUsdByYear.Select(r => new { year = r.Key, rate = r.Value, source = catalog.ExchangeRateSource(r.Key) }) }),
        };
    }

    private static object Sources(ComputeCatalog catalog, string prefix) =>
        catalog.Inputs.Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal) && i.Source is not null).Select(i => new { path = i.Path, value = i.Value, source = i.Source });

    private static void WriteAccelerators(IAnsiConsole console, ComputeCatalog catalog, bool sources)
    {
        var table = new Table().Title("Accelerators (dense throughput, no sparsity)")
            .AddColumn("id").AddColumn("vendor").AddColumn(new TableColumn("BF16 TFLOPS").RightAligned()).AddColumn(new TableColumn("FP8 TFLOPS").RightAligned())
            .AddColumn(new TableColumn("GB").RightAligned()).AddColumn(new TableColumn("TB/s").RightAligned()).AddColumn(new TableColumn("TDP W").RightAligned())
            .AddColumn(new TableColumn("scale-up GB/s").RightAligned()).AddColumn(new TableColumn("TPP").RightAligned()).AddColumn(new TableColumn("rent/h").RightAligned()).AddColumn("export control");
        foreach (var a in catalog.Accelerators.Values)
        {
            table.AddRow(Markup.Escape(a.Id), Markup.Escape(a.Vendor), Fmt.N(a.PeakBf16Tflops, 0), a.PeakFp8Tflops is { } f ? Fmt.N(f, 0) : "-", Fmt.N(a.MemoryGb, 0),
                Fmt.N(a.MemoryBandwidthTbps, 2), Fmt.N(a.TdpWatts, 0), Fmt.N(a.ScaleUpBandwidthGBps, 0), Fmt.N(a.TotalProcessingPerformance, 0),
                a.RentalPricePerHour is { } p ? Fmt.Text($"{Fmt.N(p.Amount, 2)} {p.Currency}") : "-", Markup.Escape(a.ExportControl));
        }

        console.Write(table);
        console.WriteLine("TPP (US export-control Total Processing Performance, ECCN 3A090) = 2 x MacTOPS x bit length = dense TFLOPS x bit length, the highest over BF16 (x 16) and FP8 (x 8); the Oct 2023 rule bars TPP >= 4,800.");
        WriteSources(console, catalog, "accelerators", sources);
    }

    private static void WriteModels(IAnsiConsole console, ComputeCatalog catalog, bool sources)
    {
        var table = new Table().Title("Models, and 6·N_active·D against what the authors published")
            .AddColumn("id").AddColumn(new TableColumn("params B total/active").RightAligned()).AddColumn(new TableColumn("tokens T").RightAligned())
            .AddColumn(new TableColumn("6ND FLOP").RightAligned()).AddColumn(new TableColumn("reported FLOP").RightAligned()).AddColumn(new TableColumn("Δ").RightAligned())
            .AddColumn(new TableColumn("reported acc-h").RightAligned()).AddColumn(new TableColumn("computed acc-h").RightAligned()).AddColumn(new TableColumn("Δ").RightAligned())
            .AddColumn(new TableColumn("implied util. of BF16 peak").RightAligned()).AddColumn(new TableColumn("of peak as trained").RightAligned()).AddColumn("notes");
        foreach (var m in catalog.Models.Values)
        {
            var c = PublishedCheck.For(m, catalog);
            table.AddRow(Markup.Escape(m.Id), Fmt.Text($"{Fmt.N(m.TotalParamsBillion, 1)}/{Fmt.N(m.ActiveParamsBillion, 1)}"),
                m.TrainingTokensTrillion is { } t ? Fmt.N(t, 2) : "-", Sci(c.SixNdFlops), Sci(m.ReportedTrainingFlops), Pct(c.FlopsDeviation),
                m.ReportedAcceleratorHours is { } h ? Fmt.Int(h) : "-", c.ComputedAcceleratorHours is { } ch ? Fmt.Int(ch) : "-", Pct(c.AcceleratorHoursDeviation),
                c.ImpliedUtilisation is { } u ? Fmt.Pct(u, 1) : "-",
                c.ImpliedUtilisationOfReportedPeak is { } r ? Fmt.Text($"{Fmt.Pct(r, 1)} {m.ReportedPrecision.ToString()!.ToUpperInvariant()}") : "-",
                Markup.Escape(string.Join(" ", new[] { c.Note, m.ReportedNote }.OfType<string>())));
        }

        console.Write(table);
        WriteSources(console, catalog, "models", sources);
    }

    private static void WriteRates(IAnsiConsole console, ComputeCatalog catalog, bool sources)
    {
        var table = new Table().Title("Annual average RMB per USD").AddColumn(new TableColumn("year").RightAligned()).AddColumn(new TableColumn("RMB/USD").RightAligned());
        foreach (var (year, rate) in catalog.RmbPerUsdByYear)
        {
            table.AddRow(year.ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.N(rate, 4));
        }

        console.Write(table);
        console.WriteLine("A scenario may state its own rate (compute.fxRmbPerUsd) or the year of its prices (compute.priceYear); the commands also take --fx-rmb-per-usd.");
        WriteSources(console, catalog, "rmbPerUsd", sources);
    }

    private static void WriteSources(IAnsiConsole console, ComputeCatalog catalog, string prefix, bool show)
    {
        if (!show)
        {
            console.WriteLine("Every value's source: add --sources.");
            return;
        }

        var table = new Table().Title("Sources").AddColumn("value").AddColumn(new TableColumn("as written").RightAligned()).AddColumn("source");
        foreach (var i in catalog.Inputs.Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal) && i.Source is not null))
        {
            table.AddRow(Markup.Escape(i.Path), Markup.Escape(i.Value), Markup.Escape(i.Source!));
        }

        console.Write(table);
    }

    private static string Sci(double? x) => x is { } v ? v.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private static string Pct(double? x) => x is { } v ? (v >= 0 ? "+" : string.Empty) + Fmt.Pct(v, 1) : "-";
}
