using System.Globalization;
using Suanli.Reports;

namespace Suanli.Tests.Reports;

public class LanguagesTests
{
    [Theory]
    [InlineData("en", Language.En)]
    [InlineData("EN", Language.En)]
    [InlineData("en_US.UTF-8", Language.En)]
    [InlineData("zh-Hant", Language.ZhHant)]
    [InlineData("zh_TW.UTF-8", Language.ZhHant)]
    [InlineData("zh-HK", Language.ZhHant)]
    [InlineData("zh-MO", Language.ZhHant)]
    [InlineData("zh-Hans", Language.ZhHans)]
    [InlineData("zh-CN", Language.ZhHans)]
    [InlineData("zh-SG", Language.ZhHans)]
    public void Parses_the_names_users_give(string name, Language expected) => Assert.Equal(expected, Languages.Parse(name));

    [Theory]
    [InlineData("fr")]
    [InlineData("zh-XX")]
    [InlineData("")]
    [InlineData(" ")]
    public void Rejects_what_it_does_not_write(string name) => Assert.Null(Languages.Parse(name));

    [Theory]
    [InlineData("zh-TW", Language.ZhHant)]
    [InlineData("zh-Hant-HK", Language.ZhHant)]
    [InlineData("zh-CN", Language.ZhHans)]
    [InlineData("zh-Hans-SG", Language.ZhHans)]
    [InlineData("de-DE", Language.En)]
    [InlineData("", Language.En)]
    public void Chooses_from_the_UI_culture(string culture, Language expected) =>
        Assert.Equal(expected, Languages.FromCulture(CultureInfo.GetCultureInfo(culture)));
}
