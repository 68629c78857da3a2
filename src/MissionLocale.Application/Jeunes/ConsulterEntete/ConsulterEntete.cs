using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ConsulterEntete;

/// <summary>What the header of every dossier page shows: identity, badges. One query; the read is logged (RGPD-02).</summary>
public sealed record EnteteDossier(
    Guid Id, long Numero, string Nom, string Prenom, DateOnly DateNaissance, int Age, string? Antenne,
    bool Justifie, bool IdentiteComplete, bool FreinGarde, string? QpvCode, DateOnly? DateDeces, Civilite Civilite = Civilite.Monsieur)
{
    /// <summary>"né" or "née", "décédé" or "décédée": the words agree with the civilité.</summary>
    public string Accorde(string mot) => Libelles.Accorde(Civilite, mot);

    public static EnteteDossier Depuis(DossierDto d) => new(
        d.Id, d.Numero, d.Nom, d.Prenom, d.DateNaissance, d.Age, d.Antenne, d.PieceJustificative is not null, d.IdentiteComplete, d.FreinGarde,
        d.Adresses.FirstOrDefault(a => a.DateFin == null)?.QpvCode, d.DateDeces, d.Civilite);
}

[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterEnteteQuery(Guid JeuneId, string Objet) : IQuery<EnteteDossier>;

public sealed class ConsulterEnteteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterEnteteQuery, EnteteDossier>
{
    public async ValueTask<EnteteDossier> Handle(ConsulterEnteteQuery q, CancellationToken cancellationToken)
    {
        var e = await db.Jeunes.AsNoTracking().Where(j => j.Id == q.JeuneId).Select(j => new
        {
            j.Id,
            j.StructureId,
            j.Numero,
            j.NomUsage,
            j.Prenom,
            j.DateNaissance,
            j.PieceJustificative,
            j.SituationFamiliale,
            j.EnfantsACharge,
            j.ModeGarde,
            j.DateDeces,
            j.Civilite,
            Antenne = db.Antennes.Where(a => a.Id == j.AntenneId).Select(a => a.Nom).FirstOrDefault(),
            Qpv = j.Adresses.Where(a => a.DateFin == null).Select(a => a.QpvCode).FirstOrDefault(),
        }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();

        db.Consultations.Add(new ConsultationDossier(e.StructureId, e.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login, q.Objet));
        await db.SaveChangesAsync(cancellationToken);

        var aujourdhui = clock.Aujourdhui();
        var age = aujourdhui.Year - e.DateNaissance.Year - (e.DateNaissance.AddYears(aujourdhui.Year - e.DateNaissance.Year) > aujourdhui ? 1 : 0);
        return new EnteteDossier(e.Id, e.Numero, e.NomUsage, e.Prenom, e.DateNaissance, age, e.Antenne, e.PieceJustificative is not null,
            e.SituationFamiliale != SituationFamiliale.NonRenseigne, e.EnfantsACharge > 0 && e.ModeGarde is ModeGarde.DifficulteDeGarde or ModeGarde.Aucun,
            e.Qpv, e.DateDeces, e.Civilite);
    }
}
