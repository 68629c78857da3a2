using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Domain.Pilotage;

/// <summary>
/// PIL-02: the criteria of the search builder over the dossier. Every criterion is optional; those given combine with AND.
/// Stored as JSON in a saved search so a new criterion never needs a migration of the saved ones.
/// </summary>
public sealed record CriteresRecherche
{
    public int? AgeMin { get; init; }

    public int? AgeMax { get; init; }

    public DateOnly? NeApres { get; init; }

    public DateOnly? NeAvant { get; init; }

    public Civilite? Civilite { get; init; }

    public string? CommuneInsee { get; init; }

    public string? Epci { get; init; }

    public bool? Qpv { get; init; }

    public bool? Zrr { get; init; }

    /// <summary>CUR-05: niveau de qualification between (0 sans diplôme … 8); <see cref="NiveauNonRenseigne"/> for the unknown.</summary>
    public int? NiveauMin { get; init; }

    public int? NiveauMax { get; init; }

    public bool NiveauNonRenseigne { get; init; }

    public string? Dispositif { get; init; }

    public DateOnly? DispositifOuvertLe { get; init; }

    public DateOnly? EntreeDu { get; init; }

    public DateOnly? EntreeAu { get; init; }

    public DateOnly? SortieDu { get; init; }

    public DateOnly? SortieAu { get; init; }

    public string? MotifSortie { get; init; }

    /// <summary>The situation the jeune is in today.</summary>
    public TypeSituation? Situation { get; init; }

    public DateOnly? DernierContactAvant { get; init; }

    public DateOnly? DernierContactApres { get; init; }

    public Guid? ReferentId { get; init; }

    public bool SansReferent { get; init; }

    public Guid? AntenneId { get; init; }

    public bool? Rsa { get; init; }

    public bool? Rqth { get; init; }

    public bool? InscritFranceTravail { get; init; }

    /// <summary>The RSA référent's lists (CER-01, CER-06, CER-07) as a criterion, so they can be saved and shared.</summary>
    public Insertion.ListeCer? Cer { get; init; }

    public bool EstVide => this == new CriteresRecherche();

    /// <summary>The number of criteria given (shown beside a saved search).</summary>
    public int Nombre => new object?[]
    {
        AgeMin, AgeMax, NeApres, NeAvant, Civilite, CommuneInsee, Epci, Qpv, Zrr, NiveauMin, NiveauMax, NiveauNonRenseigne ? true : null, Dispositif,
        DispositifOuvertLe, EntreeDu, EntreeAu, SortieDu, SortieAu, MotifSortie, Situation, DernierContactAvant, DernierContactApres, ReferentId,
        SansReferent ? true : null, AntenneId, Rsa, Rqth, InscritFranceTravail, Cer,
    }.Count(c => c is not null && (c is not string s || !string.IsNullOrWhiteSpace(s)));

    /// <summary>PIL-02: incoherent bounds are refused all at once (field → message).</summary>
    public IReadOnlyDictionary<string, string> Incoherences()
    {
        var e = new Dictionary<string, string>();
        if (AgeMin is < 0 or > 120)
        {
            e[nameof(AgeMin)] = "L'âge minimum doit être compris entre 0 et 120 ans.";
        }

        if (AgeMax is < 0 or > 120)
        {
            e[nameof(AgeMax)] = "L'âge maximum doit être compris entre 0 et 120 ans.";
        }

        if (AgeMin is { } a && AgeMax is { } b && a > b)
        {
            e[nameof(AgeMax)] = "L'âge maximum ne peut pas être inférieur à l'âge minimum.";
        }

        Ordre(NeApres, NeAvant, nameof(NeAvant), "La date de naissance « avant le » doit suivre la date « après le ».");
        Ordre(EntreeDu, EntreeAu, nameof(EntreeAu), "La fin de la période d'entrée doit suivre son début.");
        Ordre(SortieDu, SortieAu, nameof(SortieAu), "La fin de la période de sortie doit suivre son début.");
        if (NiveauMin is { } n1 && NiveauMax is { } n2 && n1 > n2)
        {
            e[nameof(NiveauMax)] = "Le niveau maximum ne peut pas être inférieur au niveau minimum.";
        }

        if ((DispositifOuvertLe ?? EntreeDu ?? EntreeAu ?? SortieDu ?? SortieAu) is not null && string.IsNullOrWhiteSpace(Dispositif) && string.IsNullOrWhiteSpace(MotifSortie))
        {
            e[nameof(Dispositif)] = "Choisissez le dispositif auquel s'appliquent les dates.";
        }

        if (SansReferent && ReferentId is not null)
        {
            e[nameof(ReferentId)] = "Choisissez un référent ou « sans référent », pas les deux.";
        }

        return e;

        void Ordre(DateOnly? du, DateOnly? au, string champ, string message)
        {
            if (du is { } x && au is { } y && y < x)
            {
                e[champ] = message;
            }
        }
    }
}

/// <summary>PIL-02: a search saved by a user, for themself or shared with the whole structure.</summary>
public sealed class RechercheSauvegardee : Entity, IStructureOwned, IVersionnee
{
    private RechercheSauvegardee()
    {
        Nom = string.Empty;
        Criteres = new CriteresRecherche();
    }

    public RechercheSauvegardee(Guid structureId, Guid proprietaireId, string nom, bool partagee, CriteresRecherche criteres, DateTimeOffset le)
    {
        if (criteres.EstVide)
        {
            throw new BusinessRuleException("PIL-02", "Une recherche sauvegardée a au moins un critère.", "Criteres");
        }

        StructureId = structureId;
        ProprietaireId = proprietaireId;
        Nom = nom.Trim();
        Partagee = partagee;
        Criteres = criteres;
        CreeLe = le;
    }

    public Guid StructureId { get; private set; }

    public Guid ProprietaireId { get; private set; }

    public string Nom { get; private set; }

    public bool Partagee { get; private set; }

    public CriteresRecherche Criteres { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public int Version { get; private set; }

    /// <summary>PIL-02: only its author changes or deletes a search, even a shared one.</summary>
    public void VerifierAuteur(Guid utilisateurId)
    {
        if (utilisateurId != ProprietaireId)
        {
            throw new BusinessRuleException("PIL-02", "Seul l'auteur d'une recherche partagée peut la modifier ou la supprimer : enregistrez-en une copie à votre nom.", "Nom");
        }
    }

    public void Modifier(string nom, bool partagee, CriteresRecherche criteres)
    {
        if (criteres.EstVide)
        {
            throw new BusinessRuleException("PIL-02", "Une recherche sauvegardée a au moins un critère.", "Criteres");
        }

        Nom = nom.Trim();
        Partagee = partagee;
        Criteres = criteres;
        Version++;
    }
}

/// <summary>PIL-02: a user's saved searches have distinct names (also a unique index).</summary>
public sealed class Pil02NomDistinct(string nom, bool dejaPris) : BusinessRule
{
    public override string Id => "PIL-02";

    public override string Champ => "Nom";

    public override string Message => $"Vous avez déjà une recherche nommée « {nom.Trim()} » : choisissez un autre nom ou modifiez-la.";

    public override bool IsBroken() => dejaPris;
}

/// <summary>PIL-03: indicators computed ahead (the national ones over a million dossiers), with the time they were computed.</summary>
public sealed class IndicateursPrecalcules
{
    public IndicateursPrecalcules(string cle, DateTimeOffset calculeLe, string contenu)
    {
        Cle = cle;
        CalculeLe = calculeLe;
        Contenu = contenu;
    }

    public string Cle { get; private set; }

    public DateTimeOffset CalculeLe { get; private set; }

    public string Contenu { get; private set; }

    public void Remplacer(DateTimeOffset calculeLe, string contenu)
    {
        CalculeLe = calculeLe;
        Contenu = contenu;
    }
}

/// <summary>
/// PIL-03: a narrow reporting row per jeune (level, current commune and QPV, creation), from a materialised view
/// refreshed with the national indicators: the national counts scan 64 MB instead of the jeunes and their addresses.
/// </summary>
public sealed class RapportJeune
{
    private RapportJeune()
    {
    }

    public Guid JeuneId { get; private set; }

    public int? NiveauQualification { get; private set; }

    public string? CommuneInsee { get; private set; }

    public string? CommuneNom { get; private set; }

    public string? QpvCode { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }
}
