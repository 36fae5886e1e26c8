namespace Suanli.Analysis.Results;

/// <summary>What Suanli concludes about a claim, from a fixed set.</summary>
public enum Verdict
{
    /// <summary>Suanli's figures and the evidence bear the claim out, and documented alternative inputs do not overturn it.</summary>
    Reproduced,

    /// <summary>The claim holds on the essay scenario, but only under inputs that are assumptions or that a documented alternative overturns.</summary>
    ReproducedUnderAssumptions,

    /// <summary>Published evidence or Suanli's figures contradict the claim.</summary>
    ContradictedByEvidence,

    /// <summary>Parts of the claim hold and parts do not.</summary>
    Mixed,

    /// <summary>The engine the claim needs does not exist yet; the output says what is missing.</summary>
    NotYetComputable,
}
