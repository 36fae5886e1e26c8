using System.Runtime.InteropServices;

namespace Suanli.Cli;

/// <summary>Entry point of the <c>suanli</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line against the process's console; Ctrl+C and SIGTERM cancel the run (exit 130 / 143).</summary>
    public static int Main(string[] args)
    {
        using var interruption = new Interruption();
        // The handlers cancel the run instead of killing the process, so that nothing partial reaches stdout.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interruption.Signal(ExitCodes.Interrupted); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interruption.Signal(ExitCodes.Terminated); });
        return CliApp.Run(args, new CliContext(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected), interruption);
    }
}
