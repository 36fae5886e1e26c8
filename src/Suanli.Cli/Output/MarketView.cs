using System.Globalization;
using Spectre.Console;
using Suanli.Analysis.Market;
using Suanli.Core.Market;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli market</c> in one language; they only format what the result carries.</summary>
internal static class MarketView
{
    public static void Write(IAnsiConsole console, MarketResult result, Words words, ViewOptions options)
    {
        View.Header(console, words, result.Header, "market.title");
        console.WriteLine(words.Format(result.RateFromScenario ? "market.rateScenario" : "market.rateCatalog", ("year", result.Year), ("rate", result.RmbPerUsd),
            ("basis", words["market.basis." + Scenarios.MarketChecks.Words(result.Basis)])));
        console.WriteLine();
        var table = View.Table(words.Format("market.investment.title", ("year", result.Year)), words["market.col.company"], words["market.col.country"],
            words["market.col.reported"], words["market.col.usd"], words["market.col.rmb"], words["market.col.kind"]);
        for (var i = 2; i <= 4; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        string Bn(double x) => Words.N(x / 1e9, 1);
        foreach (var country in new[] { result.Us, result.Cn })
        {
            foreach (var c in country.Companies)
            {
                // A calendar year is the year compared: only another period (a fiscal year, a half year) is worth saying.
                var period = c.Row.FiscalPeriod is { } p && !p.StartsWith("calendar", StringComparison.OrdinalIgnoreCase) ? " (" + p + ")" : string.Empty;
                table.AddRow(View.Cell(c.Row.Company + period), View.Cell(c.Row.Country.ToString()), View.Cell(Bn(c.Row.Amount) + " " + words.Currency(c.Row.Currency)),
                    View.Cell(Bn(c.AmountUsd)), View.Cell(Bn(c.AmountRmb)), View.Cell(words["market.kind." + Words.Camel(c.Row.Kind.ToString())]));
            }

            table.AddRow(View.Cell(words.Format("market.total", ("country", country.Country.ToString()))), View.Cell(country.Country.ToString()), View.Cell(string.Empty),
                View.Cell(Bn(country.TotalUsd)), View.Cell(Bn(country.TotalRmb)), View.Cell(string.Empty));
        }

        console.Write(table);
        console.WriteLine(result.InvestmentRatio is { } ratio ? words.Format("market.ratio", ("ratio", ratio)) : words["market.noRatioLine"]);
        console.WriteLine();
        string Kind(FigureKind k) => words["market.kind." + Words.Camel(k.ToString())];
        if (result.RentHistory.Count > 0)
        {
            var rent = View.Table(words["market.rent.title"], words["market.col.country"], words["market.col.year"], words["market.col.scope"],
                words["market.col.rmbPerKwMonth"], words["market.col.usdPerKwMonth"], words["market.col.kind"]);
            rent.Columns[1].NoWrap();
            rent.Columns[3].RightAligned().NoWrap();
            rent.Columns[4].RightAligned().NoWrap();
            foreach (var r in result.RentHistory)
            {
                rent.AddRow(View.Cell(r.Row.Country.ToString()), View.Cell(r.Row.Year.ToString(CultureInfo.InvariantCulture)), View.Cell(r.Row.Scope),
                    View.Cell(Words.N(r.RentRmb, 0)), View.Cell(Words.N(r.RentUsd, 1)), View.Cell(Kind(r.Row.Kind)));
            }

            console.Write(rent);
            if (result.BreakEven is { } be)
            {
                console.WriteLine(words.Format("market.breakEven", ("preset", be.Preset), ("accounting", be.Accounting), ("perLeased", be.Accounting / be.StabilisedOccupancy),
                    ("economic", be.Economic ?? double.NaN),
                    ("occupancy", be.StabilisedOccupancy), ("currency", words.Currency(be.Currency))));
            }

            console.WriteLine();
        }

        if (result.Revenue.Any(c => c.Vacancy is not null))
        {
            var rev = View.Table(words.Format("market.revenue.title", ("year", result.Year)), words["market.col.country"], words["market.col.vacancy"],
                words["market.col.rent"], words["market.col.revenue"]);
            for (var i = 1; i <= 3; i++)
            {
                rev.Columns[i].RightAligned().NoWrap();
            }

            foreach (var c in result.Revenue)
            {
                var cur = " " + words.Currency(c.Currency);
                rev.AddRow(View.Cell(c.Country.ToString()), View.Cell(c.Vacancy is { } v ? Words.Percent(v) : words["value.none"]),
                    View.Cell(c.RentPerKwMonth is { } r ? Words.N(r, 1) + cur : words["value.none"]),
                    View.Cell(c.RevenuePerBuiltKwMonth is { } x ? Words.N(x, 1) + cur : words["value.none"]));
            }

            console.Write(rev);
            var rows = View.Table(words.Format("market.vacancyRows.title", ("year", result.Year)), words["market.col.country"], words["market.col.scope"],
                words["market.col.vacancy"], words["market.col.counts"]);
            rows.Columns[2].RightAligned().NoWrap();
            foreach (var v in result.VacancyRows.Where(v => v.Year == result.Year))
            {
                var counts = v.Measure == VacancyMeasure.Leased && v.Kind != FigureKind.Guidance;
                rows.AddRow(View.Cell(v.Country.ToString()), View.Cell(v.Scope), View.Cell(Words.Percent(v.Vacancy)),
                    View.Cell(counts ? words["market.counts.yes"] : words[v.Kind == FigureKind.Guidance ? "market.counts.target" : "market.counts.compute"]));
            }

            console.Write(rows);
            console.WriteLine();
        }

        if (result.GpuRental.Count > 0)
        {
            var gpu = View.Table(words["market.gpu.title"], words["market.col.accelerator"], words["market.col.country"], words["market.col.when"],
                words["market.col.usdPerHour"], words["market.col.rmbPerHour"], words["market.col.kind"]);
            gpu.Columns[3].RightAligned().NoWrap();
            gpu.Columns[4].RightAligned().NoWrap();
            foreach (var g in result.GpuRental)
            {
                gpu.AddRow(View.Cell(g.Row.Accelerator), View.Cell(g.Row.Country.ToString()), View.Cell(g.Row.Period ?? g.Row.Year.ToString(CultureInfo.InvariantCulture)),
                    View.Cell(Words.N(g.PerHourUsd, 2)), View.Cell(Words.N(g.PerHourRmb, 2)), View.Cell(Kind(g.Row.Kind)));
            }

            console.Write(gpu);
            console.WriteLine();
        }

        if (result.ChipMix.Count > 0)
        {
            var chips = View.Table(words["market.chips.title"], words["market.col.country"], words["market.col.year"], words["market.col.estimate"], words["market.col.shares"]);
            foreach (var s in result.ChipMix)
            {
                chips.AddRow(View.Cell(s.Country.ToString()), View.Cell(s.Year.ToString(CultureInfo.InvariantCulture)), View.Cell(s.Estimate),
                    View.Cell(string.Join(words["list.separator"], s.Shares.Select(x => x.Vendor + " " + Words.Percent(x.Share)))));
            }

            console.Write(chips);
            console.WriteLine();
        }

        View.Readings(console, words, "market.readings", result.Findings);
        View.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options, "market.model.title", "view.inputsHint");
    }
}
