using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Cursus;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.ExporterDossiers;

/// <summary>
/// PIL-02 / PIL-03: the filtered list (or the ticked dossiers of it) as a table to export, read from the reporting
/// connection, row by row, in the list's order.
/// </summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ExporterDossiersQuery(CriteresRecherche Criteres, IReadOnlyList<Guid>? Selection = null) : IQuery<TableExport>;

public sealed class ExporterDossiersValidator : AbstractValidator<ExporterDossiersQuery>
{
    public ExporterDossiersValidator()
    {
        RuleFor(x => x.Criteres).NotNull().WithMessage("Les critères sont obligatoires.").SetValidator(new CriteresRechercheValidator());
    }
}

public sealed class ExporterDossiersHandler(ILectureDb lecture, TimeProvider clock) : IQueryHandler<ExporterDossiersQuery, TableExport>
{
    public static readonly string[] Colonnes =
    [
        "N° dossier", "Nom", "Prénom", "Sexe", "Date de naissance", "Âge", "Commune", "Code commune", "QPV", "ZRR", "Niveau de qualification",
        "Conseiller référent", "Antenne", "RSA", "RQTH", "Inscrit à France Travail", "Dernier contact",
    ];

    public ValueTask<TableExport> Handle(ExporterDossiersQuery q, CancellationToken cancellationToken)
    {
        var db = lecture.Db;
        var aujourdhui = clock.Aujourdhui();
        var jeunes = db.Jeunes.Filtrer(q.Criteres, db, aujourdhui, clock);
        if (q.Selection is { Count: > 0 } selection)
        {
            var ids = selection.ToList();
            jeunes = jeunes.Where(j => ids.Contains(j.Id));
        }

        var lignes = jeunes
            .OrderBy(j => j.NomUsage).ThenBy(j => EF.Functions.Collate(j.Prenom, Collations.Francaise)).ThenBy(j => j.Numero)
            .Select(j => new LigneDossier(
                j.Numero,
                j.NomUsage,
                j.Prenom,
                j.Civilite,
                j.DateNaissance,
                j.Adresses.Where(a => a.DateFin == null).Select(a => new AdresseExport(a.CommuneNom, a.CommuneInsee, a.QpvCode, a.Zrr)).FirstOrDefault(),
                j.NiveauQualification,
                db.Utilisateurs.Where(u => u.Id == j.ConseillerReferentId).Select(u => u.NomAffiche).FirstOrDefault(),
                db.Antennes.Where(a => a.Id == j.AntenneId).Select(a => a.Nom).FirstOrDefault(),
                j.Rsa,
                j.Rqth,
                j.InscritFranceTravail,
                db.Evenements.Where(e => e.JeuneId == j.Id && e.Nature != NatureEvenement.InterneAdministratif).Max(e => (DateTimeOffset?)e.Date)))
            .AsAsyncEnumerable();
        return ValueTask.FromResult(new TableExport("Dossiers", Colonnes, Projeter(lignes, aujourdhui, cancellationToken)));
    }

    private async IAsyncEnumerable<object?[]> Projeter(IAsyncEnumerable<LigneDossier> source, DateOnly aujourdhui, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var l in source.WithCancellation(ct))
        {
            var age = aujourdhui.Year - l.DateNaissance.Year - (l.DateNaissance.AddYears(aujourdhui.Year - l.DateNaissance.Year) > aujourdhui ? 1 : 0);
            yield return
            [
                l.Numero, l.Nom, l.Prenom, l.Civilite == Civilite.Madame ? "F" : "M", l.DateNaissance, age,
                l.Adresse?.CommuneNom, l.Adresse?.CommuneInsee, l.Adresse?.QpvCode, l.Adresse?.Zrr,
                NiveauQualification.Libelle(l.Niveau), l.Referent, l.Antenne, l.Rsa != Rsa.Non, l.Rqth, l.InscritFranceTravail,
                l.Contact is { } c ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c, clock.LocalTimeZone).DateTime) : null,
            ];
        }
    }

    public sealed record AdresseExport(string CommuneNom, string CommuneInsee, string? QpvCode, bool Zrr);

    public sealed record LigneDossier(
        long Numero, string Nom, string Prenom, Civilite Civilite, DateOnly DateNaissance, AdresseExport? Adresse, int? Niveau, string? Referent, string? Antenne,
        Rsa Rsa, bool Rqth, bool InscritFranceTravail, DateTimeOffset? Contact);
}
