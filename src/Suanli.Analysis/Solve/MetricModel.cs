using Suanli.Analysis.Results;
using Suanli.Analysis.Run;
using Suanli.Core;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Solve;

/// <summary>
/// The model whose named metric a request asks for (<c>suanli solve</c>, <c>suanli sweep</c>): the one asked for, else the one
/// section of the scenario whose result names the metric; and a run of it that turns a model's refusal into "no value".
/// </summary>
public static class MetricModel
{
    /// <summary>Runs the section's model; null when the model refuses the scenario (a value it cannot take).</summary>
    public static IModelResult? Run(Scenario scenario, ScenarioSection section, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            return ModelRunners.BySection[section.Section].Evaluate(scenario, null, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Compute.ComputeRequestRefusedException or Reliability.ReliabilityRefusedException)
        {
            return null;
        }
    }

    /// <summary>The metric's value in a result: null when the result has none or it is not finite.</summary>
    public static double? Value(IModelResult? result, string metric) =>
        result?.Metrics.FirstOrDefault(m => m.Key == metric)?.Value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>The model, or the refusal naming <paramref name="metricOption"/> or <c>--model</c>.</summary>
    public static (ScenarioSection? Model, Diagnostic? Refusal) Pick(Scenario scenario, string metric, string? command, string metricOption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        static Diagnostic Refuse(string field, MessageText message, MessageText allowed) => CommandLineRefusal.Of(field, message, allowed);
        var present = ModelRunners.PresentIn(scenario);
        ScenarioSection? model;
        if (command is not null)
        {
            model = present.FirstOrDefault(s => s.Command == command);
            if (model is null)
            {
                return (null, Refuse("--model", Messages.Of("diag2.solve.noSuchModel", ("model", Diagnostic.Shown(command))),
                    Messages.Literal(string.Join(", ", present.Select(s => s.Command)))));
            }
        }
        else
        {
            var having = present.Where(s => Run(scenario, s, cancellationToken)?.Metrics.Any(m => m.Key == metric) == true).ToList();
            if (having.Count > 1)
            {
                return (null, Refuse("--model", Messages.Of("diag2.solve.ambiguous", ("metric", metric)), Messages.Literal(string.Join(", ", having.Select(s => s.Command)))));
            }

            model = having.Count == 1 ? having[0] : null;
            if (model is null)
            {
                var names = present.SelectMany(s => Run(scenario, s, cancellationToken)?.Metrics.Select(m => m.Key) ?? []).Distinct().Order(StringComparer.Ordinal);
                return (null, Refuse(metricOption, Messages.Of("diag2.solve.unknownMetric", ("metric", Diagnostic.Shown(metric))), Messages.Literal(string.Join(", ", names))));
            }
        }

        if (Run(scenario, model, cancellationToken) is { } result && result.Metrics.All(m => m.Key != metric))
        {
            return (null, Refuse(metricOption, Messages.Of("diag2.solve.noMetricInModel", ("metric", Diagnostic.Shown(metric)), ("model", model.Command)),
                Messages.Literal(string.Join(", ", result.Metrics.Select(m => m.Key)))));
        }

        return (model, null);
    }
}
