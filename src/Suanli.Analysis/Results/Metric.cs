using Suanli.Core;

namespace Suanli.Analysis.Results;

/// <summary>One named figure of a result: a stable key a sweep, a report or a later Monte Carlo can read by name.</summary>
/// <param name="Key">Stable camelCase key, e.g. <c>npv</c>, <c>accountingBreakEvenRentPerKwMonth</c>, <c>ettr</c>.</param>
/// <param name="Value">The value; null when the figure does not exist (no IRR, no break-even), with a finding saying why.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Currency">The currency of a money figure; null otherwise.</param>
public sealed record Metric(string Key, double? Value, Unit Unit, Currency? Currency = null);
