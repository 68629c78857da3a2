namespace MissionLocale.Domain.Dispositifs;

/// <summary>
/// What one dispositif type does differently at opening, renewal and closing, and the rule IDs its refusals cite
/// (DISP-05). One subclass per type; the common steps stay in <see cref="OuvertureDispositif"/> and <see cref="Dispositif"/>.
/// A new type: a code in <see cref="CodeDispositif"/>, a subclass here, a line in <see cref="Pour"/>, its bounds and exit
/// motives as reference data.
/// </summary>
public abstract class PolitiqueDispositif
{
    private static readonly Dictionary<string, PolitiqueDispositif> Politiques = new PolitiqueDispositif[]
    {
        new PolitiqueRe(), new PolitiqueDiag(), new PolitiquePacea(), new PolitiqueCej(),
        new PolitiqueParr(), new PolitiquePao(), new PolitiqueQpv(), new PolitiqueAvp(),
    }.ToDictionary(p => p.Code, StringComparer.Ordinal);

    public abstract string Code { get; }

    /// <summary>The rule cited when the planned or real end is too late.</summary>
    public virtual string RegleDuree => "DISP-04";

    /// <summary>The rule cited when the planned end is too early.</summary>
    public virtual string RegleDureeMin => "DISP-04";

    /// <summary>The rule listing the type's exit motives.</summary>
    public virtual string RegleMotifs => "DISP-03";

    /// <summary>The rule cited when a type without renewal is renewed.</summary>
    public virtual string RegleSansRenouvellement => "DISP-04";

    /// <summary>The rule bounding the renewals of a type that has them.</summary>
    public virtual string RegleRenouvellement => "DISP-04";

    /// <summary>ALLOC-01, CERFA-01: the type carries a CERFA and monthly allocations.</summary>
    public virtual bool AAllocation => false;

    /// <summary>A type this code base does not know keeps the general rules (a type added as reference data only).</summary>
    public static PolitiqueDispositif Pour(string? code) => code is not null && Politiques.TryGetValue(code, out var p) ? p : new PolitiqueGenerale(code ?? string.Empty);

    /// <summary>Before the référents are checked (USR-07): who the type is for, and what it does with prescripteur and référent.</summary>
    internal virtual (Guid? Prescripteur, Guid? Referent) AvantOuverture(ContexteOuverture c, Guid? prescripteurId, Guid? referentId, List<Avertissement> avertissements) =>
        (prescripteurId, referentId);

    /// <summary>After the duration bounds (DISP-04): the type's own conditions of entry.</summary>
    internal virtual void VerifierOuverture(ContexteOuverture c, DateOnly debut, DateOnly finPrevue, List<Avertissement> avertissements)
    {
    }

    /// <summary>Once the dispositif exists: what the type records at entry.</summary>
    internal virtual void Completer(Dispositif d, ContexteOuverture c, DateOnly debut)
    {
    }

    /// <summary>DISP-07: warnings to confirm at closing.</summary>
    public virtual IReadOnlyList<Avertissement> AvertissementsCloture(Dispositif d, DateOnly dateFinReelle) => [];

    /// <summary>The real end the closing keeps (PACEA-03 stops it at the titre de séjour's end).</summary>
    public virtual DateOnly FinReelle(Dispositif d, DateOnly dateFinReelle, DateOnly? finTitreSejour) => dateFinReelle;

    private sealed class PolitiqueGenerale(string code) : PolitiqueDispositif
    {
        public override string Code => code;
    }
}
