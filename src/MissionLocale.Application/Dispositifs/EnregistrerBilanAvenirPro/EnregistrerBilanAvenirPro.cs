using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.EnregistrerBilanAvenirPro;

/// <summary>
/// AVP-01: at the end of the cycle of 4 ateliers (the atelier événements of the jeune during Avenir Pro), the bilan for
/// France Travail, stored on the dispositif and as a PDF in the dossier's documents. Returns the document's id.
/// </summary>
[Requires(Droit.GererDispositifs)]
public sealed record EnregistrerBilanAvenirProCommand(Guid DispositifId, int Version, string Bilan) : ICommand<Guid>, ITransactional;

public sealed class EnregistrerBilanAvenirProValidator : AbstractValidator<EnregistrerBilanAvenirProCommand>
{
    public EnregistrerBilanAvenirProValidator()
    {
        RuleFor(x => x.Bilan).NotEmpty().WithMessage("Rédigez le bilan destiné à France Travail (AVP-01).").MaximumLength(4000).WithMessage("Le bilan ne peut pas dépasser 4000 caractères.");
    }
}

public sealed class EnregistrerBilanAvenirProHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<EnregistrerBilanAvenirProCommand, Guid>
{
    public async ValueTask<Guid> Handle(EnregistrerBilanAvenirProCommand c, CancellationToken cancellationToken)
    {
        var d = await db.Dispositifs.Where(x => x.TypeCode == CodeDispositif.Avp).AVersionAsync(c.DispositifId, c.Version, "Avenir Pro introuvable.", cancellationToken);

        var aujourdhui = clock.Aujourdhui();
        var fin = d.DateFinReelle ?? aujourdhui;
        var zone = clock.LocalTimeZone;
        var duUtc = clock.InstantLocal(d.DateDebut);
        var auUtc = clock.InstantLocal(fin.AddDays(1));
        var ateliers = await db.Evenements.AsNoTracking()
            .Where(e => e.JeuneId == d.JeuneId && e.Nature == NatureEvenement.Atelier && e.Date >= duUtc && e.Date < auUtc)
            .OrderBy(e => e.Date).Select(e => new { e.Date, e.Commentaire }).ToListAsync(cancellationToken);
        d.BilanDeCycle(c.Bilan, aujourdhui, ateliers.Count, await db.ParametreEntierAsync("AVP-01.Ateliers", d.DateDebut, 4, cancellationToken));

        var jeune = await db.Jeunes.AsNoTracking().Where(j => j.Id == d.JeuneId).Select(j => new { j.NomUsage, j.Prenom, j.DateNaissance, j.IdentifiantFt, j.Civilite }).SingleAsync(cancellationToken);
        var texte = $"""
            # Bilan Avenir Pro pour France Travail
            {jeune.NomUsage} {jeune.Prenom}, {MissionLocale.Domain.Common.Libelles.Accorde(jeune.Civilite, "né")} le {jeune.DateNaissance:dd/MM/yyyy}{(jeune.IdentifiantFt is null ? string.Empty : $", identifiant France Travail {jeune.IdentifiantFt}")}
            {d.Classe}, {d.Lycee} — Avenir Pro du {d.DateDebut:dd/MM/yyyy}

            # Ateliers du cycle
            {string.Join("\n", ateliers.Select(a => $"{TimeZoneInfo.ConvertTime(a.Date, zone):dd/MM/yyyy} {a.Commentaire}"))}

            # Bilan
            {c.Bilan.Trim()}

            Établi le {aujourdhui:dd/MM/yyyy} (AVP-01).
            """;
        var document = new Document(user.StructureId, d.JeuneId, CategorieDocument.Courrier, $"Bilan Avenir Pro {jeune.NomUsage}.pdf", "application/pdf",
            pdf.Rendre([new Lettre("Bilan Avenir Pro", texte)]), user.UtilisateurId, clock.GetUtcNow());
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return document.Id;
    }
}
