namespace Suanli.Tests.Cli;

public class ErrorHandlingTests
{
    private const string DiagnosticLine = @"^[^\s:]+:\d+:\d+: [^:]+: .+ \(allowed: .+\)$";

    private static void AssertInvalidInput((int ExitCode, string Out, string Error) run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);                     // never a partly written output
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);   // never a stack trace
        foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Matches(DiagnosticLine, line.TrimEnd('\r'));
        }
    }

    [Fact]
    public void A_bad_set_value_is_exit_2_with_a_located_message()
    {
        var run = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=1.5", "--json");
        AssertInvalidInput(run);
        Assert.StartsWith("--set[1]:1:14: site.vacancy: 1.5 is outside [0, 1]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_is_exit_2_with_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.yaml");
            File.WriteAllText(path, Suanli.Tests.Scenarios.ScenarioText.WithLine(Suanli.Tests.Scenarios.ScenarioText.DesignPueLine, "  designPue: 0.8"));
            var run = CliRunner.Run("econ", path);
            AssertInvalidInput(run);
            Assert.StartsWith($"{path}:{Suanli.Tests.Scenarios.ScenarioText.DesignPueLine}:14: site.designPue:", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("econ")]
    [InlineData("econ", "a.yaml", "--preset", "us-2025")]
    [InlineData("econ", "--preset", "nope")]
    [InlineData("econ", "/no/such/file.yaml")]
    [InlineData("econ", "--preset", "us-2025", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("presets", "show", "nope")]
    public void Usage_errors_are_exit_2_without_output(params string[] args)
    {
        AssertInvalidInput(CliRunner.Run(args));
    }

    [Fact]
    public void Help_is_exit_0()
    {
        var (code, stdout, _) = CliRunner.Run("econ", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--set", stdout, StringComparison.Ordinal);
    }
}
