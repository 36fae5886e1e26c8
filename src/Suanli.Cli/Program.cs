namespace Suanli.Cli;

/// <summary>Entry point of the <c>suanli</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line against the process's console.</summary>
    public static int Main(string[] args) =>
        CliApp.Run(args, new CliContext(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected));
}
