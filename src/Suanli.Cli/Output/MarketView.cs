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

        // Billions in English; 億 (10⁸) in Chinese, as its readers count money.
        var chinese = words.Language.IsChinese();
        string Bn(double x) => Math.Abs(x) >= 1e9 || x == 0 ? (chinese ? Words.N(x / 1e8, 0) : Words.N(x / 1e9, 1)) : chinese ? Words.N(x / 1e8, 2) : Words.N(x / 1e9, 3);
        string Country(Country c) => words["country." + c];
        foreach (var country in new[] { result.Us, result.Cn })
        {
            foreach (var c in country.Companies)
            {
                // A calendar year is the year compared: only another period (a fiscal year, a half year) is worth saying.
                var period = c.Row.FiscalPeriod is { } p && !p.StartsWith("calendar", StringComparison.OrdinalIgnoreCase) ? " (" + p + ")" : string.Empty;
                table.AddRow(View.Cell(words.Name(c.Row.Company) + period), View.Cell(Country(c.Row.Country)), View.Cell(words.Format("market.amount", ("value", Bn(c.Row.Amount)), ("currency", words.Currency(c.Row.Currency)))),
                    View.Cell(Bn(c.AmountUsd)), View.Cell(Bn(c.AmountRmb)), View.Cell(words["market.kind." + Words.Camel(c.Row.Kind.ToString())]));
            }

            table.AddRow(View.Cell(words.Format("market.total", ("country", Country(country.Country)))), View.Cell(Country(country.Country)), View.Cell(string.Empty),
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
                rent.AddRow(View.Cell(Country(r.Row.Country)), View.Cell(r.Row.Year.ToString(CultureInfo.InvariantCulture)), View.Cell(r.Row.Scope),
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
                rev.AddRow(View.Cell(Country(c.Country)), View.Cell(c.Vacancy is { } v ? Words.Percent(v) : words["value.none"]),
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
                rows.AddRow(View.Cell(Country(v.Country)), View.Cell(v.Scope), View.Cell(Words.Percent(v.Vacancy)),
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
                gpu.AddRow(View.Cell(g.Row.Accelerator), View.Cell(Country(g.Row.Country)), View.Cell(g.Row.Period ?? g.Row.Year.ToString(CultureInfo.InvariantCulture)),
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
                chips.AddRow(View.Cell(Country(s.Country)), View.Cell(s.Year.ToString(CultureInfo.InvariantCulture)), View.Cell(s.Estimate),
                    View.Cell(string.Join(words["list.separator"], s.Shares.Select(x => words.Name(x.Vendor) + " " + Words.Percent(x.Share)))));
            }

            console.Write(chips);
            console.WriteLine();
            ChipCompute(console, result, words);
        }

        foreach (var server in result.GpuServers)
        {
            GpuServer(console, server, words, Kind);
        }

        if (result.Projection is { } projection)
        {
            Projection(console, projection, result.BreakEven, words);
        }

        View.Readings(console, words, "market.readings", result.Findings);
        View.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options, "market.model.title", "view.inputsHint");
    }

    private static void ChipCompute(IAnsiConsole console, MarketResult result, Words words)
    {
        foreach (var split in result.ChipMix.Where(s => s.Compute is not null))
        {
            var c = split.Compute!;
            var table = View.Table(words.Format("market.chipCompute.title", ("estimate", split.Estimate), ("year", split.Year), ("cards", c.Cards)),
                words["market.col.vendor"], words["market.col.chip"], words["market.col.tpp"], words["market.col.access"], words["market.col.cardShare"],
                words["market.col.peakPflops"], words["market.col.computeShare"]);
            for (var i = 2; i <= 6; i++)
            {
                table.Columns[i].RightAligned().NoWrap();
            }

            foreach (var v in c.Vendors)
            {
                var none = words["value.none"];
                table.AddRow(View.Cell(words.Name(v.Vendor)), View.Cell(v.Accelerator?.Name ?? none),
                    View.Cell(v.Accelerator is { } a ? Words.N(a.TotalProcessingPerformance, 0)
                        + (a.TotalProcessingPerformance >= ChipComputeModel.TppThreshold3A090a && v.Access != ChinaAccess.Domestic ? " ≥ 4,800" : string.Empty) : none),
                    View.Cell(v.Access is { } x ? words["market.access." + Words.Camel(x.ToString())] : v.Accelerator is null ? none : words["market.access.unclassified"]),
                    View.Cell(Words.Percent(v.Share)), View.Cell(v.Accelerator is null ? none : Words.N(v.PeakPflops, 1)),
                    View.Cell(v.Accelerator is null ? none : Words.Percent(v.ComputeShare)));
            }

            console.Write(table);
            console.WriteLine(words.Format("market.chipCompute.total", ("peak", c.PeakPflops), ("equivalents", c.ReferenceEquivalents), ("reference", split.Reference.Name),
                ("licensed", 1 - c.WithoutLicensed)));
            if (c.BarredShare > 0)
            {
                console.WriteLine(words.Format("market.chipCompute.barredLine", ("barred", c.BarredShare)));
            }

            if (c.DeliveredFlopPerYear is { } delivered)
            {
                console.WriteLine(words.Format("market.chipCompute.delivered", ("flop", delivered), ("mfu", c.Utilisation!.Value)));
            }

            console.WriteLine();
        }
    }

    private static void GpuServer(IAnsiConsole console, GpuServerResult server, Words words, Func<FigureKind, string> kind)
    {
        var cur = words.Currency(server.Spec.Currency);
        var table = View.Table(words.Format("market.gpuServer.title", ("name", server.Spec.Name), ("currency", cur)), words["market.col.when"], words["market.col.price"],
            words["market.col.revenueHour"], words["market.col.marginHour"], words["market.col.payback"], words["market.col.irr"], words["market.col.kind"]);
        for (var i = 1; i <= 5; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        foreach (var p in server.Prices)
        {
            var when = (p.Rental.Row.Period ?? p.Rental.Row.Year.ToString(CultureInfo.InvariantCulture)) + (p.InYearCompared ? " *" : string.Empty);
            table.AddRow(View.Cell(when), View.Cell(Words.N(p.PricePerHour, 2)), View.Cell(Words.N(p.Payback.RevenuePerHour, 2)), View.Cell(Words.N(p.Payback.MarginPerHour, 2)),
                View.Cell(p.Payback.PaybackYears is { } y ? Words.N(y, 1) : words["market.never"]),
                View.Cell(p.Payback.Irr is { } irr ? Words.Percent(irr) : words["value.none"]), View.Cell(kind(p.Rental.Row.Kind)));
        }

        console.Write(table);
        console.WriteLine(words.Format("market.gpuServer.costs", ("facility", server.Costs.FacilityPerHour), ("power", server.Costs.PowerPerHour),
            ("maintenance", server.Costs.MaintenancePerHour), ("cash", server.Costs.CashCostPerHour), ("currency", cur), ("preset", server.Spec.SitePreset),
            ("basis", words["market.rentBasis." + Words.Camel(server.Spec.RentBasis.ToString())])));
        console.WriteLine(words.Format("market.gpuServer.breakEven", ("capex", server.Spec.CapexPerAccelerator), ("life", server.Spec.LifeYears),
            ("utilisation", server.Spec.Utilisation), ("rate", server.Costs.DiscountRate), ("breakEven", server.BreakEvenPricePerHour),
            ("noReturn", server.BreakEvenPricePerHourNoReturn), ("currency", cur)));
        if (server.Costs.PriceChangePerYear != 0)
        {
            console.WriteLine(words.Format("market.gpuServer.path", ("change", server.Costs.PriceChangePerYear)));
        }

        console.WriteLine();
    }

    private static void Projection(IAnsiConsole console, ProjectionResult projection, BreakEvenRents? breakEven, Words words)
    {
        var cur = words.Currency(projection.Currency);
        var table = View.Table(words.Format("market.projection.title", ("country", words["country." + projection.Spec.Country])), words["market.col.year"],
            words["market.col.capacity"], words["market.col.demand"], words["market.col.vacancy"], words["market.col.rent"], words["market.col.revenue"]);
        for (var i = 1; i <= 5; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        foreach (var y in projection.Years)
        {
            table.AddRow(View.Cell(y.Year.ToString(CultureInfo.InvariantCulture)), View.Cell(Words.N(y.CapacityIndex, 2)), View.Cell(Words.N(y.DemandIndex, 2)),
                View.Cell(Words.Percent(y.Vacancy)), View.Cell(Words.N(y.RentPerKwMonth, 1) + " " + cur), View.Cell(Words.N(y.RevenuePerBuiltKwMonth, 1) + " " + cur));
        }

        console.Write(table);
        console.WriteLine(words.Format("market.projection.inputs", ("capacity", projection.Inputs.CapacityGrowth), ("demand", projection.Inputs.DemandGrowth),
            ("natural", projection.Inputs.NaturalVacancy), ("lambda", projection.Inputs.RentAdjustment)));
        if (breakEven is { } be && be.Currency == projection.Currency)
        {
            console.WriteLine(words.Format("market.projection.breakEven", ("breakEven", be.Accounting), ("preset", be.Preset), ("currency", cur)));
        }

        console.WriteLine();
    }
}
