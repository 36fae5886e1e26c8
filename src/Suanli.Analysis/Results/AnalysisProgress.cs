namespace Suanli.Analysis.Results;

/// <summary>Progress of an evaluation: the step being worked on, and how many of how many are done.</summary>
/// <param name="Step">What is being evaluated (a claim id, a model name).</param>
/// <param name="Done">Steps done.</param>
/// <param name="Total">Steps in all.</param>
public sealed record AnalysisProgress(string Step, int Done, int Total);
