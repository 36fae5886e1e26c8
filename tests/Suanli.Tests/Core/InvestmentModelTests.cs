using CsCheck;
using Suanli.Core;
using Suanli.Core.Market;

namespace Suanli.Tests.Core;

/// <summary>Investment per country (MODEL.md §6): conversion both ways, sums and the ratio, by hand.</summary>
public class InvestmentModelTests
{
    [Fact]
    public void Conversion_both_ways_by_hand()
    {
        // 2024 average 7.1957 RMB per USD (catalog): RMB 250 bn = USD 34.743 bn; USD 300 bn = RMB 2,158.71 bn.
        Assert.Equal(250e9 / 7.1957, InvestmentModel.ToUsd(250e9, Currency.RMB, 7.1957), 1);
        Assert.Equal(34.7430, InvestmentModel.ToUsd(250e9, Currency.RMB, 7.1957) / 1e9, 4);
        Assert.Equal(2158.71, InvestmentModel.ToRmb(300e9, Currency.USD, 7.1957) / 1e9, 2);
        Assert.Equal(300e9, InvestmentModel.ToUsd(300e9, Currency.USD, 7.1957));
        Assert.Equal(250e9, InvestmentModel.ToRmb(250e9, Currency.RMB, 7.1957));
    }

    [Fact]
    public void Converting_there_and_back_gives_the_amount()
    {
        Gen.Select(Gen.Double[0, 1e13], Gen.Double[1, 20]).Sample((amount, rate) =>
        {
            Assert.Equal(amount, InvestmentModel.ToRmb(InvestmentModel.ToUsd(amount, Currency.RMB, rate), Currency.USD, rate), amount * 1e-12 + 1e-6);
        });
    }

    [Fact]
    public void Totals_sum_the_rows_of_the_year_basis_and_country_and_the_ratio_is_the_same_in_either_currency()
    {
        InvestmentRow[] rows =
        [
            new("A", Country.US, 2024, 100e9, Currency.USD, InvestmentBasis.CompanyWide, null, FigureKind.Reported),
            new("B", Country.US, 2024, 50e9, Currency.USD, InvestmentBasis.CompanyWide, null, FigureKind.Reported),
            new("B", Country.US, 2024, 30e9, Currency.USD, InvestmentBasis.AiOnly, null, FigureKind.Estimate),     // other basis
            new("A", Country.US, 2023, 90e9, Currency.USD, InvestmentBasis.CompanyWide, null, FigureKind.Reported),  // other year
            new("C", Country.CN, 2024, 72e9, Currency.RMB, InvestmentBasis.CompanyWide, null, FigureKind.Reported),
            new("D", Country.CN, 2024, 1e9, Currency.USD, InvestmentBasis.CompanyWide, null, FigureKind.Estimate),
        ];
        var us = InvestmentModel.Total(rows, Country.US, 2024, InvestmentBasis.CompanyWide, 7.2);
        var cn = InvestmentModel.Total(rows, Country.CN, 2024, InvestmentBasis.CompanyWide, 7.2);

        // US 150 bn USD = 1,080 bn RMB; China 72 bn RMB + 1 bn USD = 10 + 1 = 11 bn USD = 79.2 bn RMB; ratio 150 / 11 = 13.636…
        Assert.Equal(150e9, us.TotalUsd, 1);
        Assert.Equal(1080e9, us.TotalRmb, 1);
        Assert.Equal(11e9, cn.TotalUsd, 1);
        Assert.Equal(79.2e9, cn.TotalRmb, 1);
        Assert.Equal(2, us.Companies.Count);
        Assert.Equal(us.TotalUsd / cn.TotalUsd, us.TotalRmb / cn.TotalRmb, 12);
        Assert.Equal(150.0 / 11, us.TotalUsd / cn.TotalUsd, 12);
    }
}
