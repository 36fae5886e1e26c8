using System.CommandLine;
using System.Runtime.CompilerServices;
using Suanli.Reports;

namespace Suanli.Cli;

/// <summary>
/// Help texts of options and arguments shared by several commands (and so created before the language is at hand):
/// each is tagged with the resource key of its description, and <see cref="Apply"/> writes the words of the chosen
/// language into every tagged symbol of the command tree.
/// </summary>
internal static class HelpKeys
{
    private static readonly ConditionalWeakTable<Symbol, string> Keys = [];

    /// <summary>Tags <paramref name="symbol"/> with the resource key of its description.</summary>
    public static T Tag<T>(T symbol, string key)
        where T : Symbol
    {
        ArgumentNullException.ThrowIfNull(symbol);
        Keys.AddOrUpdate(symbol, key);
        return symbol;
    }

    /// <summary>Writes the described words into every tagged option and argument under <paramref name="command"/>.</summary>
    public static void Apply(Command command, Words words)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(words);
        foreach (var symbol in command.Options.Cast<Symbol>().Concat(command.Arguments))
        {
            if (Keys.TryGetValue(symbol, out var key))
            {
                symbol.Description = words[key];
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub, words);
        }
    }
}
