using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Infrastructure.Persistence;

/// <summary>
/// RGPD-02: turns every change of a dossier (the jeune row and its parts) into history lines
/// (who, when, field, old → new), written in the same transaction as the change itself.
/// </summary>
internal static class HistoriqueBuilder
{
    private static readonly HashSet<string> Ignores = ["Id", "Version", "Contenu", "Inscrits", "PrenomCle", "JeuneId", "StructureId", "Recherche", "Numero", "CreeLe", "ConsentementLe", "ConsentementPar", "ScolariteRenseignee"];

    public static List<HistoriqueModification> Construire(ChangeTracker tracker, Guid structureId, ICurrentUser user, DateTimeOffset le, TimeZoneInfo fuseau)
    {
        var lignes = new List<HistoriqueModification>();
        Guid? userId = user.Authentifie ? user.UtilisateurId : null;
        var login = user.Authentifie ? user.Login : "système";
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.Entity is not (Jeune or IDossierPart) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var jeuneId = entry.Entity is Jeune j ? j.Id : ((IDossierPart)entry.Entity).JeuneId;
            var structure = entry.Entity is IStructureOwned so ? so.StructureId : structureId;
            var element = Element(entry.Entity);
            void Ajouter(string champ, string? ancien, string? nouveau) =>
                lignes.Add(new HistoriqueModification(structure, jeuneId, le, userId, login, element, champ, ancien, nouveau));

            switch (entry.State)
            {
                case EntityState.Added:
                    Ajouter(entry.Entity is Jeune ? "Création du dossier" : "Ajout", null, Resume(entry.Entity, fuseau));
                    break;
                case EntityState.Deleted:
                    Ajouter("Suppression", Resume(entry.Entity, fuseau), null);
                    break;
                case EntityState.Modified:
                    foreach (var p in entry.Properties.Where(p => p.IsModified && !Ignores.Contains(p.Metadata.Name)))
                    {
                        var ancien = Formater(p.OriginalValue, fuseau);
                        var nouveau = Formater(p.CurrentValue, fuseau);
                        if (ancien != nouveau)
                        {
                            Ajouter(Libelles.Champ(p.Metadata.Name), ancien, nouveau);
                        }
                    }

                    break;
            }
        }

        return lignes;
    }

    /// <summary>Also written by the set-based batch and return SQL (AppDbContext), so both read the same in the history.</summary>
    public const string ElementDemande = "Demande d'allocation";

    public const string ElementCerfa = "CERFA";

    private static string Element(object entity) => entity switch
    {
        Jeune => "Dossier",
        Adresse => "Adresse",
        Ressource => "Ressource",
        Permis => "Permis",
        Domain.Cursus.Diplome => "Diplôme",
        Evenement => "Événement",
        Proposition => "Proposition",
        Situation => "Situation",
        Domain.RendezVous.RendezVous => "Rendez-vous",
        Domain.Documents.Document => "Document",
        Positionnement => "Session",
        Domain.Dispositifs.Dispositif => "Dispositif",
        Domain.Dispositifs.PhasePacea => "Phase PACEA",
        Domain.Allocations.DeclarationRessources => "Ressources",
        Domain.Allocations.CoordonneesBancaires => "Coordonnées bancaires",
        Domain.Dispositifs.ActionParrainage => "Action de parrainage",
        Domain.Allocations.DemandeAllocation => ElementDemande,
        Domain.Allocations.Cerfa => ElementCerfa,
        Domain.Cotraitance.Ppae => "PPAE",
        Domain.Insertion.ParcoursInsertion => "Parcours d'insertion",
        Domain.Insertion.Cer => "CER",
        Domain.Insertion.SaisineEp => "Saisine EP",
        _ => entity.GetType().Name,
    };

    public static string Resume(object entity, TimeZoneInfo fuseau) => entity switch
    {
        Jeune j => $"{j.NomUsage} {j.Prenom}, {Libelles.Accorde(j.Civilite, "né")} le {j.DateNaissance:dd/MM/yyyy}",
        Adresse a => a.ToString() + (a.Npai ? " (NPAI)" : string.Empty) + (a.QpvCode is null ? string.Empty : $" (QPV {a.QpvCode})"),
        Ressource r => $"{Libelles.De(r.Type)} {r.MontantMensuel.ToString("N2", CultureInfo.GetCultureInfo("fr-FR"))} € depuis le {r.DateDebut:dd/MM/yyyy}",
        Permis p => $"Permis {p.Categorie} : {Libelles.De(p.Etape)}",
        Domain.Cursus.Diplome d => $"{d.Libelle} ({Domain.Cursus.NiveauQualification.Libelle(d.Niveau)}){(d.Annee is { } a ? $", {a}" : string.Empty)}",
        Evenement e => $"{Libelles.De(e.Nature)} du {TimeZoneInfo.ConvertTime(e.Date, fuseau):dd/MM/yyyy}",
        Proposition p => $"{p.Libelle} ({Libelles.De(p.Etat)})",
        Situation s => $"{Libelles.De(s.Type)} du {s.DateDebut:dd/MM/yyyy} au {s.DateFin:dd/MM/yyyy}",
        Domain.RendezVous.RendezVous r => $"{r.Objet} le {TimeZoneInfo.ConvertTime(r.Debut, fuseau):dd/MM/yyyy HH:mm} ({Libelles.De(r.Statut)})",
        Positionnement p => $"Positionné(e) sur la session {p.SessionId}",
        Domain.Dispositifs.Dispositif d => $"{d.TypeCode} du {d.DateDebut:dd/MM/yyyy} au {d.DateFinPrevue:dd/MM/yyyy}",
        Domain.Dispositifs.ActionParrainage a => $"{a.Libelle} le {a.Date:dd/MM/yyyy} ({a.DomaineCode})",
        Domain.Allocations.CoordonneesBancaires c => $"{c.Titulaire}, IBAN {c.Iban[..4]} … {c.Iban[^4..]}, depuis le {c.DateDebut:dd/MM/yyyy}",
        Domain.Allocations.DeclarationRessources r => $"Ressources de {r.Mois:MM/yyyy} : {r.Total.ToString("N2", CultureInfo.GetCultureInfo("fr-FR"))} €",
        Domain.Dispositifs.PhasePacea p => $"Phase {p.Numero} du {p.DateDebut:dd/MM/yyyy} au {p.DateFinPrevue:dd/MM/yyyy} : {p.Objectifs}",
        Domain.Cotraitance.Ppae p => $"PPAE {Libelles.De(p.Etat)}, affecté par France Travail le {p.DateAffectation:dd/MM/yyyy}",
        Domain.Insertion.ParcoursInsertion p => $"Accompagnement {Libelles.De(p.TypeAccompagnement).ToLowerInvariant()} depuis le {p.DateDebut:dd/MM/yyyy}",
        Domain.Insertion.Cer c => $"{Libelles.De(c.Type)} du {c.Debut:dd/MM/yyyy} au {c.FinPrevue:dd/MM/yyyy} ({Libelles.De(c.Etat)})",
        Domain.Insertion.SaisineEp s => $"Saisine EP « {Libelles.De(s.Motif)} » : {s.DecisionProposee} ({Libelles.De(s.Etat)})",
        _ => entity.ToString() ?? string.Empty,
    };

    // Every hour written in the history is Europe/Paris (the clock's zone); storage stays UTC.
    private static string? Formater(object? valeur, TimeZoneInfo fuseau) => valeur switch
    {
        null => null,
        bool b => b ? "Oui" : "Non",
        byte[] b => $"image de {Libelles.Nombre(b.Length, "octet")}",
        Domain.Insertion.ActionInsertion a => $"{a.Libelle} du {a.Debut:dd/MM/yyyy} au {a.Echeance:dd/MM/yyyy}{(a.Session is null ? string.Empty : $" ({a.Session})")}",
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset d => TimeZoneInfo.ConvertTime(d, fuseau).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        decimal m => m.ToString("N2", CultureInfo.GetCultureInfo("fr-FR")),
        Enum e => Libelles.De(e),
        string s => s,
        IEnumerable list => string.Join(", ", list.Cast<object>().Select(x => Formater(x, fuseau))),
        _ => Convert.ToString(valeur, CultureInfo.InvariantCulture),
    };
}
