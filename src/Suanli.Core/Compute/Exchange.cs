namespace Suanli.Core.Compute;

/// <summary>An RMB/USD exchange rate and where it comes from.</summary>
/// <param name="RmbPerUsd">Renminbi per US dollar.</param>
/// <param name="Year">Year whose average it is; null when the scenario states its own rate.</param>
public sealed record ExchangeRate(double RmbPerUsd, int? Year)
{
    /// <summary>An amount in <paramref name="to"/>: RMB = USD × rate, USD = RMB ÷ rate; unchanged when already in it.</summary>
    public Money Convert(Money amount, Currency to) => amount.Currency == to ? amount
        : to == Currency.RMB ? new Money(amount.Amount * RmbPerUsd, to)
        : new Money(amount.Amount / RmbPerUsd, to);
}
