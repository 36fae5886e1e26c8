namespace Suanli.Scenarios.Schema;

/// <summary>Computed figures a claim can be compared with.</summary>
public enum ClaimMetric
{
    /// <summary>Accounting break-even rent, currency per kW-month.</summary>
    AccountingBreakEvenRentPerKwMonth,

    /// <summary>Economic (NPV = 0) break-even rent, currency per kW-month.</summary>
    EconomicBreakEvenRentPerKwMonth,

    /// <summary>Accounting break-even occupancy, fraction (the JSON key breakEvenOccupancy).</summary>
    BreakEvenOccupancy,

    /// <summary>PUE at stabilised occupancy.</summary>
    PueAtStabilisedOccupancy,

    /// <summary>Stabilised-year accounting profit, currency per year.</summary>
    StabilisedYearProfit,

    /// <summary>Net present value, currency.</summary>
    Npv,
}

/// <summary>How an essay figure is read against a computed one.</summary>
public enum ClaimComparison
{
    /// <summary>Supported when the two agree within 15 %.</summary>
    About,

    /// <summary>The essay says "at least": supported when the computed figure is no lower.</summary>
    AtLeast,

    /// <summary>The essay says "at most": supported when the computed figure is no higher.</summary>
    AtMost,
}
