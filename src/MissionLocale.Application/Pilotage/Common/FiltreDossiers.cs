using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Pilotage;

namespace MissionLocale.Application.Pilotage.Common;

/// <summary>
/// PIL-02: the search builder's criteria as one SQL query over the structure's dossiers (the data layer adds the
/// structure filter). Each criterion is an indexed column of jeunes or an EXISTS on a child table, so PostgreSQL
/// drives from the most selective side; counts and lists share this single definition.
/// </summary>
public static class FiltreDossiers
{
    public static IQueryable<Jeune> Filtrer(this IQueryable<Jeune> jeunes, CriteresRecherche c, IAppDbContext db, DateOnly aujourdhui, TimeProvider clock)
    {
        if (c.AgeMin is { } amin)
        {
            var ne = aujourdhui.AddYears(-amin);
            jeunes = jeunes.Where(j => j.DateNaissance <= ne);
        }

        if (c.AgeMax is { } amax)
        {
            var ne = aujourdhui.AddYears(-(amax + 1));
            jeunes = jeunes.Where(j => j.DateNaissance > ne);
        }

        if (c.NeApres is { } na)
        {
            jeunes = jeunes.Where(j => j.DateNaissance >= na);
        }

        if (c.NeAvant is { } nb)
        {
            jeunes = jeunes.Where(j => j.DateNaissance <= nb);
        }

        if (c.Cer is { } liste)
        {
            jeunes = Insertion.ListesCer.FiltrerCer(jeunes, liste, db, aujourdhui);
        }

        if (c.Civilite is { } civ)
        {
            jeunes = jeunes.Where(j => j.Civilite == civ);
        }

        if (!string.IsNullOrWhiteSpace(c.CommuneInsee))
        {
            var commune = c.CommuneInsee.Trim();
            jeunes = jeunes.Where(j => j.Adresses.Any(a => a.DateFin == null && a.CommuneInsee == commune));
        }

        if (!string.IsNullOrWhiteSpace(c.Epci))
        {
            var epci = c.Epci.Trim();
            var communes = db.Communes.Where(x => x.Epci == epci).Select(x => x.CodeInsee);
            jeunes = jeunes.Where(j => j.Adresses.Any(a => a.DateFin == null && communes.Contains(a.CommuneInsee)));
        }

        if (c.Qpv is { } qpv)
        {
            jeunes = qpv
                ? jeunes.Where(j => j.Adresses.Any(a => a.DateFin == null && a.QpvCode != null))
                : jeunes.Where(j => !j.Adresses.Any(a => a.DateFin == null && a.QpvCode != null));
        }

        if (c.Zrr is { } zrr)
        {
            jeunes = jeunes.Where(j => j.Adresses.Any(a => a.DateFin == null && a.Zrr) == zrr);
        }

        // CUR-05: the stored niveau de qualification.
        if (c.NiveauNonRenseigne)
        {
            jeunes = jeunes.Where(j => j.NiveauQualification == null);
        }

        if (c.NiveauMin is { } nmin)
        {
            jeunes = jeunes.Where(j => j.NiveauQualification >= nmin);
        }

        if (c.NiveauMax is { } nmax)
        {
            jeunes = jeunes.Where(j => j.NiveauQualification <= nmax);
        }

        jeunes = FiltrerDispositif(jeunes, c, db);

        if (c.Situation is { } type)
        {
            jeunes = jeunes.Where(j => db.Situations.Any(s => s.JeuneId == j.Id && s.Type == type && s.DateDebut <= aujourdhui
                && (s.DateInterruption ?? s.DateFin) >= aujourdhui));
        }

        // The last contact: an événement with the jeune (interne/administratif is not a contact, as for PACEA-08).
        if (c.DernierContactAvant is { } avant)
        {
            var depuis = clock.InstantLocal(avant);
            jeunes = jeunes.Where(j => !db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= depuis && e.Nature != NatureEvenement.InterneAdministratif));
        }

        if (c.DernierContactApres is { } apres)
        {
            var depuis = clock.InstantLocal(apres);
            jeunes = jeunes.Where(j => db.Evenements.Any(e => e.JeuneId == j.Id && e.Date >= depuis && e.Nature != NatureEvenement.InterneAdministratif));
        }

        if (c.SansReferent)
        {
            jeunes = jeunes.Where(j => j.ConseillerReferentId == null);
        }
        else if (c.ReferentId is { } referent)
        {
            jeunes = jeunes.Where(j => j.ConseillerReferentId == referent);
        }

        if (c.AntenneId is { } antenne)
        {
            jeunes = jeunes.Where(j => j.AntenneId == antenne);
        }

        if (c.Rsa is { } rsa)
        {
            jeunes = jeunes.Where(j => (j.Rsa != Rsa.Non) == rsa);
        }

        if (c.Rqth is { } rqth)
        {
            jeunes = jeunes.Where(j => j.Rqth == rqth);
        }

        if (c.InscritFranceTravail is { } ft)
        {
            jeunes = jeunes.Where(j => j.InscritFranceTravail == ft);
        }

        return jeunes;
    }

    /// <summary>The dispositif criteria apply to the same dispositif: of this type, open on a date, entered / exited in a period, with this motive.</summary>
    private static IQueryable<Jeune> FiltrerDispositif(IQueryable<Jeune> jeunes, CriteresRecherche c, IAppDbContext db)
    {
        if (string.IsNullOrWhiteSpace(c.Dispositif) && string.IsNullOrWhiteSpace(c.MotifSortie))
        {
            return jeunes;
        }

        var d = db.Dispositifs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(c.Dispositif))
        {
            var type = c.Dispositif.Trim().ToUpperInvariant();
            d = d.Where(x => x.TypeCode == type);
        }

        if (c.DispositifOuvertLe is { } le)
        {
            d = d.Where(x => x.DateDebut <= le && (x.DateFinReelle == null || x.DateFinReelle >= le));
        }

        if (c.EntreeDu is { } ed)
        {
            d = d.Where(x => x.DateDebut >= ed);
        }

        if (c.EntreeAu is { } ea)
        {
            d = d.Where(x => x.DateDebut <= ea);
        }

        if (c.SortieDu is { } sd)
        {
            d = d.Where(x => x.DateFinReelle >= sd);
        }

        if (c.SortieAu is { } sa)
        {
            d = d.Where(x => x.DateFinReelle <= sa);
        }

        if (!string.IsNullOrWhiteSpace(c.MotifSortie))
        {
            var motif = c.MotifSortie.Trim();
            d = d.Where(x => x.MotifSortie == motif);
        }

        var ids = d.Select(x => x.JeuneId);
        return jeunes.Where(j => ids.Contains(j.Id));
    }
}

/// <summary>PIL-02: the criteria's shape (bounds in order, all errors at once) for every request that carries them.</summary>
public sealed class CriteresRechercheValidator : AbstractValidator<CriteresRecherche>
{
    public CriteresRechercheValidator()
    {
        RuleFor(x => x).Custom((c, ctx) =>
        {
            foreach (var (champ, message) in c.Incoherences())
            {
                ctx.AddFailure(champ, message);
            }
        });
        RuleFor(x => x.CommuneInsee).Matches("^[0-9][0-9AB][0-9]{3}$").When(x => !string.IsNullOrWhiteSpace(x.CommuneInsee))
            .WithMessage("Le code commune INSEE a 5 caractères (par exemple 35238).");
        RuleFor(x => x.Epci).Matches("^[0-9]{9}$").When(x => !string.IsNullOrWhiteSpace(x.Epci))
            .WithMessage("Le code EPCI (SIREN) a 9 chiffres.");
        RuleFor(x => x.Civilite).IsInEnum().WithMessage("Sexe inconnu.");
        RuleFor(x => x.Situation).IsInEnum().WithMessage("Situation inconnue.");
        RuleFor(x => x.Dispositif).MaximumLength(10).WithMessage("Dispositif inconnu.");
        RuleFor(x => x.MotifSortie).MaximumLength(150).WithMessage("Le motif de sortie ne peut pas dépasser 150 caractères.");
    }
}
