using Suanli.Core;
using Suanli.Core.Economics;

namespace Suanli.Tests.Core;

/// <summary>Small sites whose cash flows can be checked on paper.</summary>
internal static class TestSites
{
    /// <summary>
    /// A two-year project: 1 MW built over 12 months for 1.2 M (building, 10-year life), then one year fully leased at
    /// 100 per kW-month with power passed through at the actual PUE, one FTE at 120,000 a year, 25 % tax, 10 % discount rate.
    /// </summary>
    public static SiteEconomics TwoYear() => new()
    {
        Currency = Currency.RMB,
        ItCapacityMw = 1,
        ConstructionMonths = 12,
        HorizonYears = 1,
        Phases = [new DeliveryPhase(1, 0)],
        Capex =
        [
            new CapexItem(CapexComponent.Land, 0, 0),
            new CapexItem(CapexComponent.Building, 1_200_000, 10),
        ],
        ReplaceAtEndOfLife = true,
        TerminalValue = TerminalValueMethod.BookValue,
        DesignPue = 1.2,
        PueFixedShare = 0.5,
        LoadFactor = 0.5,
        ElectricityPricePerKwh = 0.5,
        PowerPricing = PowerPricing.PassThrough,
        StaffFte = 1,
        StaffCostPerFteYear = 120_000,
        MaintenanceRateOfMepCapex = 0,
        InsuranceAndPropertyTaxRateOfCapex = 0,
        OtherFixedOpexPerMwYear = 0,
        RentPerKwMonth = 100,
        InitialOccupancy = 1,
        Vacancy = 0,
        OccupancyRampMonths = 0,
        IncomeTaxRate = 0.25,
        DiscountRate = 0.10,
    };
}
