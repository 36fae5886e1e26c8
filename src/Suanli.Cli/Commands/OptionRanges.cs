using System.CommandLine;
using System.Runtime.CompilerServices;
using Suanli.Core;

namespace Suanli.Cli.Commands;

/// <summary>The range a whole-number option accepts, and what its number counts, in words.</summary>
/// <param name="Min">Lowest value accepted.</param>
/// <param name="Max">Highest value accepted.</param>
/// <param name="What">What the number counts ("a whole number of trials"), as a message in any language.</param>
internal sealed record WholeRange(long Min, long Max, MessageText What);

/// <summary>
/// The real range of each whole-number option, stated where the option is made. The parser reads it (so that
/// <c>--trials abc</c> and <c>--trials 99999999999</c> say "from 0 to 10,000,000", not the storage type's
/// −2,147,483,648 to 2,147,483,647), and so do the commands' own checks: one range per option.
/// </summary>
internal static class OptionRanges
{
    private static readonly ConditionalWeakTable<Symbol, WholeRange> Ranges = [];

    /// <summary>States the range of a whole-number option; returns the option.</summary>
    public static Option<T> Range<T>(this Option<T> option, long min, long max, MessageText what)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        Ranges.AddOrUpdate(option, new WholeRange(min, max, what));
        return option;
    }

    /// <summary>The range stated for an option, or null.</summary>
    public static WholeRange? Of(Symbol symbol) => Ranges.TryGetValue(symbol, out var range) ? range : null;
}
