using Spectre.Console;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Cli.Output;

/// <summary>What <c>suanli train</c> shows.</summary>
internal sealed class TrainReport
{
    private TrainReport(TrainingEstimate estimate, string costNote, string mfuNote, TrainingEstimate? dense)
    {
        Estimate = estimate;
        CostNote = costNote;
        MfuNote = mfuNote;
        Dense = dense;
    }

    public TrainingEstimate Estimate { get; }

    public string CostNote { get; }

    public string MfuNote { get; }

    /// <summary>The same tokens on a dense model of the MoE's total parameters (when asked).</summary>
    public TrainingEstimate? Dense { get; }

    private TrainingRun Run => Estimate.Run;

    public static TrainReport Compute(TrainingRun run, string costNote, string mfuNote, bool compareDense)
    {
        var estimate = ComputeEngine.Train(run);
        TrainingEstimate? dense = null;
        if (compareDense)
        {
            var model = run.Model with
            {
                Id = run.Model.Id + "-dense-equivalent",
                Name = run.Model.Name + " as a dense model",
                Architecture = ModelArchitecture.Dense,
                ActiveParamsBillion = run.Model.TotalParamsBillion,
            };
            dense = ComputeEngine.Train(run with { Model = model });
        }

        return new TrainReport(estimate, costNote, mfuNote, dense);
    }

    public object ToJson()
    {
        var e = Estimate;
        var check = PublishedCheck.For(Run.Model, ComputeCatalog.BuiltIn);
        return new
        {
            model = Run.Model.Id,
            architecture = Run.Model.Architecture,
            totalParamsBillion = Run.Model.TotalParamsBillion,
            activeParamsBillion = Run.Model.ActiveParamsBillion,
            tokens = Run.Tokens,
            fleet = e.Fleet,
            mfu = Run.Mfu,
            mfuSource = MfuNote,
            precision = Run.Precision,
            ettr = Run.Ettr,
            pue = Run.Pue,
            powerFraction = Run.PowerFraction,
            hostWattsPerAccelerator = Run.HostWattsPerAccelerator,
            trainingFlops = e.TrainingFlops,
            denseTermFlops = e.DenseTermFlops,
            attentionTermFlops = e.AttentionTermFlops,
            deliveredFlopsPerSecond = e.DeliveredFlopsPerSecond,
            wallClockDays = e.WallClockDays,
            acceleratorHours = e.AcceleratorHours,
            powerMw = e.PowerMw,
            energyMwh = e.EnergyMwh,
            cost = e.Cost?.Amount,
            currency = e.Cost?.Currency.ToString(),
            costBasis = CostNote,
            brainEquivalentRatio = e.BrainEquivalentRatio,
            brainWatts = BrainComparison.BrainWatts,
            brainEnergyKwhOverWallClock = BrainComparison.BrainEnergyKwh(e.WallClockSeconds),
            brainYearsOnTrainingEnergy = BrainComparison.BrainYearsOnEnergy(e.EnergyMwh),
            published = new
            {
                trainingFlops = Run.Model.ReportedTrainingFlops,
                acceleratorHours = Run.Model.ReportedAcceleratorHours,
                accelerator = Run.Model.ReportedAccelerator,
                acceleratorCount = Run.Model.ReportedAcceleratorCount,
                mfu = Run.Model.ReportedMfu,
                cost = Run.Model.ReportedCost?.Amount,
                costCurrency = Run.Model.ReportedCost?.Currency.ToString(),
                note = Run.Model.ReportedNote,
                check,
            },
            denseComparison = Dense is null ? null : new
            {
                denseTrainingFlops = Dense.TrainingFlops,
                denseAcceleratorHours = Dense.AcceleratorHours,
                denseWallClockDays = Dense.WallClockDays,
                denseEnergyMwh = Dense.EnergyMwh,
                denseCost = Dense.Cost?.Amount,
                computeRatio = Dense.TrainingFlops / e.TrainingFlops,
                inferenceFlopsPerTokenRatio = Run.Model.TotalParamsBillion / Run.Model.ActiveParamsBillion,
                ratioIfMoeMfuHalved = Dense.TrainingFlops / e.TrainingFlops / 2,
            },
        };
    }

    public void WriteTables(IAnsiConsole console)
    {
        var e = Estimate;
        var m = Run.Model;
        console.WriteLine(Fmt.Text($"Suanli train - {m.Name} ({m.Id}): {Fmt.N(m.ActiveParamsBillion, 1)} B active of {Fmt.N(m.TotalParamsBillion, 1)} B, {Run.Tokens:0.###e+0} tokens"));
        console.WriteLine();
        var table = new Table().Title("Training").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit / note");
        void Row(string figure, string value, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(note));
        Row("Fleet", string.Join(" + ", e.Fleet.Select(f => Fmt.Text($"{f.Count:#,0} {f.AcceleratorId}"))),
            string.Join("; ", e.Fleet.Select(f => f.Availability < 1 ? Fmt.Text($"{f.AcceleratorId} available {Fmt.Pct(f.Availability, 0)}") : null).OfType<string>().DefaultIfEmpty("all available")));
        Row("MFU", Fmt.Pct(Run.Mfu, 1), Fmt.Text($"{MfuNote}; of {Run.Precision.ToString().ToUpperInvariant()} peak"));
        Row("ETTR", Fmt.Pct(Run.Ettr, 1), Run.Ettr < 1 ? (Run.Ettr == m.ReportedEttr ? "as published: share of wall time on useful training" : "share of wall time on useful training") : "1 = no interruptions (see suanli reliability)");
        Row("Training compute", Fmt.Text($"{e.TrainingFlops:0.000e+00}"), e.AttentionTermFlops > 0 ? Fmt.Text($"FLOP: 6·N·D {e.DenseTermFlops:0.00e+00} + attention {e.AttentionTermFlops:0.00e+00}") : "FLOP, 6 × N_active × D");
        Row("Delivered", Fmt.N(e.DeliveredFlopsPerSecond / 1e15, 1), "PFLOP/s on useful work");
        Row("Wall clock", Fmt.N(e.WallClockDays, 1), "days");
        Row("Accelerator-hours", Fmt.Int(e.AcceleratorHours), Fmt.Text($"{e.AcceleratorHours / 1e6:0.###} million"));
        Row("Power", Fmt.N(e.PowerMw, 2), Fmt.Text($"MW at the meter: (TDP x {Fmt.N(Run.PowerFraction, 2)} + {Fmt.N(Run.HostWattsPerAccelerator, 0)} W host) x PUE {Fmt.N(Run.Pue, 2)}"));
        Row("Energy", Fmt.N(e.EnergyMwh, 0), Fmt.Text($"MWh ({e.EnergyMwh / 1000:0.##} GWh)"));
        Row("Cost", e.Cost is { } total ? Fmt.Text($"{Fmt.Millions(total.Amount)} M") : "n/a", e.Cost is { } cc ? Fmt.Text($"{cc.Currency}; {CostNote}") : CostNote);
        Row("Cluster power vs a brain", Fmt.Text($"{e.BrainEquivalentRatio:0.00e+0}"), Fmt.Text($"x a human brain's {BrainComparison.BrainWatts} W (essay: a basic AI cluster ~200 MW = 10^7 brains)"));
        Row("A brain over the same time", Fmt.N(BrainComparison.BrainEnergyKwh(e.WallClockSeconds), 1), Fmt.Text($"kWh; the training energy would run a brain for {BrainComparison.BrainYearsOnEnergy(e.EnergyMwh):#,0} years"));
        console.Write(table);
        console.WriteLine();

        if (e.Fleet.Count > 1)
        {
            var fleet = new Table().Title("Mixed fleet (work split in proportion to delivered FLOP/s)").AddColumn("accelerator").AddColumn(new TableColumn("count").RightAligned())
                .AddColumn(new TableColumn("share of FLOP/s").RightAligned()).AddColumn(new TableColumn("acc-hours").RightAligned()).AddColumn(new TableColumn("MW").RightAligned()).AddColumn(new TableColumn("cost").RightAligned());
            foreach (var f in e.Fleet)
            {
                fleet.AddRow(Markup.Escape(f.AcceleratorId), Fmt.Int(f.Count), Fmt.Pct(f.DeliveredFlopsPerSecond / e.DeliveredFlopsPerSecond), Fmt.Int(f.AcceleratorHours),
                    Fmt.N(f.PowerWatts / 1e6, 2), f.Cost is { } c ? Fmt.Text($"{Fmt.Millions(c.Amount)} M {c.Currency}") : "-");
            }

            console.Write(fleet);
            console.WriteLine();
        }

        var check = PublishedCheck.For(m, ComputeCatalog.BuiltIn);
        if (m.ReportedTrainingFlops is not null || m.ReportedAcceleratorHours is not null || m.ReportedCost is not null)
        {
            var published = new Table().Title("Against what the authors published").AddColumn("figure").AddColumn(new TableColumn("published").RightAligned())
                .AddColumn(new TableColumn("this run").RightAligned()).AddColumn(new TableColumn("Δ").RightAligned());
            if (m.ReportedTrainingFlops is { } rf)
            {
                published.AddRow("training FLOP", Fmt.Text($"{rf:0.00e+00}"), Fmt.Text($"{e.TrainingFlops:0.00e+00}"), Delta(e.TrainingFlops, rf));
            }

            if (m.ReportedAcceleratorHours is { } rh)
            {
                var same = e.Fleet.Count == 1 && e.Fleet[0].AcceleratorId == m.ReportedAccelerator;
                published.AddRow(Markup.Escape($"accelerator-hours (published on {m.ReportedAccelerator}{(same ? string.Empty : "; this run on another fleet")})"), Fmt.Int(rh), Fmt.Int(e.AcceleratorHours), Delta(e.AcceleratorHours, rh));
            }

            if (m.ReportedCost is { } rc)
            {
                published.AddRow("cost", Fmt.Text($"{Fmt.Millions(rc.Amount)} M {rc.Currency}"), e.Cost is { } c ? Fmt.Text($"{Fmt.Millions(c.Amount)} M {c.Currency}") : "-",
                    e.Cost is { } c2 && c2.Currency == rc.Currency ? Delta(c2.Amount, rc.Amount) : "-");
            }

            console.Write(published);
            foreach (var note in new[] { check.Note, m.ReportedNote }.OfType<string>())
            {
                console.WriteLine("  " + note);
            }

            if (check.ImpliedUtilisation is { } u)
            {
                console.WriteLine(Fmt.Text($"  6ND over every published accelerator-hour implies {Fmt.Pct(u, 1)} of BF16 peak."));
            }

            console.WriteLine();
        }

        if (Dense is { } d)
        {
            var ratio = d.TrainingFlops / e.TrainingFlops;
            var compare = new Table().Title(Fmt.Text($"Mixture of experts vs a dense model of the same {Fmt.N(m.TotalParamsBillion, 0)} B parameters, same tokens and fleet"))
                .AddColumn("figure").AddColumn(new TableColumn(Markup.Escape(m.Id)).RightAligned()).AddColumn(new TableColumn("dense equivalent").RightAligned()).AddColumn(new TableColumn("dense ÷ MoE").RightAligned());
            void C(string figure, double moe, double dense, string format) =>
                compare.AddRow(figure, moe.ToString(format, System.Globalization.CultureInfo.InvariantCulture), dense.ToString(format, System.Globalization.CultureInfo.InvariantCulture), Fmt.N(dense / moe, 2) + "x");
            C("training FLOP", e.TrainingFlops, d.TrainingFlops, "0.00e+00");
            C("wall-clock days", e.WallClockDays, d.WallClockDays, "#,0.0");
            C("accelerator-hours", e.AcceleratorHours, d.AcceleratorHours, "#,0");
            C("energy MWh", e.EnergyMwh, d.EnergyMwh, "#,0");
            if (e.Cost is { } mc && d.Cost is { } dc)
            {
                C(Fmt.Text($"cost M {mc.Currency}"), mc.Amount / 1e6, dc.Amount / 1e6, "#,0.00");
            }

            C("inference FLOP per token", 2 * m.ActiveParamsBillion * 1e9, 2 * m.TotalParamsBillion * 1e9, "0.00e+00");
            console.Write(compare);
            console.WriteLine(Fmt.Text($"  At equal MFU the MoE needs {Fmt.N(ratio, 1)}x less compute (N_total / N_active = {Fmt.N(m.TotalParamsBillion, 0)} / {Fmt.N(m.ActiveParamsBillion, 0)}); this assumes the MoE reaches a dense model's quality at the same tokens."));
            console.WriteLine(Fmt.Text($"  MoE runs often reach about half a dense model's MFU (all-to-all traffic, gating; training reference 4.1): then the saving is {Fmt.N(ratio / 2, 1)}x."));
            console.WriteLine();
        }

        console.WriteLine("Model: FLOP = 6 x N_active x D (+ optional attention 6·L·S·d·D); wall time = FLOP / (Σ count x peak x MFU x availability) / ETTR; energy = Σ count x (TDP x power fraction + host W) x time x PUE.");
        console.WriteLine("A mixed fleet is assumed to split the work in proportion to each chip's delivered FLOP/s (no straggler penalty). docs/compute.md has the details.");
    }

    private static string Delta(double value, double reference) => (value >= reference ? "+" : string.Empty) + Fmt.Pct(value / reference - 1, 1);
}

/// <summary>What <c>suanli infer</c> shows.</summary>
internal sealed class InferReport(ModelSpec model, Accelerator accelerator, double mfu, bool mfuDefaulted, Commands.CommonValues values, InferenceEstimate estimate, string priceNote)
{
    public object ToJson() => new
    {
        model = model.Id,
        accelerator = accelerator.Id,
        mfu,
        mfuIsDefault = mfuDefaulted,
        precision = values.Precision,
        pue = values.Pue,
        flopsPerToken = estimate.FlopsPerToken,
        tokensPerSecondPerAccelerator = estimate.TokensPerSecondPerAccelerator,
        bandwidthBoundTokensPerSecondAtBatch1 = estimate.BandwidthBoundTokensPerSecondAtBatch1,
        wattsPerAccelerator = estimate.WattsPerAccelerator,
        energyKwhPerMillionTokens = estimate.EnergyKwhPerMillionTokens,
        costPerMillionTokens = estimate.CostPerMillionTokens?.Amount,
        currency = estimate.CostPerMillionTokens?.Currency.ToString(),
        costBasis = priceNote,
    };

    public void WriteTables(IAnsiConsole console)
    {
        var table = new Table().Title(Fmt.Text($"Inference - {model.Name} on {accelerator.Name}")).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("note");
        void Row(string figure, string value, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(note));
        Row("FLOP per token", Fmt.Text($"{estimate.FlopsPerToken:0.00e+00}"), Fmt.Text($"2 x {Fmt.N(model.ActiveParamsBillion, 1)} B active parameters"));
        Row("Tokens/s per accelerator", Fmt.N(estimate.TokensPerSecondPerAccelerator, 0), Fmt.Text($"compute-bound: {values.Precision.ToString().ToUpperInvariant()} peak x MFU {Fmt.Pct(mfu, 0)}{(mfuDefaulted ? " (default; set --mfu)" : string.Empty)} / FLOP per token, batched"));
        Row("Memory-bound ceiling, one sequence", Fmt.N(estimate.BandwidthBoundTokensPerSecondAtBatch1, 1), Fmt.Text($"tokens/s: {Fmt.N(accelerator.MemoryBandwidthTbps, 2)} TB/s / active weights; batching raises throughput towards the compute bound"));
        Row("Power per accelerator", Fmt.N(estimate.WattsPerAccelerator, 0), Fmt.Text($"W at the meter (TDP {Fmt.N(accelerator.TdpWatts, 0)} x {Fmt.N(values.PowerFraction, 2)} + {Fmt.N(values.HostWatts, 0)} W host) x PUE {Fmt.N(values.Pue, 2)}"));
        Row("Energy per million tokens", Fmt.N(estimate.EnergyKwhPerMillionTokens, 3), "kWh");
        Row("Cost per million tokens", estimate.CostPerMillionTokens is { } c ? Fmt.N(c.Amount, 4) : "n/a", estimate.CostPerMillionTokens is { } cc ? Fmt.Text($"{cc.Currency}; {priceNote}") : priceNote);
        Row("A brain for the same time", Fmt.N(BrainComparison.BrainEnergyKwh(1e6 / estimate.TokensPerSecondPerAccelerator), 4), "kWh at 20 W while one accelerator makes a million tokens");
        console.Write(table);
    }
}
