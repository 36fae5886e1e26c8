namespace Suanli.Core;

/// <summary>The currencies Suanli computes in. Every money value carries one.</summary>
public enum Currency
{
    /// <summary>Chinese yuan renminbi.</summary>
    RMB,

    /// <summary>United States dollar.</summary>
    USD,
}

/// <summary>An amount of money in a stated currency.</summary>
public readonly record struct Money
{
    /// <summary>Creates an amount; NaN and infinities are programmer errors.</summary>
    public Money(double amount, Currency currency)
    {
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A money amount must be finite.");
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, in units of <see cref="Currency"/>.</summary>
    public double Amount { get; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    public Currency Currency { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount:0.##} {Currency}");
}
