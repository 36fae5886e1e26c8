using System.Text;

namespace Suanli.Cli;

/// <summary>Writing to stdout or stderr failed (a full disk, a closed pipe): an I/O error, not a bug.</summary>
internal sealed class OutputFailedException(string stream, Exception inner) : IOException($"cannot write to {stream}: {inner.Message}", inner)
{
    /// <summary>"standard output" or "standard error".</summary>
    public string Stream { get; } = stream;

    /// <summary>Whether the reader has gone away (EPIPE), as when the output is piped into <c>head</c>.</summary>
    public bool BrokenPipe { get; } = inner is IOException { HResult: BrokenPipeErrno } || inner.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    // EPIPE on Linux and macOS; .NET reports a Unix errno as the IOException's HResult.
    private const int BrokenPipeErrno = 32;
}

/// <summary>Passes writes through, turning a failure to write into an <see cref="OutputFailedException"/> naming the stream.</summary>
internal sealed class GuardedWriter(TextWriter inner, string stream) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToArray();
        Guard(() => inner.Write(copy));
    }

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    public override string ToString() => inner.ToString() ?? string.Empty;

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException and not OutputFailedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw new OutputFailedException(stream, e);
        }
    }
}
