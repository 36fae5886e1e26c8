using Suanli.Cli;

namespace Suanli.Tests.Cli;

/// <summary>Runs the suanli command in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliContext(stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Text with every run of white space as one space: a phrase a table view wrapped at the console's width reads whole again.</summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>The repository root (where Suanli.slnx is).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Suanli.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Suanli.slnx not found above " + AppContext.BaseDirectory);
    }
}
