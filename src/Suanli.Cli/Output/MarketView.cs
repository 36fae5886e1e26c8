using Spectre.Console;
using Suanli.Analysis.Market;
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
                var period = c.Row.FiscalPeriod is { } p ? " (" + p + ")" : string.Empty;
                table.AddRow(View.Cell(c.Row.Company + period), View.Cell(c.Row.Country.ToString()), View.Cell(Bn(c.Row.Amount) + " " + words.Currency(c.Row.Currency)),
                    View.Cell(Bn(c.AmountUsd)), View.Cell(Bn(c.AmountRmb)), View.Cell(words["market.kind." + Words.Camel(c.Row.Kind.ToString())]));
            }

            table.AddRow(View.Cell(words.Format("market.total", ("country", country.Country.ToString()))), View.Cell(country.Country.ToString()), View.Cell(string.Empty),
                View.Cell(Bn(country.TotalUsd)), View.Cell(Bn(country.TotalRmb)), View.Cell(string.Empty));
        }

        console.Write(table);
        console.WriteLine(words.Format("market.ratio", ("ratio", result.InvestmentRatio)));
        console.WriteLine();
        console.WriteLine(words["market.readings"]);
        foreach (var f in result.Findings)
        {
            View.Bullet(console, words, words.Finding(f));
        }

        console.WriteLine();
        View.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options, "market.model.title", "view.inputsHint");
    }
}
