using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Insertion.SaisirEp;

/// <summary>
/// EP-01 to EP-05: the référent refers an RSA beneficiary to the équipe pluridisciplinaire (« À valider »); the notice
/// to the beneficiary is written from the structure's template and kept in the documents (answers the saisine's id).
/// </summary>
[Requires(Droit.GererRsa)]
public sealed record SaisirEpCommand(Guid JeuneId, MotifSaisine? Motif, TypeAccompagnement? TypeCible, string? StructureCible, string? CommentaireInsertion) : ICommand<Guid>, ITransactional;

public sealed class SaisirEpValidator : AbstractValidator<SaisirEpCommand>
{
    public SaisirEpValidator()
    {
        RuleFor(x => x.Motif).NotEmpty().WithMessage("Le motif de la saisine est obligatoire.");
        RuleFor(x => x.StructureCible).MaximumLength(SaisineEp.LongueurStructureMax).WithMessage($"La structure compte au plus {SaisineEp.LongueurStructureMax} caractères.");
        RuleFor(x => x.CommentaireInsertion).MaximumLength(SaisineEp.LongueurCommentaireMax).WithMessage($"Le commentaire compte au plus {SaisineEp.LongueurCommentaireMax} caractères.");
    }
}

public sealed class SaisirEpHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<SaisirEpCommand, Guid>
{
    public async ValueTask<Guid> Handle(SaisirEpCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerDossierAsync(c.JeuneId, cancellationToken);
        var parcours = await db.ParcoursInsertion.AnyAsync(p => p.JeuneId == c.JeuneId, cancellationToken);
        var autres = await db.SaisinesEp.Where(s => s.JeuneId == c.JeuneId).ToListAsync(cancellationToken);
        var saisine = SaisineEp.Creer(user.StructureId, c.JeuneId, parcours, c.Motif!.Value, c.TypeCible, c.StructureCible, c.CommentaireInsertion, autres, clock.Aujourdhui(), user.UtilisateurId);
        db.SaisinesEp.Add(saisine);

        // The notice of the saisine, when a letter can reach the beneficiary (JEU-05); otherwise the saisine stands without it.
        if (new Jeu05CourrierPossible(jeune).IsBroken() is false)
        {
            var sources = new SourcesCourrier(db);
            var modele = await db.ModelesLettre.AsNoTracking().Where(m => m.Categorie == CategorieDocument.Courrier && m.Actif && m.Titre == ModeleLettre.TitreAvisSaisine)
                .FirstOrDefaultAsync(cancellationToken);
            var valeurs = await Publipostage.ValeursJeuneAsync(sources, jeune, user.UtilisateurId, null, clock.LocalTimeZone, clock.GetUtcNow(), cancellationToken);
            valeurs["saisine.motif"] = Libelles.De(saisine.Motif);
            valeurs["saisine.decision"] = saisine.DecisionProposee;
            var lettre = new Lettre(ModeleLettre.TitreAvisSaisine, Publipostage.Fusionner(modele?.Corps ?? ModeleLettre.AvisSaisineParDefaut, valeurs), await Publipostage.EnTeteAsync(sources, jeune.StructureId, cancellationToken));
            var avis = new Document(user.StructureId, jeune.Id, CategorieDocument.Courrier, $"Avis de saisine EP {clock.Aujourdhui():yyyy-MM-dd} {jeune.NomUsage}.pdf", "application/pdf",
                pdf.Rendre([lettre]), user.UtilisateurId, clock.GetUtcNow());
            db.Documents.Add(avis);
            saisine.Avis(avis.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return saisine.Id;
    }
}
