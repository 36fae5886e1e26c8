using Spectre.Console;
using Suanli.Analysis.Compute;
using Suanli.Core.Compute;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The table of <c>suanli infer</c> in one language; it only formats what the result carries.</summary>
internal static class InferView
{
    public static void Write(IAnsiConsole console, InferResult result, Words words, ViewOptions options)
    {
        var s = result.Serving;
        var run = result.Run;
        var m = run.Model;
        var a = run.Accelerator;
        var precision = ComputeTerms.Precision(run.Precision);
        console.WriteLine(words.Format("compute.infer.title", ("model", m.Name), ("accelerator", a.Name)));
        ComputeView.Origin(console, words, result.Header, fromScenario: false);
        var table = View.FigureTable(words["compute.infer.summary"], words);
        void Row(string key, string value, string note) => table.AddRow(View.Cell(words["compute.infer.row." + key]), View.Cell(value), View.Cell(note));

        var kv = m.KvLoraRank is { } c
            ? words.Format("compute.infer.note.kvLatent", ("layers", m.Layers ?? 0), ("latent", c), ("rope", m.RopeHeadDim ?? 0), ("bytes", result.BytesPerValue))
            : words.Format("compute.infer.note.kvHeads", ("layers", m.Layers ?? 0), ("heads", m.KvHeads ?? 0), ("headDim", m.HeadDim ?? 0), ("bytes", result.BytesPerValue));
        Row("weights", Words.N(result.WeightGb, 1), words.Format("compute.infer.note.weights", ("total", m.TotalParamsBillion), ("bytes", result.BytesPerValue), ("precision", precision)));
        Row("kvPerToken", Words.N(result.KvCacheKibPerToken, 1), kv);
        Row("context", Words.N(run.ContextTokens, 0), words[result.ContextIsDefault ? "compute.infer.note.contextDefault" : "compute.infer.note.context"]);
        Row("batch", Words.N(s.Batch, 0), words[result.BatchIsDefault ? "compute.infer.note.batchDefault" : "compute.infer.note.batch"]);
        Row("perReplica", Words.N(s.AcceleratorsPerReplica, 0), words.Format(result.AcceleratorsPerReplicaIsDefault ? "compute.infer.note.perReplicaDefault" : "compute.infer.note.perReplica",
            ("needed", result.MemoryGbNeeded), ("usable", result.MemoryGbUsable), ("memory", a.MemoryGb), ("utilisation", run.MemoryUtilisation)));
        Row("flopsPerToken", ComputeView.Sci(result.Single.FlopsPerToken), words.Format("compute.infer.note.flopsPerToken", ("active", m.ActiveParamsBillion)));
        Row("computeBound", Words.N(s.ComputeBoundTokensPerSecondPerReplica, 0), words.Format(result.MfuIsDefault ? "compute.infer.note.computeBoundDefault" : "compute.infer.note.computeBound",
            ("count", s.AcceleratorsPerReplica), ("precision", precision), ("mfu", run.Mfu)));
        Row("memoryBound", Words.N(s.MemoryBoundTokensPerSecondPerReplica, 0), words.Format("compute.infer.note.memoryBound",
            ("count", s.AcceleratorsPerReplica), ("bandwidth", a.MemoryBandwidthTbps), ("read", result.GbReadPerDecodeStep)));
        Row("perReplicaRate", Words.N(s.TokensPerSecondPerReplica, 0), words[s.Bound == DecodeBound.Compute ? "compute.infer.note.computeBoundWord" : "compute.infer.note.memoryBoundWord"]);
        Row("perAcceleratorRate", Words.N(s.TokensPerSecondPerAccelerator, 0), words.Format("compute.infer.note.perAccelerator", ("count", s.AcceleratorsPerReplica)));
        Row("batch1", Words.N(result.Single.BandwidthBoundTokensPerSecondAtBatch1, 1), words.Format("compute.infer.note.batch1", ("bandwidth", a.MemoryBandwidthTbps)));
        Row("power", Words.N(s.WattsPerAccelerator, 0), words.Format("compute.infer.note.power", ("tdp", a.TdpWatts), ("powerFraction", run.PowerFraction),
            ("host", run.HostWattsPerAccelerator), ("pue", run.Pue)));
        Row("energy", Words.N(s.EnergyKwhPerMillionTokens, 3), words["compute.infer.note.energy"]);
        Row("cost", s.CostPerMillionTokens is { } cost ? Words.N(cost.Amount, 4) : words["value.none"], s.CostPerMillionTokens is { } cc
            ? words.Format("compute.infer.note.cost", ("currency", words.Currency(cc.Currency)), ("basis", ComputeWords.Price(result.Price, false, words)))
            : ComputeWords.Price(result.Price, false, words));
        Row("brain", Words.N(result.BrainEnergyKwhPerMillionTokens, 4), words.Format("compute.infer.note.brain", ("watts", ComputeDefaults.BrainWatts)));
        console.Write(table);
        console.WriteLine(words.Format("compute.infer.mfuSource", ("source", words.Finding(result.MfuSource))));
        console.WriteLine();
        ComputeView.InputsAndModelNotes(console, words, result.Header, result.ModelNotes, options);
    }
}
