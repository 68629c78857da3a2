using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Documents;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Allocations.GenererCerfa;

/// <summary>
/// CERFA-01/02, CEJ-05: generates the CERFA of a PACEA or a CEJ as a PDF (identity, full address, dispositif, bank annex),
/// stored with the dossier's documents. A CERFA not yet signed is generated again under the same number (corrections).
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record GenererCerfaCommand(Guid DispositifId) : ICommand<CerfaDto>, ITransactional;

public sealed class GenererCerfaHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<GenererCerfaCommand, CerfaDto>
{
    public async ValueTask<CerfaDto> Handle(GenererCerfaCommand c, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.AsNoTracking().SingleOrDefaultAsync(x => x.Id == c.DispositifId, cancellationToken) ?? throw new NotFoundException("Dispositif introuvable.");
        ReglesAllocation.VerifierGenerationCerfa(d.TypeCode, d.Ouvert);

        // CEJ-05: no CERFA without bank details (its annex).
        var compte = ReglesAllocation.CoordonneesPourCerfa(await db.CoordonneesBancaires.AsNoTracking().SingleOrDefaultAsync(x => x.JeuneId == d.JeuneId && x.DateFin == null, cancellationToken));

        // RIB-05: under tutelle or curatelle the full title must fit this CERFA.
        var longueur = await db.ParametreEntierAsync($"RIB-05.Longueur{(d.TypeCode == CodeDispositif.Pacea ? "Pacea" : "Cej")}", clock.Aujourdhui(), d.TypeCode == CodeDispositif.Pacea ? 38 : 49, cancellationToken);
        ReglesAllocation.VerifierIntituleCerfa(compte, longueur, d.TypeCode);

        var jeune = await db.Jeunes.AsNoTracking().Where(j => j.Id == d.JeuneId)
            .Select(j => new { j.Civilite, j.NomUsage, j.NomNaissance, j.Prenom, j.DateNaissance, j.Nir, j.Numero, j.Email, j.TelephoneMobile, Adresse = j.Adresses.Where(a => a.DateFin == null).OrderByDescending(a => a.DateDebut).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == d.StructureId).Select(s => s.Nom).SingleAsync(cancellationToken);
        var referent = d.ReferentId is { } r ? await db.Intervenants.Where(i => i.Id == r).Select(i => i.Nom).SingleOrDefaultAsync(cancellationToken) : null;

        var existants = await db.Cerfas.Where(x => x.DispositifId == d.Id).ToListAsync(cancellationToken);
        var aRegenerer = existants.Where(x => x.Etat == EtatCerfa.Generee).OrderByDescending(x => x.GenereLe).FirstOrDefault();
        var numero = aRegenerer?.Numero ?? Cerfa.Numeroter(existants.Select(x => x.Numero).ToList(), d.Renouvellements > 0);
        var numeroDispositif = NumerosAsp.Dispositif(d.TypeCode, d.DateDebut, d.Id);
        var reference = NumerosAsp.Cerfa(numeroDispositif, numero);
        var a = jeune.Adresse;
        string? L(string libelle, string? valeur) => string.IsNullOrWhiteSpace(valeur) ? null : $"{libelle} : {valeur}";
        var lignesAdresse = a is null
            ? ["Adresse : non renseignée"]
            : a.Lignes().Select((l, i) => i == 0 ? $"Adresse : {l.Valeur}" : l.Libelle is null ? l.Valeur : $"{l.Libelle} : {l.Valeur}").ToArray();
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var texte = $"""
            # CERFA — Demande d'allocation {(d.TypeCode == CodeDispositif.Pacea ? "PACEA (parcours contractualisé d'accompagnement vers l'emploi et l'autonomie)" : "CEJ (contrat d'engagement jeune)")}
            CERFA n° {numero} — référence {reference}
            Mission Locale : {structure}

            # 1. Le jeune
            NOM : {jeune.NomUsage}{(jeune.NomNaissance is { } nn && nn != jeune.NomUsage ? $" ({Libelles.Accorde(jeune.Civilite, "né")} {nn})" : string.Empty)}
            Prénom : {jeune.Prenom}
            Date de naissance : {jeune.DateNaissance:dd/MM/yyyy}
            NIR : {jeune.Nir ?? "non communiqué"}
            {string.Join("\n", lignesAdresse)}
            {L("Téléphone", jeune.TelephoneMobile)}
            {L("Courriel", jeune.Email)}

            # 2. Le dispositif
            Dispositif : {d.TypeCode} n° {numeroDispositif}
            Entrée le {d.DateDebut:dd/MM/yyyy}, fin prévue le {d.DateFinPrevue:dd/MM/yyyy}{(d.Renouvellements > 0 ? $", renouvelé {d.Renouvellements} fois" : string.Empty)}
            {L("Référent", referent)}
            Objet : {(numero switch { 0 => "entrée dans le dispositif", 1 => "nouvelle phase", _ => "renouvellement" })}

            # 3. Annexe bancaire
            Titulaire du compte : {compte.Titulaire}
            IBAN : {Iban.Formater(compte.Iban)}
            BIC : {compte.Bic}
            {(compte.Protection == MesureProtection.Aucune ? string.Empty : $"Mesure de protection : {(compte.Protection == MesureProtection.Tutelle ? "tutelle" : "curatelle")} (jugement joint au dossier)")}

            # Signatures
            Fait le {TempsLocal.EnLettres(clock.Aujourdhui().ToDateTime(TimeOnly.MinValue))}.
            Signature du jeune (ou de son représentant légal) :
            [signature]
            Signature du conseiller de la Mission Locale :
            [signature]
            """;
        var titre = $"CERFA {d.TypeCode} n°{numero} {jeune.NomUsage} {jeune.Prenom}";
        var document = new Document(user.StructureId, d.JeuneId, CategorieDocument.Courrier, $"{titre}.pdf", "application/pdf",
            pdf.Rendre([new Lettre(titre, texte, Formulaire: true)]), user.UtilisateurId, clock.GetUtcNow());
        db.Documents.Add(document);

        Cerfa cerfa;
        if (aRegenerer is not null)
        {
            aRegenerer.Regenerer(document.Id, user.UtilisateurId, clock.GetUtcNow());
            cerfa = aRegenerer;
        }
        else
        {
            cerfa = new Cerfa(user.StructureId, d.JeuneId, d.Id, d.TypeCode, numero, document.Id, user.UtilisateurId, clock.GetUtcNow());
            db.Cerfas.Add(cerfa);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CerfaQueries.VersDto(cerfa, d.DateDebut);
    }
}
