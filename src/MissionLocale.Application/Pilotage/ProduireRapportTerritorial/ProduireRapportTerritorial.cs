using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.ProduireRapportTerritorial;

/// <summary>One line of the territorial report: a commune or a quartier and the jeunes followed there in the year.</summary>
public sealed record LigneTerritoriale(string Code, string Nom, int JeunesSuivis, int Nouveaux, int Femmes, int Hommes, int Mineurs, int InfraBac, int EntresEnDispositif);

/// <summary>PIL-03: the yearly territorial activity report, per commune and per quartier (QPV), for a set of communes.</summary>
public sealed record RapportTerritorial(int Annee, string Perimetre, LigneTerritoriale Total, IReadOnlyList<LigneTerritoriale> Communes, IReadOnlyList<LigneTerritoriale> Quartiers);

/// <summary>
/// PIL-03: the report of a year for chosen communes (INSEE codes) or an EPCI's communes; neither: the whole structure.
/// A jeune is followed in the year when they had a contact (an événement other than interne) in it, and counts in the
/// commune and quartier of the address in force on 31 December (the first one known for a dossier opened later).
/// </summary>
[Requires(Droit.ConsulterTableauxDeBord)]
public sealed record ProduireRapportTerritorialQuery(int Annee, IReadOnlyList<string>? Communes = null, string? Epci = null) : IQuery<RapportTerritorial>;

public sealed class ProduireRapportTerritorialValidator : AbstractValidator<ProduireRapportTerritorialQuery>
{
    public ProduireRapportTerritorialValidator(TimeProvider clock)
    {
        RuleFor(x => x.Annee).InclusiveBetween(2017, clock.Aujourdhui().Year).WithMessage($"L'année est comprise entre 2017 et {clock.Aujourdhui().Year}.");
        RuleForEach(x => x.Communes).Matches("^[0-9][0-9AB][0-9]{3}$").WithMessage("Un code commune INSEE a 5 caractères (par exemple 35238).");
        RuleFor(x => x.Communes).Must(c => c is null || c.Count <= 500).WithMessage("500 communes au plus.");
        RuleFor(x => x.Epci).Matches("^[0-9]{9}$").When(x => !string.IsNullOrWhiteSpace(x.Epci)).WithMessage("Le code EPCI (SIREN) a 9 chiffres.");
    }
}

public sealed class ProduireRapportTerritorialHandler(ILectureDb lecture, TimeProvider clock) : IQueryHandler<ProduireRapportTerritorialQuery, RapportTerritorial>
{
    public async ValueTask<RapportTerritorial> Handle(ProduireRapportTerritorialQuery q, CancellationToken cancellationToken)
    {
        var db = lecture.Db;
        var premier = new DateOnly(q.Annee, 1, 1);
        var dernier = new DateOnly(q.Annee, 12, 31);
        var debut = clock.InstantLocal(premier);
        var fin = clock.InstantLocal(dernier.AddDays(1));

        var communes = q.Communes?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList() ?? [];
        var perimetre = "Toute la structure";
        if (!string.IsNullOrWhiteSpace(q.Epci))
        {
            var epci = q.Epci.Trim();
            communes.AddRange(await db.Communes.AsNoTracking().Where(c => c.Epci == epci).Select(c => c.CodeInsee).ToListAsync(cancellationToken));
            var nom = await db.Epcis.AsNoTracking().Where(e => e.Code == epci).Select(e => e.Nom).FirstOrDefaultAsync(cancellationToken);
            perimetre = $"EPCI {nom ?? epci}";
        }
        else if (communes.Count > 0)
        {
            perimetre = communes.Count == 1 ? "1 commune" : $"{communes.Count} communes";
        }

        var contacts = db.Evenements.AsNoTracking().Where(e => e.Date >= debut && e.Date < fin && e.Nature != NatureEvenement.InterneAdministratif).Select(e => e.JeuneId);
        var entres = db.Dispositifs.AsNoTracking().Where(d => d.DateDebut >= premier && d.DateDebut <= dernier).Select(d => d.JeuneId);
        var lignes = await db.Jeunes.AsNoTracking().Where(j => contacts.Contains(j.Id))
            .Select(j => new JeuneSuivi(
                j.Civilite,
                j.DateNaissance,
                j.NiveauQualification,
                j.CreeLe >= debut && j.CreeLe < fin,
                entres.Contains(j.Id),

                // The address in force on 31 December; for a dossier opened later, its first address.
                j.Adresses.OrderByDescending(a => a.DateDebut <= dernier).ThenByDescending(a => a.DateDebut <= dernier ? a.DateDebut : DateOnly.MinValue).ThenBy(a => a.DateDebut)
                    .Select(a => new AdresseRapport(a.CommuneInsee, a.CommuneNom, a.QpvCode)).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var dansPerimetre = communes.Count == 0 ? lignes : lignes.Where(l => l.Adresse is not null && communes.Contains(l.Adresse.CommuneInsee)).ToList();
        var nomsQpv = await db.Qpvs.AsNoTracking().Select(x => new { x.Code, x.Nom }).ToDictionaryAsync(x => x.Code, x => x.Nom, cancellationToken);

        var parCommune = dansPerimetre.GroupBy(l => (l.Adresse?.CommuneInsee ?? "-", l.Adresse?.CommuneNom ?? "Adresse inconnue"))
            .Select(g => Compter(g.Key.Item1, g.Key.Item2, g.ToList(), dernier))
            .OrderByDescending(l => l.JeunesSuivis).ThenBy(l => l.Nom, StringComparer.Ordinal).ToList();
        var parQuartier = dansPerimetre.Where(l => l.Adresse?.QpvCode is not null).GroupBy(l => l.Adresse!.QpvCode!)
            .Select(g => Compter(g.Key, $"{nomsQpv.GetValueOrDefault(g.Key, g.Key)} ({g.First().Adresse!.CommuneNom})", g.ToList(), dernier))
            .OrderByDescending(l => l.JeunesSuivis).ToList();
        var total = Compter("TOTAL", "Total du périmètre", dansPerimetre, dernier);
        return new RapportTerritorial(q.Annee, perimetre, total, parCommune, parQuartier);
    }

    private static LigneTerritoriale Compter(string code, string nom, IReadOnlyCollection<JeuneSuivi> g, DateOnly dernier) =>
        new(code, nom, g.Count, g.Count(x => x.Nouveau), g.Count(x => x.Civilite == Civilite.Madame), g.Count(x => x.Civilite == Civilite.Monsieur),
            g.Count(x => x.DateNaissance.AddYears(18) > dernier), g.Count(x => x.Niveau is < 4), g.Count(x => x.Entre));

    private sealed record AdresseRapport(string CommuneInsee, string CommuneNom, string? QpvCode);

    private sealed record JeuneSuivi(Civilite Civilite, DateOnly DateNaissance, int? Niveau, bool Nouveau, bool Entre, AdresseRapport? Adresse);
}

/// <summary>PIL-03: the report's tables, for XLSX and PDF.</summary>
public static class TablesRapportTerritorial
{
    public static readonly string[] Colonnes =
    [
        "Code", "Commune ou quartier", "Jeunes suivis", "dont nouveaux (premier accueil)", "Femmes", "Hommes", "Mineurs au 31/12", "Infra-bac (niveau < 4)", "Entrés en dispositif",
    ];

    public static object?[] Cellules(LigneTerritoriale l) => [l.Code, l.Nom, l.JeunesSuivis, l.Nouveaux, l.Femmes, l.Hommes, l.Mineurs, l.InfraBac, l.EntresEnDispositif];
}
