using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Analysis.Compute;

/// <summary>Prices and exchange rates of compute runs: which rate, which price, in which currency, and why (docs/compute.md, Currencies).</summary>
internal static class ComputePricing
{
    /// <summary>The rate for the run's own prices: --fx-rmb-per-usd, else compute.fxRmbPerUsd, else the catalog's average for compute.priceYear, else its latest year.</summary>
    public static ExchangeRateUsed RunFx(ComputeCatalog catalog, double? option, ComputeScenario? compute)
    {
        if (option is { } o)
        {
            return new ExchangeRateUsed(new ExchangeRate(o, null), Finding.Info("compute.fx.option"), null);
        }

        if (compute?.FxRmbPerUsd is { } s)
        {
            return new ExchangeRateUsed(new ExchangeRate(s, null), Finding.Info("compute.fx.scenario"), null);
        }

        if (compute?.PriceYear is { } year && catalog.ExchangeRateFor(year) is { } rate)
        {
            return new ExchangeRateUsed(rate, Finding.Info("compute.fx.priceYear", ("year", year)), catalog.ExchangeRateSource(year));
        }

        var latest = catalog.LatestExchangeRate;
        return new ExchangeRateUsed(latest, Finding.Info("compute.fx.latest", ("year", latest.Year!.Value)), catalog.ExchangeRateSource(latest.Year!.Value));
    }

    /// <summary>The rate for the authors' published cost: a stated rate, else the catalog's average for the year of their prices.</summary>
    public static ExchangeRateUsed PublishedFx(ComputeCatalog catalog, double? option, ComputeScenario? compute, ModelSpec model)
    {
        if (option is not null || compute?.FxRmbPerUsd is not null || model.ReportedCostYear is not { } year || catalog.ExchangeRateFor(year) is not { } rate)
        {
            return RunFx(catalog, option, compute);
        }

        return new ExchangeRateUsed(rate, Finding.Info("compute.fx.publishedYear", ("year", year)), catalog.ExchangeRateSource(year));
    }

    /// <summary>
    /// The price of a run without a scenario: --price-per-hour in --currency (else the currency of the catalog price it
    /// replaces), or the catalog price converted to --currency; null after an error when a price has no currency at all.
    /// </summary>
    public static PriceUsed? FlagsPrice(List<RequestError> errors, ComputeOptions options, Accelerator accelerator, ExchangeRateUsed fx)
    {
        var rental = accelerator.RentalPricePerHour;
        if (options.PricePerHour is { } p)
        {
            if (options.Currency is { } c)
            {
                return new PriceUsed(accelerator.Id, new Money(p, c), Finding.Info("compute.price.option"));
            }

            if (rental is { } r)
            {
                return new PriceUsed(accelerator.Id, new Money(p, r.Currency),
                    Finding.Info("compute.price.optionCatalogCurrency", ("accelerator", accelerator.Id), ("currency", ComputeTerms.Currency(r.Currency))));
            }

            errors.Add(RequestError.Option("--currency", "priceNeedsCurrencyCatalog", ("accelerator", accelerator.Id)));
            return null;
        }

        if (rental is { } price)
        {
            if (options.Currency is { } to && to != price.Currency)
            {
                return new PriceUsed(accelerator.Id, fx.Rate.Convert(price, to), Converted("compute.price.marketRentalConverted", price, fx));
            }

            return new PriceUsed(accelerator.Id, price, Finding.Info("compute.price.marketRental"));
        }

        return new PriceUsed(accelerator.Id, null, Finding.Info("compute.price.none", ("accelerator", accelerator.Id)));
    }

    /// <summary>A price converted from another currency, with the amount as given and the rate.</summary>
    public static Finding Converted(string code, Money given, ExchangeRateUsed fx) =>
        Finding.Info(code, ("given", given.Amount), ("givenCurrency", ComputeTerms.Currency(given.Currency)), ("rate", fx.Rate.RmbPerUsd));
}
