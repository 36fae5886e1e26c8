namespace Suanli.Core.Market;

/// <summary>The inputs of an illustrative vacancy and rent projection: user assumptions, not forecasts.</summary>
/// <param name="StartYear">The year the projection starts from.</param>
/// <param name="Years">Years projected after it.</param>
/// <param name="StartVacancy">Vacancy in the start year.</param>
/// <param name="StartRentPerKwMonth">Rent in the start year.</param>
/// <param name="CapacityGrowth">Built capacity growth per year.</param>
/// <param name="DemandGrowth">Leased demand growth per year.</param>
/// <param name="NaturalVacancy">The vacancy at which rent holds still (v*).</param>
/// <param name="RentAdjustment">λ: rent's relative change per unit of vacancy below v* (per year).</param>
public sealed record ProjectionInputs(int StartYear, int Years, double StartVacancy, double StartRentPerKwMonth, double CapacityGrowth, double DemandGrowth,
    double NaturalVacancy, double RentAdjustment);

/// <summary>One year of a projection.</summary>
/// <param name="Year">The year.</param>
/// <param name="CapacityIndex">Built capacity, start year = 1.</param>
/// <param name="DemandIndex">Leased demand, start-year capacity = 1.</param>
/// <param name="Vacancy">max(0, 1 − demand ÷ capacity).</param>
/// <param name="RentPerKwMonth">Rent.</param>
/// <param name="RevenuePerBuiltKwMonth">Rent × (1 − vacancy).</param>
/// <param name="RentFloored">Whether the adjustment would have taken rent below zero (it is held at zero).</param>
public sealed record ProjectionYear(int Year, double CapacityIndex, double DemandIndex, double Vacancy, double RentPerKwMonth, double RevenuePerBuiltKwMonth, bool RentFloored);

/// <summary>
/// An illustrative projection of vacancy and rent (issue 11): capacity and demand grow at constant rates from the start year,
/// vacancy is what demand leaves empty, and rent follows the natural-vacancy adjustment of Wheaton &amp; Torto (1988, "Vacancy rates
/// and the future of office rents", AREUEA Journal 16(4)): r_t = r_{t−1} × (1 + λ (v* − v_{t−1})). The rates, v* and λ are inputs.
/// </summary>
public static class ProjectionModel
{
    /// <summary>The start year and each projected year.</summary>
    public static IReadOnlyList<ProjectionYear> Project(ProjectionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var capacity = 1.0;
        var demand = 1 - inputs.StartVacancy;
        var vacancy = inputs.StartVacancy;
        var rent = inputs.StartRentPerKwMonth;
        var rows = new List<ProjectionYear> { new(inputs.StartYear, capacity, demand, vacancy, rent, rent * (1 - vacancy), false) };
        for (var t = 1; t <= inputs.Years; t++)
        {
            var factor = 1 + (inputs.RentAdjustment * (inputs.NaturalVacancy - vacancy));
            var floored = factor < 0;
            rent = floored ? 0 : rent * factor;
            capacity *= 1 + inputs.CapacityGrowth;
            demand *= 1 + inputs.DemandGrowth;
            vacancy = Math.Max(0, 1 - (demand / capacity));
            rows.Add(new ProjectionYear(inputs.StartYear + t, capacity, demand, vacancy, rent, rent * (1 - vacancy), floored));
        }

        return rows;
    }
}
