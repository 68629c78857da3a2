using MissionLocale.Application.Common;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Jeunes;

namespace MissionLocale.Application.Insertion;

/// <summary>
/// The RSA référent's lists as one query each, shared by the portal's alerts and the search builder (saved searches):
/// each starts from the contracts (a few thousand rows in a 30,000-jeune structure) through an indexed EXISTS.
/// </summary>
public static class ListesCer
{
    public static IQueryable<Jeune> FiltrerCer(this IQueryable<Jeune> jeunes, ListeCer liste, IAppDbContext db, DateOnly aujourdhui)
    {
        switch (liste)
        {
            case ListeCer.ARenouvelerDansLeMois:
                {
                    // CER-07: the contract in force ends within the month and its successor is not being prepared.
                    var limite = aujourdhui.AddMonths(1);
                    return jeunes.Where(j => db.Cers.Any(c => c.JeuneId == j.Id && c.Etat == EtatCer.Valide && c.FinPrevue >= aujourdhui && c.FinPrevue <= limite)
                        && !db.Cers.Any(c => c.JeuneId == j.Id && CycleCer.EnPreparation.Contains(c.Etat)));
                }

            case ListeCer.SansCerEnVigueur:
                // CER-01: in a parcours d'insertion, no validated contract covers today.
                return jeunes.Where(j => db.ParcoursInsertion.Any(p => p.JeuneId == j.Id)
                    && !db.Cers.Any(c => c.JeuneId == j.Id && c.Etat == EtatCer.Valide && c.Debut <= aujourdhui && c.FinPrevue >= aujourdhui));

            case ListeCer.EnValidation:
                return jeunes.Where(j => db.Cers.Any(c => c.JeuneId == j.Id && c.Etat == EtatCer.EnValidation));

            default:
                return jeunes.Where(j => db.Cers.Any(c => c.JeuneId == j.Id && c.Etat == EtatCer.Refuse));
        }
    }
}
