using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static LoadResult Load(string yaml, params string[] sets) => ScenarioLoader.FromText(yaml, "test.yaml", sets);

    private static Diagnostic SingleError(LoadResult result)
    {
        Assert.Null(result.Scenario);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_valid_scenario_loads_into_the_economics_model()
    {
        var result = Load(ScenarioText.Valid);
        Assert.Empty(result.Diagnostics);
        var site = result.Scenario!.Site!;
        Assert.Equal(10, site.ItCapacityMw);
        Assert.Equal(0.35, site.Vacancy);
        Assert.Equal(PowerPricing.PassThrough, site.PowerPricing);
        Assert.Equal(20, site.HorizonYears);                       // documented default
        Assert.Equal(TerminalValueMethod.BookValue, site.TerminalValue);
        Assert.Null(site.PassThroughPue);
        Assert.Null(site.LossCarryForwardYears);
        Assert.Single(site.Phases);
        Assert.Equal(51_000_000, site.CapexPerMw);
    }

    [Fact]
    public void Every_value_used_is_recorded_with_its_origin()
    {
        var scenario = Load(ScenarioText.Valid, "site.vacancy=0.05").Scenario!;
        var vacancy = Assert.Single(scenario.Inputs, i => i.Path == "site.vacancy");
        Assert.Equal(InputOrigin.Set, vacancy.Origin);
        Assert.Equal("0.05", vacancy.Value);
        var horizon = Assert.Single(scenario.Inputs, i => i.Path == "site.horizonYears");
        Assert.Equal(InputOrigin.Default, horizon.Origin);
        var capacity = Assert.Single(scenario.Inputs, i => i.Path == "site.itCapacityMw");
        Assert.Equal((ScenarioText.ItCapacityLine, 17), (capacity.Line, capacity.Column));
        Assert.Equal("MW", capacity.Unit);
    }

    [Fact]
    public void A_value_may_carry_its_source()
    {
        var yaml = ScenarioText.WithLine(ScenarioText.VacancyLine, "  vacancy: {value: 0.31, source: \"CAICT via Tianfeng 2025\"}");
        var scenario = Load(yaml).Scenario!;
        Assert.Equal(0.31, scenario.Site!.Vacancy);
        Assert.Equal("CAICT via Tianfeng 2025", Assert.Single(scenario.Inputs, i => i.Path == "site.vacancy").Source);
    }

    [Fact]
    public void Unknown_keys_are_errors_with_line_column_and_a_suggestion()
    {
        var result = Load(ScenarioText.WithLine(ScenarioText.VacancyLine, "  vacancyy: 0.35"));
        Assert.Null(result.Scenario);
        var d = Assert.Single(result.Diagnostics, x => x.Code == DiagnosticCodes.UnknownKey);
        Assert.Contains(result.Diagnostics, x => x.Code == DiagnosticCodes.MissingKey && x.Path == "site.vacancy");
        Assert.Equal((ScenarioText.VacancyLine, 3), (d.Line, d.Column));
        Assert.Equal("site.vacancyy", d.Path);
        Assert.Contains("did you mean 'vacancy'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_section_is_an_error()
    {
        var d = Load(ScenarioText.Valid + "\nsitee: {}").Diagnostics.First();
        Assert.Equal(DiagnosticCodes.UnknownKey, d.Code);
        Assert.Contains("did you mean 'site'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_keys_are_errors_at_their_section()
    {
        var d = SingleError(Load(ScenarioText.Without("discountRate")));
        Assert.Equal(DiagnosticCodes.MissingKey, d.Code);
        Assert.Equal("site.discountRate", d.Path);
        Assert.Equal(ScenarioText.ItCapacityLine, d.Line);          // the site mapping starts with its first key
        Assert.Contains("[0, 1] fraction/year", d.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_top_level_keys_are_errors()
    {
        var d = SingleError(Load(ScenarioText.Without("currency")));
        Assert.Equal("currency", d.Path);
        Assert.Equal("RMB, USD", d.Allowed);
    }

    [Theory]
    [InlineData("  itCapacityMw: abc", "expected a number, got 'abc'")]
    [InlineData("  itCapacityMw: \"10\"", "quoted text")]
    [InlineData("  itCapacityMw: [10]", "got a list")]
    [InlineData("  itCapacityMw: 35%", "percentage")]
    public void Wrong_types_are_errors(string line, string message)
    {
        var d = SingleError(Load(ScenarioText.WithLine(ScenarioText.ItCapacityLine, line)));
        Assert.Equal(DiagnosticCodes.WrongType, d.Code);
        Assert.Equal("site.itCapacityMw", d.Path);
        Assert.Equal(ScenarioText.ItCapacityLine, d.Line);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_numbers_are_required_where_the_schema_says_so()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.constructionMonths=24.5"));
        Assert.Equal(DiagnosticCodes.WrongType, d.Code);
        Assert.Equal("site.constructionMonths", d.Path);
        Assert.Contains("whole number", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("NaN")]
    [InlineData("1e999")]
    public void Nan_and_infinity_are_errors(string value)
    {
        var d = SingleError(Load(ScenarioText.WithLine(ScenarioText.DesignPueLine, "  designPue: " + value)));
        Assert.Equal(DiagnosticCodes.NotFinite, d.Code);
        Assert.Equal("site.designPue", d.Path);
        Assert.Equal((ScenarioText.DesignPueLine, 14), (d.Line, d.Column));
    }

    [Theory]
    [InlineData("site.itCapacityMw=-5", "cannot be negative")]
    [InlineData("site.itCapacityMw=0", "0 is outside [0.01, 5000] MW (Suanli models a data center from 0.01 MW, 10 kW or a few racks")]
    [InlineData("site.vacancy=1.4", "fractions are written 0–1")]
    [InlineData("site.vacancy=-0.1", "cannot be negative")]
    [InlineData("site.initialOccupancy=1.01", "outside [0, 1] fraction")]
    [InlineData("site.designPue=0.95", "outside [1, 3] ratio")]
    [InlineData("site.designPue=7", "outside [1, 3] ratio")]
    [InlineData("site.incomeTaxRate=1.5", "outside [0, 0.9] fraction")]
    [InlineData("site.horizonYears=500", "outside [1, 60] years")]
    public void Values_outside_their_range_are_errors(string set, string message)
    {
        var d = SingleError(Load(ScenarioText.Valid, set));
        Assert.Equal(DiagnosticCodes.OutOfRange, d.Code);
        Assert.Equal(set[..set.IndexOf('=', StringComparison.Ordinal)], d.Path);
        Assert.Equal("--set[1]", d.File);
        Assert.Equal(set.IndexOf('=', StringComparison.Ordinal) + 2, d.Column);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site.rentPerKwMonth=50000", "site.rentPerKwMonth")]
    [InlineData("site.capex.building.costPerMw=900000000", "site.capex.building.costPerMw")]   // the sum is checked; the --set that broke it is named
    [InlineData("site.electricityPricePerKwh=15", "site.electricityPricePerKwh")]
    public void Values_far_outside_market_sense_are_errors_in_the_scenario_currency(string set, string path)
    {
        var result = Load(ScenarioText.Valid, set);
        var d = Assert.Single(result.Diagnostics, x => x.Code == DiagnosticCodes.Implausible);
        Assert.Equal(path, d.Path);
        Assert.Contains("RMB", d.Allowed, StringComparison.Ordinal);
        Assert.Contains("USD", d.Allowed, StringComparison.Ordinal);
        Assert.True(d.Line > 0);
    }

    [Fact]
    public void Choices_are_checked_and_listed()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.powerPricing=passthru"));
        Assert.Equal(DiagnosticCodes.UnknownChoice, d.Code);
        Assert.Equal("site.powerPricing", d.Path);
        Assert.Equal("passThrough, included", d.Allowed);
    }

    [Fact]
    public void Set_overrides_with_the_same_checks_as_the_file()
    {
        var scenario = Load(ScenarioText.Valid, "site.vacancy=0.05", "site.rentPerKwMonth=350", "site.powerPricing=included").Scenario!;
        Assert.Equal(0.05, scenario.Site!.Vacancy);
        Assert.Equal(350, scenario.Site.RentPerKwMonth);
        Assert.Equal(PowerPricing.Included, scenario.Site.PowerPricing);
    }

    [Fact]
    public void Set_may_add_an_optional_key_the_file_lacks()
    {
        var scenario = Load(ScenarioText.Valid, "site.lossCarryForwardYears=5", "site.horizonYears=25").Scenario!;
        Assert.Equal(5, scenario.Site!.LossCarryForwardYears);
        Assert.Equal(25, scenario.Site.HorizonYears);
    }

    [Fact]
    public void Set_replaces_a_sourced_value()
    {
        var yaml = ScenarioText.WithLine(ScenarioText.VacancyLine, "  vacancy: {value: 0.31, source: \"published\"}");
        var scenario = Load(yaml, "site.vacancy=0.2").Scenario!;
        Assert.Equal(0.2, scenario.Site!.Vacancy);
        Assert.Equal(InputOrigin.Set, scenario.Inputs.Single(i => i.Path == "site.vacancy").Origin);
    }

    [Fact]
    public void Set_of_an_unknown_path_suggests_the_right_one()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.vacency=0.1"));
        Assert.Equal(DiagnosticCodes.SetUnknownPath, d.Code);
        Assert.Equal("--set[1]", d.File);
        Assert.Contains("did you mean 'site.vacancy'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_of_a_section_lists_its_values()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.capex.land=5"));
        Assert.Contains("is a section", d.Message, StringComparison.Ordinal);
        Assert.Contains("site.capex.land.costPerMw", d.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_without_an_equals_sign_is_an_error()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.vacancy"));
        Assert.Equal(DiagnosticCodes.SetSyntax, d.Code);
        Assert.Equal("--set[1]", d.File);
        Assert.Contains("'site.vacancy' is not of the form path=value", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_reaches_list_items_that_exist()
    {
        var yaml = ScenarioText.Valid + "\n  phases:\n    - {itMw: 4, startMonth: 0}\n    - {itMw: 6, startMonth: 12}";
        var scenario = Load(yaml, "site.phases[1].startMonth=24").Scenario!;
        Assert.Equal(24, scenario.Site!.Phases[1].StartMonth);
        var d = SingleError(Load(yaml, "site.phases[5].itMw=1"));
        Assert.Equal("site.phases[5].itMw", d.Path);
        Assert.Contains("no such list item", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Phases_must_add_up_to_the_capacity_and_start_at_month_zero()
    {
        var yaml = ScenarioText.Valid + "\n  phases:\n    - {itMw: 4, startMonth: 3}\n    - {itMw: 5, startMonth: 12}";
        var errors = Load(yaml).Diagnostics;
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.Inconsistent && d.Message.Contains("add up to 9 MW", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.Inconsistent && d.Message.Contains("first phase starts at month 3", StringComparison.Ordinal));
        Assert.All(errors, d => Assert.Equal(ScenarioText.VacancyLine + 4, d.Line));
    }

    [Fact]
    public void Pass_through_settings_with_included_power_are_errors()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.powerPricing=included", "site.passThroughPue=1.2"));
        Assert.Equal(DiagnosticCodes.Inconsistent, d.Code);
        Assert.Equal("site.passThroughPue", d.Path);
    }

    [Fact]
    public void Yaml_syntax_errors_name_the_line()
    {
        var d = SingleError(Load("name: x\ncurrency: RMB\nsite:\n  itCapacityMw: [1, 2\n"));
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.True(d.Line >= 4);
        Assert.Contains("not valid YAML", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var d = SingleError(Load(ScenarioText.Valid + "\nname: again"));
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Contains("key", d.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- a\n- b\n")]
    public void A_scenario_must_be_one_mapping(string yaml)
    {
        var d = SingleError(Load(yaml));
        Assert.Equal(DiagnosticCodes.DocumentShape, d.Code);
        Assert.Matches("empty|mapping of keys", d.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var d = SingleError(ScenarioLoader.FromFile("/no/such/scenario.yaml"));
        Assert.Equal(DiagnosticCodes.FileNotFound, d.Code);
        Assert.Equal("/no/such/scenario.yaml", d.File);
        Assert.Equal((1, 1), (d.Line, d.Column));              // not 0:0, which no editor can jump to
        Assert.Contains("no such file", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_preset_lists_the_known_ones()
    {
        var d = SingleError(ScenarioLoader.FromPreset("cn-2025"));
        Assert.Equal(DiagnosticCodes.UnknownPreset, d.Code);
        Assert.Equal(("command-line", "--preset"), (d.File, d.Path));
        Assert.Contains("cn-2025-essay", d.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_print_as_file_line_column_field_message_allowed()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.vacancy=2"));
        Assert.Matches(@"^--set\[1\]:1:14: site\.vacancy: 2 is outside \[0, 1\] fraction .+ \(allowed: a finite number in \[0, 1\] fraction\)$", d.ToString());
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var result = Load(ScenarioText.Valid, "site.vacancy=2", "site.designPue=0.5", "site.nope=1");
        Assert.Equal(["site.designPue", "site.nope", "site.vacancy"], result.Diagnostics.Select(d => d.Path).Order(StringComparer.Ordinal));
    }
}
