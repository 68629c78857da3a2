using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Reference;
using MissionLocale.Domain.Situations;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cursus.ConsulterCursus;

/// <summary>A nomenclature entry offered in a form (CUR-01/02/04).</summary>
public sealed record ChoixNomenclature(string Code, string Libelle, int? Niveau);

public sealed record DiplomeDto(Guid Id, string Libelle, int Niveau, string NiveauLibelle, int? Annee, string? CodeRncp, Guid? SituationId);

/// <summary>A formation situation with what CUR-03/CUR-04 record.</summary>
public sealed record FormationDto(
    Guid SituationId, DateOnly DateDebut, DateOnly DateFin, string? Organisme, string? ObjectifGeneral, string? ValidationPreparee, int? Niveau,
    ResultatFormation? Resultat, DateOnly? DateResultat, bool SansObjectif);

/// <summary>The Cursus tab: scolarité (CUR-01), diplomas (CUR-02), formations (CUR-03/04), niveau de qualification (CUR-05).</summary>
public sealed record CursusDto(
    Guid JeuneId,
    int Version,
    string? DerniereClasse,
    string? Etablissement,
    int? AnneeSortie,
    bool Scolarise,
    bool ScolariteRenseignee,
    int? NiveauQualification,
    string NiveauLibelle,
    IReadOnlyList<DiplomeDto> Diplomes,
    IReadOnlyList<FormationDto> Formations);

[Requires(Droit.ConsulterDossier)]
/// <param name="Journaliser">RGPD-02: the read is logged, unless the page's header already logged it.</param>
public sealed record ConsulterCursusQuery(Guid JeuneId, bool Journaliser = true) : IQuery<CursusDto>;

/// <summary>The choices of the cursus forms, valid today.</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ListerNomenclaturesCursusQuery : IQuery<NomenclaturesCursus>;

public sealed record NomenclaturesCursus(
    IReadOnlyList<ChoixNomenclature> Classes, IReadOnlyList<ChoixNomenclature> Niveaux, IReadOnlyList<ChoixNomenclature> Validations, IReadOnlyList<ChoixNomenclature> Objectifs);

public sealed class ConsulterCursusHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterCursusQuery, CursusDto>
{
    public async ValueTask<CursusDto> Handle(ConsulterCursusQuery q, CancellationToken cancellationToken)
    {
        var j = await db.Jeunes.AsNoTracking().Include(x => x.Diplomes).SingleOrDefaultAsync(x => x.Id == q.JeuneId, cancellationToken)
            ?? throw new NotFoundException("Dossier introuvable.");
        var formations = await db.Situations.AsNoTracking().Where(s => s.JeuneId == q.JeuneId && s.Type == TypeSituation.Formation)
            .OrderByDescending(s => s.DateDebut).ToListAsync(cancellationToken);
        if (q.Journaliser)
        {
            db.Consultations.Add(new ConsultationDossier(j.StructureId, j.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login, "Cursus"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CursusDto(
            j.Id, j.Version, j.DerniereClasse, j.Etablissement, j.AnneeSortieScolaire, j.Scolarise, j.ScolariteRenseignee,
            j.NiveauQualification, NiveauQualification.Libelle(j.NiveauQualification),
            j.Diplomes.OrderByDescending(d => d.Niveau).ThenByDescending(d => d.Annee)
                .Select(d => new DiplomeDto(d.Id, d.Libelle, d.Niveau, NiveauQualification.Libelle(d.Niveau), d.Annee, d.CodeRncp, d.SituationId)).ToList(),
            formations.Select(s => new FormationDto(s.Id, s.DateDebut, s.DateFin, s.Organisme, s.ObjectifGeneral, s.ValidationPreparee, s.NiveauValidation,
                s.Resultat, s.DateResultat, s.AlerteSansObjectif)).ToList());
    }
}

public sealed class ListerNomenclaturesCursusHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListerNomenclaturesCursusQuery, NomenclaturesCursus>
{
    public async ValueTask<NomenclaturesCursus> Handle(ListerNomenclaturesCursusQuery q, CancellationToken cancellationToken)
    {
        var elements = await db.ElementsValidesAsync(null, clock.Aujourdhui(), cancellationToken);
        List<ChoixNomenclature> De(string liste) => elements.Where(e => e.Liste == liste).Select(e => new ChoixNomenclature(e.Code, e.Libelle, e.Niveau)).ToList();
        return new NomenclaturesCursus(De(ElementNomenclature.Classes), De(ElementNomenclature.Niveaux), De(ElementNomenclature.Validations), De(ElementNomenclature.ObjectifsFormation));
    }
}

/// <summary>Reads the dated nomenclatures.</summary>
public static class Nomenclatures
{
    /// <summary>The entries of a list (all lists when null) valid on a date, in their order.</summary>
    public static Task<List<ElementNomenclature>> ElementsValidesAsync(this IAppDbContext db, string? liste, DateOnly date, CancellationToken ct) =>
        db.Nomenclatures.AsNoTracking().ValidesLe(date).Where(e => liste == null || e.Liste == liste).OrderBy(e => e.Ordre).ToListAsync(ct);

    /// <summary>CUR-03: a diploma of the nomenclature named by its code or its label (case-insensitive), valid on the date.</summary>
    public static async Task<ElementNomenclature?> ValidationAsync(this IAppDbContext db, string? saisie, DateOnly date, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return null;
        }

        var s = saisie.Trim();
        var validations = await db.ElementsValidesAsync(ElementNomenclature.Validations, date, ct);
        return validations.FirstOrDefault(v => string.Equals(v.Code, s, StringComparison.OrdinalIgnoreCase) || string.Equals(v.Libelle, s, StringComparison.OrdinalIgnoreCase));
    }
}
