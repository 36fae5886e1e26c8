namespace Suanli.Scenarios.Binding;

/// <summary>
/// Which input a problem that spans several inputs is blamed on. A check across fields (the phases against the
/// capacity, a terminal-value method against its inputs, a plant's PUE against the layout's size) is usually broken by
/// the one value the user just changed: when one of the inputs it involves came from <c>--set</c>, the message points
/// at that <c>--set[n]:1:col</c> and names that field, not at the preset's line of another.
/// </summary>
public static class Blame
{
    /// <summary>
    /// The input to point at for a problem involving <paramref name="paths"/>, most relevant first (a path also covers
    /// the list items and keys under it: <c>site.phases</c> covers <c>site.phases[1].itMw</c>): the first one set with
    /// <c>--set</c>; else the first one written in the file; null when none was written anywhere.
    /// </summary>
    public static InputValue? Find(IEnumerable<InputValue> inputs, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(paths);
        var list = inputs as IReadOnlyCollection<InputValue> ?? [.. inputs];
        foreach (var path in paths)
        {
            if (list.FirstOrDefault(i => i.Origin == InputOrigin.Set && Covers(path, i.Path)) is { } set)
            {
                return set;
            }
        }

        foreach (var path in paths)
        {
            if (list.FirstOrDefault(i => i.Origin == InputOrigin.File && i.Line > 0 && i.Path == path) is { } written)
            {
                return written;
            }
        }

        return null;
    }

    /// <summary>The input set with <c>--set</c> among <paramref name="paths"/> (see <see cref="Find"/>), or null when none was.</summary>
    public static InputValue? SetAmong(IEnumerable<InputValue> inputs, IReadOnlyList<string> paths) =>
        Find(inputs, paths) is { Origin: InputOrigin.Set } set ? set : null;

    private static bool Covers(string path, string input) =>
        input == path || (input.Length > path.Length && input.StartsWith(path, StringComparison.Ordinal) && input[path.Length] is '.' or '[');
}
