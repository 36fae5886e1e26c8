using Suanli.Analysis.Cloud;
using Suanli.Analysis.Results;
using Suanli.Core.Cloud;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>
/// The JSON of <c>suanli cloud --json</c>: <c>currency</c>, <c>npv</c>, <c>irr</c>, <c>paybackYears</c>,
/// <c>breakEvenPricePerAcceleratorHour</c>, <c>breakEvenUtilisation</c> (a fraction), <c>costStackPerAcceleratorHour</c>,
/// with the fleet, where it is housed, the published prices beside the break-even and the years.
/// </summary>
public sealed record CloudJson : ScenarioCommandJson
{
    internal CloudJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>The currency of every money figure.</summary>
    public required string Currency { get; init; }

    /// <summary>NPV at the discount rate (capex at time 0).</summary>
    public required double Npv { get; init; }

    /// <summary>IRR, or null when there is no single one.</summary>
    public required double? Irr { get; init; }

    /// <summary>Years until the cumulative flows turn positive, or null.</summary>
    public required double? PaybackYears { get; init; }

    /// <summary>The first-year price at which NPV is zero.</summary>
    public required double? BreakEvenPricePerAcceleratorHour { get; init; }

    /// <summary>The stabilised utilisation at which NPV is zero at the given price, or null when full use does not reach it.</summary>
    public required double? BreakEvenUtilisation { get; init; }

    /// <summary>The cost of a sold accelerator-hour at the stabilised utilisation, by part, with its total.</summary>
    public required IReadOnlyDictionary<string, double> CostStackPerAcceleratorHour { get; init; }

    /// <summary>The fleet and the price.</summary>
    public required CloudFleetJson Fleet { get; init; }

    /// <summary>Where the servers are housed.</summary>
    public required CloudHousingJson Housing { get; init; }

    /// <summary>Published prices beside the break-even.</summary>
    public required IReadOnlyList<MarketPriceJson> MarketPrices { get; init; }

    /// <summary>Each year.</summary>
    public required IReadOnlyList<CloudYear> Years { get; init; }

    /// <summary>Every input with its value, unit, source and origin.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Named figures.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Readings: code, arguments and text.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>The fleet.</summary>
/// <param name="Accelerator">Catalog id.</param>
/// <param name="Servers">Servers.</param>
/// <param name="AcceleratorsPerServer">Per server.</param>
/// <param name="Accelerators">In all.</param>
/// <param name="Capex">Server and network capex.</param>
/// <param name="KwPerAccelerator">IT kW per accelerator at full use.</param>
/// <param name="LifeMonths">Months the servers earn.</param>
/// <param name="PricePerHour">First-year price.</param>
/// <param name="PriceChangePerYear">Its change a year.</param>
/// <param name="StabilisedUtilisation">Utilisation once ramped.</param>
public sealed record CloudFleetJson(string Accelerator, int Servers, int AcceleratorsPerServer, int Accelerators, double Capex, double KwPerAccelerator, int LifeMonths,
    double PricePerHour, double PriceChangePerYear, double StabilisedUtilisation);

/// <summary>Where the servers are housed.</summary>
/// <param name="SitePreset">The site preset, or null for colocation.</param>
/// <param name="RentBasis">marketRent, accountingBreakEven or economicBreakEven, or null for colocation.</param>
/// <param name="RentPerKwMonth">Rent per contracted kW-month.</param>
/// <param name="ElectricityPricePerKwh">Billed on top (0 when in the rent).</param>
/// <param name="Pue">Billed at.</param>
public sealed record CloudHousingJson(string? SitePreset, string? RentBasis, double RentPerKwMonth, double ElectricityPricePerKwh, double Pue);

/// <summary>A published price beside the break-even.</summary>
/// <param name="Label">What it is.</param>
/// <param name="PricePerHour">The price.</param>
/// <param name="MarginOverBreakEven">Price − break-even price, or null.</param>
/// <param name="Npv">NPV at that price.</param>
public sealed record MarketPriceJson(string Label, double PricePerHour, double? MarginOverBreakEven, double Npv);

/// <summary>Turns a <see cref="CloudAnalysisResult"/> into <see cref="CloudJson"/>.</summary>
public static class CloudJsonWriter
{
    /// <summary>The JSON record of a result, texts in the words' language.</summary>
    public static CloudJson ToJson(CloudAnalysisResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var r = result.Result;
        var s = r.CostStack;
        var x = result.Inputs;
        return new CloudJson(result.Header, words)
        {
            Currency = result.Currency.ToString(),
            Npv = r.Npv,
            Irr = r.Irr.AnnualRate,
            PaybackYears = r.PaybackYears,
            BreakEvenPricePerAcceleratorHour = r.BreakEvenPricePerHour,
            BreakEvenUtilisation = r.BreakEvenUtilisation,
            CostStackPerAcceleratorHour = new OrderedDictionaryOf<double>([
                KeyValuePair.Create("servers", s.Servers), KeyValuePair.Create("network", s.Network), KeyValuePair.Create("facility", s.Facility),
                KeyValuePair.Create("power", s.Power), KeyValuePair.Create("staff", s.Staff), KeyValuePair.Create("maintenance", s.Maintenance),
                KeyValuePair.Create("total", s.Total)]),
            Fleet = new CloudFleetJson(result.Spec.Accelerator.Id, x.Servers, x.AcceleratorsPerServer, x.Accelerators, x.Capex, x.KwPerAccelerator, x.LifeMonths, x.PricePerHour,
                x.PriceChangePerYear, x.StabilisedUtilisation),
            Housing = new CloudHousingJson(result.Housing.SitePreset, result.Housing.RentBasis is { } b ? Suanli.Reports.Words.Camel(b.ToString()) : null,
                result.Housing.RentPerKwMonth, result.Housing.ElectricityPricePerKwh, result.Housing.Pue),
            MarketPrices = [.. result.MarketPrices.Select(p => new MarketPriceJson(p.Price.Label, p.Price.PricePerHour, p.Margin, p.Npv))],
            Years = r.Years,
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }
}
