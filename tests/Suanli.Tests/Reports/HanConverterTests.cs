using Suanli.Reports;

namespace Suanli.Tests.Reports;

public class HanConverterTests
{
    [Theory]
    [InlineData("數據中心", "数据中心")]
    [InlineData("「集羣式」數據中心", "「集群式」数据中心")]
    [InlineData("當機概率將呈現指數級攀升", "当机概率将呈现指数级攀升")]
    [InlineData("一個人類大腦在工作時耗電功率大約在 20W。", "一个人类大脑在工作时耗电功率大约在 20W。")]
    [InlineData("阿里巴巴宣布未來五年總投入 3800 億人民幣", "阿里巴巴宣布未来五年总投入 3800 亿人民币")]
    [InlineData("中芯國際已突破 7nm 製程", "中芯国际已突破 7nm 制程")]
    [InlineData("ASCII only, 123.", "ASCII only, 123.")]
    [InlineData("", "")]
    public void Converts_Traditional_to_Simplified_as_OpenCC_does(string traditional, string simplified) =>
        Assert.Equal(simplified, HanConverter.ToSimplified(traditional));

    [Fact]
    public void Phrases_win_over_characters_where_a_character_has_several_simplified_forms()
    {
        // 乾 is 干 in 乾燥 (dry) but stays 乾 in 乾隆 (a reign name): only the phrase table knows.
        Assert.Equal("干燥", HanConverter.ToSimplified("乾燥"));
        Assert.Equal("乾隆", HanConverter.ToSimplified("乾隆"));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_pass_through_whole()
    {
        const string text = "𠀀數";
        Assert.Equal("𠀀数", HanConverter.ToSimplified(text));
    }
}
