using System.Text;

namespace Suanli.Cli;

/// <summary>Writing to stdout or stderr failed (a full disk, a closed pipe): an I/O error, not a bug.</summary>
internal sealed class OutputFailedException(string stream, Exception inner) : IOException($"cannot write to {stream}: {inner.Message}", inner)
{
    /// <summary>"standard output" or "standard error".</summary>
    public string Stream { get; } = stream;

    /// <summary>Whether the reader has gone away (EPIPE), as when the output is piped into <c>head</c>.</summary>
    public bool BrokenPipe { get; } = inner is IOException { HResult: BrokenPipeErrno } || inner.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the stream is closed or not open for writing (<c>suanli econ &gt;&amp;-</c>): EBADF, which .NET reports as
    /// "Access to the path is denied" (an <see cref="UnauthorizedAccessException"/>), or a writer already disposed.
    /// </summary>
    public bool Closed { get; } = inner is UnauthorizedAccessException or ObjectDisposedException or IOException { HResult: BadFileDescriptorErrno }
        || inner.Message.Contains("Bad file descriptor", StringComparison.OrdinalIgnoreCase);

    // EPIPE and EBADF on Linux and macOS; .NET reports a Unix errno as the IOException's HResult.
    private const int BrokenPipeErrno = 32;
    private const int BadFileDescriptorErrno = 9;
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
