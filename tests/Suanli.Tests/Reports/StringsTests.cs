using System.Globalization;
using Suanli.Analysis.Results;
using Suanli.Reports;

namespace Suanli.Tests.Reports;

public class StringsTests
{
    public static TheoryData<Language> ChineseLanguages => [Language.ZhHant, Language.ZhHans];

    [Theory]
    [MemberData(nameof(ChineseLanguages))]
    public void Every_English_key_exists_in_each_Chinese_resource_file_with_the_same_placeholders(Language language)
    {
        var english = Strings.All(Language.En);
        var other = Strings.All(language);
        Assert.True(english.Count > 100, $"only {english.Count} English keys were read");
        var missing = english.Keys.Except(other.Keys).ToList();
        var extra = other.Keys.Except(english.Keys).ToList();
        Assert.True(missing.Count == 0, $"missing in {language.Tag()}: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"only in {language.Tag()}: {string.Join(", ", extra)}");
        var differing = english
            .Where(kv => !Strings.Placeholders(kv.Value).Order().SequenceEqual(Strings.Placeholders(other[kv.Key]).Order()))
            .Select(kv => $"{kv.Key}: [{string.Join(",", Strings.Placeholders(kv.Value))}] vs [{string.Join(",", Strings.Placeholders(other[kv.Key]))}]")
            .ToList();
        Assert.True(differing.Count == 0, string.Join("; ", differing));
    }

    [Theory]
    [MemberData(nameof(ChineseLanguages))]
    public void Chinese_texts_are_written_in_Chinese_not_left_in_English(Language language)
    {
        // A translated text has at least one CJK character unless it is a pure format (units, numbers, PUE).
        var english = Strings.All(Language.En);
        var untranslated = Strings.All(language)
            .Where(kv => kv.Value == english[kv.Key] && kv.Value.Any(char.IsAsciiLetter) && !Allowed(kv.Value))
            .Select(kv => kv.Key)
            .ToList();
        Assert.True(untranslated.Count == 0, "left in English: " + string.Join(", ", untranslated));

        // Unit symbols (W, MW, MWh, Gbps) and acronyms (PUE, EBITDA, FCF) are written in Latin letters in Chinese too.
        static bool Allowed(string text) => text.Replace("{value}", string.Empty, StringComparison.Ordinal)
            .Replace("{currency}", string.Empty, StringComparison.Ordinal).Trim() is { Length: <= 8 } rest
            && (rest.All(char.IsAsciiLetterUpper) || rest is "MWh" or "W" or "Gbps");
    }

    [Fact]
    public void Traditional_and_Simplified_files_differ_where_the_scripts_differ()
    {
        var hant = Strings.All(Language.ZhHant);
        var hans = Strings.All(Language.ZhHans);
        Assert.Equal("會計損益平衡租金", hant["test.breakEvenRent"]);
        Assert.Equal("会计盈亏平衡租金", hans["test.breakEvenRent"]);
        // No Traditional-only character survives in the Simplified file.
        var leftovers = hans.Where(kv => HanConverter.ToSimplified(kv.Value) != kv.Value).Select(kv => kv.Key).ToList();
        Assert.True(leftovers.Count == 0, "Traditional characters in zh-Hans: " + string.Join(", ", leftovers));
    }

    [Fact]
    public void Named_placeholders_are_filled_with_invariant_numbers_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var s = Strings.For(Language.En);
            Assert.Equal("1,234.5 RMB/kW-month", s.Format("unit.moneyPerKwMonth", ("value", Words.N(1234.5, 1)), ("currency", "RMB")));
            Assert.Equal("12.5%", s.FormatValue(0.125, "pct1"));
            Assert.Equal("-722.66", s.FormatValue(-722_660_000.0, "m"));
            Assert.Equal("1,000", s.FormatValue(1000.4, "n0"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Terms_and_term_lists_are_looked_up_in_the_language()
    {
        var hans = Strings.For(Language.ZhHans);
        Assert.Equal("可复现", hans.FormatValue(new Term("verdict.reproduced"), null));
        Assert.Equal("可复现、部分成立", hans.FormatValue(new List<Term> { new("verdict.reproduced"), new("verdict.mixed") }, null));
        Assert.Equal("none", Strings.For(Language.En).FormatValue(new List<Term>(), null));
    }

    [Fact]
    public void A_placeholder_the_caller_does_not_give_is_a_programmer_error_not_a_blank()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Strings.For(Language.En).Format("unit.moneyPerKwMonth", ("value", "1")));
        Assert.Contains("currency", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{a} and {b:n1} and {{literal}}", "a,b")]
    [InlineData("no placeholders", "")]
    [InlineData("{x}{x}", "x")]
    public void Placeholders_are_read_by_name(string text, string expected) =>
        Assert.Equal(expected, string.Join(",", Strings.Placeholders(text)));

    [Fact]
    public void Money_is_scaled_as_each_language_reads_it()
    {
        Assert.Equal("-722.7 M RMB", Words.For(Language.En).Quantity(-722.66e6, Suanli.Core.Unit.Money, Suanli.Core.Currency.RMB));
        Assert.Equal("-7.23 億元", Words.For(Language.ZhHant).Quantity(-722.66e6, Suanli.Core.Unit.Money, Suanli.Core.Currency.RMB));
        Assert.Equal("3,000 亿美元", Words.For(Language.ZhHans).Quantity(300e9, Suanli.Core.Unit.Money, Suanli.Core.Currency.USD));
        Assert.Equal("300.0 bn USD", Words.For(Language.En).Quantity(300e9, Suanli.Core.Unit.Money, Suanli.Core.Currency.USD));
        Assert.Equal("n/a", Words.For(Language.En).Quantity(double.NaN, Suanli.Core.Unit.Money, Suanli.Core.Currency.USD));
    }
}
