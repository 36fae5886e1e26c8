namespace Suanli.Core.Compute;

/// <summary>An RMB/USD exchange rate and where it comes from.</summary>
/// <param name="RmbPerUsd">Renminbi per US dollar.</param>
/// <param name="Year">Year whose average it is; null when the scenario states its own rate.</param>
public sealed record ExchangeRate(double RmbPerUsd, int? Year)
{
    /// <summary>An amount in <paramref name="to"/>: RMB = USD × rate, USD = RMB ÷ rate; unchanged when already in it.</summary>
    public Money Convert(Money amount, Currency to) =>
        TryConvert(amount, to) ?? throw new ArgumentOutOfRangeException(nameof(amount), amount.Amount, "The converted amount is not a finite number.");

    /// <summary>An amount in <paramref name="to"/>, or null when the converted amount is not a finite number (an absurd rate or amount).</summary>
    public Money? TryConvert(Money amount, Currency to)
    {
        if (amount.Currency == to)
        {
            return amount;
        }

        var converted = to == Currency.RMB ? amount.Amount * RmbPerUsd : amount.Amount / RmbPerUsd;
        return double.IsFinite(converted) ? new Money(converted, to) : null;
    }
}
