namespace Suanli.Tests.Scenarios;

/// <summary>A small valid scenario whose line numbers the tests rely on.</summary>
internal static class ScenarioText
{
    // Line numbers (1-based) of some keys, used in assertions.
    public const int NameLine = 1;
    public const int SiteLine = 3;
    public const int ItCapacityLine = 4;
    public const int DesignPueLine = 16;
    public const int VacancyLine = 28;

    public const string Valid = """
        name: test
        currency: RMB
        site:
          itCapacityMw: 10
          constructionMonths: 24
          capex:
            land: {costPerMw: 1000000, usefulLifeYears: 0}
            building: {costPerMw: 18000000, usefulLifeYears: 20}
            electrical: {costPerMw: 17000000, usefulLifeYears: 20}
            mechanical: {costPerMw: 10000000, usefulLifeYears: 20}
            fitOut: {costPerMw: 5000000, usefulLifeYears: 15}
            softCosts: {costPerMw: 0, usefulLifeYears: 20}
          electricityPricePerKwh: 0.63
          powerPricing: passThrough
          loadFactor: 0.7
          designPue: 1.25
          pueFixedShare: 0.3
          staffFte: 30
          staffCostPerFteYear: 150000
          maintenanceRateOfMepCapex: 0.006
          insuranceAndPropertyTaxRateOfCapex: 0.004
          otherFixedOpexPerMwYear: 100000
          opexInflation: 0.02
          rentPerKwMonth: 300
          rentEscalator: 0
          initialOccupancy: 0.3
          occupancyRampMonths: 36
          vacancy: 0.35
          incomeTaxRate: 0.25
          discountRate: 0.08
        """;

    /// <summary>The valid scenario with one line replaced (1-based).</summary>
    public static string WithLine(int line, string replacement)
    {
        var lines = Valid.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The valid scenario without the line holding <paramref name="key"/>.</summary>
    public static string Without(string key) =>
        string.Join('\n', Valid.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)));
}
