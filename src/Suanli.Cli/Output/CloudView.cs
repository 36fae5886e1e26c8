using System.Globalization;
using Spectre.Console;
using Suanli.Analysis.Cloud;
using Suanli.Core;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli cloud</c> in one language; they only format what the result carries.</summary>
internal static class CloudView
{
    public static void Write(IAnsiConsole console, CloudAnalysisResult result, Words words, ViewOptions options)
    {
        var cur = words.Currency(result.Currency);
        var r = result.Result;
        var x = result.Inputs;
        View.Header(console, words, result.Header, "cloud.title", ("currency", cur));
        console.WriteLine(words.Format("cloud.fleet", ("servers", x.Servers), ("per", x.AcceleratorsPerServer), ("chip", result.Spec.Accelerator.Name), ("accelerators", x.Accelerators),
            ("capex", words.Quantity(x.Capex, Unit.Money, result.Currency)), ("months", x.LifeMonths), ("kw", x.KwPerAccelerator)));
        console.WriteLine(result.Housing.SitePreset is { } preset
            ? words.Format("cloud.housing.site", ("preset", preset), ("basis", words["market.rentBasis." + Words.Camel(result.Housing.RentBasis!.Value.ToString())]),
                ("rent", result.Housing.RentPerKwMonth), ("power", result.Housing.ElectricityPricePerKwh), ("pue", result.Housing.Pue), ("currency", cur))
            : words.Format("cloud.housing.colocation", ("rent", result.Housing.RentPerKwMonth), ("power", result.Housing.ElectricityPricePerKwh), ("pue", result.Housing.Pue),
                ("currency", cur)));
        console.WriteLine();
        var summary = View.Table(words["cloud.summary.title"], words["cloud.col.figure"], words["cloud.col.value"]);
        summary.Columns[1].RightAligned().NoWrap();
        string Rate(double? v) => v is { } p ? Words.Percent(p) : words["value.none"];
        summary.AddRow(View.Cell(words.Format("cloud.row.price", ("currency", cur))), View.Cell(Words.N(x.PricePerHour, 2)
            + (x.PriceChangePerYear != 0 ? " (" + Words.Percent(x.PriceChangePerYear) + words["cloud.perYear"] + ")" : string.Empty)));
        summary.AddRow(View.Cell(words["cloud.row.utilisation"]), View.Cell(Words.Percent(x.StabilisedUtilisation)));
        summary.AddRow(View.Cell(words["cloud.row.npv"]), View.Cell(words.Quantity(r.Npv, Unit.Money, result.Currency)));
        summary.AddRow(View.Cell(words["cloud.row.irr"]), View.Cell(Rate(r.Irr.AnnualRate)));
        summary.AddRow(View.Cell(words["cloud.row.payback"]), View.Cell(r.PaybackYears is { } pb ? Words.N(pb, 1) : words["word.never"]));
        summary.AddRow(View.Cell(words.Format("cloud.row.breakEvenPrice", ("currency", cur))), View.Cell(r.BreakEvenPricePerHour is { } be ? Words.N(be, 2) : words["value.none"]));
        summary.AddRow(View.Cell(words["cloud.row.breakEvenUtilisation"]), View.Cell(r.BreakEvenUtilisation is { } bu ? Words.Percent(bu) : words["cloud.noneEvenFull"]));
        console.Write(summary);
        console.WriteLine();

        var s = r.CostStack;
        var stack = View.Table(words.Format("cloud.stack.title", ("utilisation", x.StabilisedUtilisation), ("currency", cur)), words["cloud.col.part"], words["cloud.col.perHour"]);
        stack.Columns[1].RightAligned().NoWrap();
        foreach (var (key, value) in new[] { ("servers", s.Servers), ("network", s.Network), ("facility", s.Facility), ("power", s.Power), ("staff", s.Staff), ("maintenance", s.Maintenance), ("total", s.Total) })
        {
            stack.AddRow(View.Cell(words["cloud.stack." + key]), View.Cell(Words.N(value, 3)));
        }

        console.Write(stack);
        console.WriteLine();
        if (result.MarketPrices.Count > 0)
        {
            var market = View.Table(words["cloud.market.title"], words["cloud.col.source"], words["cloud.col.perHour"], words["cloud.col.margin"], words["cloud.col.npv"]);
            for (var i = 1; i <= 3; i++)
            {
                market.Columns[i].RightAligned().NoWrap();
            }

            foreach (var p in result.MarketPrices)
            {
                market.AddRow(View.Cell(p.Price.Label), View.Cell(Words.N(p.Price.PricePerHour, 2)), View.Cell(p.Margin is { } m ? Words.N(m, 2) : words["value.none"]),
                    View.Cell(words.Quantity(p.Npv, Unit.Money, result.Currency)));
            }

            console.Write(market);
            console.WriteLine();
        }

        var years = View.Table(words.Format("cloud.years.title", ("currency", cur)), words["cloud.col.year"], words["cloud.col.utilisation"], words["cloud.col.price"],
            words["cloud.col.revenue"], words["cloud.col.costs"], words["cloud.col.tax"], words["cloud.col.capex"], words["cloud.col.cash"]);
        foreach (var column in years.Columns)
        {
            column.RightAligned().NoWrap();
        }

        static string M(double v) => Words.N(v / 1e6, 2);
        foreach (var y in r.Years)
        {
            years.AddRow(View.Cell(y.Year.ToString(CultureInfo.InvariantCulture)), View.Cell(Words.Percent(y.Utilisation)), View.Cell(Words.N(y.PricePerHour, 2)), View.Cell(M(y.Revenue)),
                View.Cell(M(y.Facility + y.Power + y.Staff + y.Maintenance)), View.Cell(M(y.IncomeTax)), View.Cell(M(y.Capex)), View.Cell(M(y.CashFlow)));
        }

        console.Write(years);
        console.WriteLine();
        View.Readings(console, words, "cloud.readings", result.Findings);
        View.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options, "cloud.model.title", "view.inputsHint");
    }
}
