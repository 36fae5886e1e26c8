namespace Suanli.Core;

/// <summary>The unit of a figure. Money units are "per" a physical unit and carry the currency beside them.</summary>
public enum Unit
{
    /// <summary>A pure number (a ratio, a count of things without a unit word).</summary>
    None,

    /// <summary>A fraction in [0, 1] (occupancy, vacancy, share, rate per year).</summary>
    Fraction,

    /// <summary>Years.</summary>
    Years,

    /// <summary>Days.</summary>
    Days,

    /// <summary>Hours.</summary>
    Hours,

    /// <summary>Minutes.</summary>
    Minutes,

    /// <summary>Watts.</summary>
    Watts,

    /// <summary>Megawatts.</summary>
    Mw,

    /// <summary>Megawatt-hours.</summary>
    Mwh,

    /// <summary>Tonnes of CO2.</summary>
    TonnesCo2,

    /// <summary>Full-time equivalents of staff.</summary>
    Fte,

    /// <summary>Money, in the figure's currency.</summary>
    Money,

    /// <summary>Money per kW per month.</summary>
    MoneyPerKwMonth,

    /// <summary>Money per MW of IT capacity.</summary>
    MoneyPerMw,

    /// <summary>Money per year.</summary>
    MoneyPerYear,

    /// <summary>Money per MW of IT capacity per year.</summary>
    MoneyPerMwYear,

    /// <summary>Money per accelerator-hour.</summary>
    MoneyPerAcceleratorHour,

    /// <summary>Interruptions (or events) per day.</summary>
    PerDay,

    /// <summary>Floating-point operations.</summary>
    Flop,

    /// <summary>Accelerator-hours.</summary>
    AcceleratorHours,

    /// <summary>Accelerators.</summary>
    Accelerators,

    /// <summary>Kilometres.</summary>
    Km,

    /// <summary>Power usage effectiveness: facility energy ÷ IT energy.</summary>
    Pue,

    /// <summary>Times (a multiple, "7×").</summary>
    Times,

    /// <summary>Tokens per second.</summary>
    TokensPerSecond,

    /// <summary>Floating-point operations per second.</summary>
    FlopPerSecond,

    /// <summary>Tokens (a count of tokens).</summary>
    Tokens,

    /// <summary>Gigabytes (10⁹ bytes).</summary>
    Gigabytes,

    /// <summary>Kilowatt-hours.</summary>
    Kwh,

    /// <summary>Kilowatt-hours per million tokens.</summary>
    KwhPerMillionTokens,

    /// <summary>Money per million tokens.</summary>
    MoneyPerMillionTokens,

    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>Gigabits per second.</summary>
    Gbps,
}
