using Mediator;
using MissionLocale.Application.Common;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.RendezVous.ChangerStatutRendezVous;

/// <summary>RDV-01: Planifié → Présent | Absent (motif required) | Annulé, with the version the user saw.</summary>
[Requires(Droit.PlanifierRendezVous)]
public sealed record ChangerStatutRendezVousCommand(Guid RendezVousId, int Version, StatutRendezVous Statut, MotifAbsence? MotifAbsence = null) : ICommand<int>, ITransactional;

public sealed class ChangerStatutRendezVousHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ChangerStatutRendezVousCommand, int>
{
    public async ValueTask<int> Handle(ChangerStatutRendezVousCommand c, CancellationToken cancellationToken)
    {
        var rdv = await db.RendezVous.AVersionAsync(c.RendezVousId, c.Version, "Rendez-vous introuvable.", cancellationToken);

        var maintenant = clock.GetUtcNow();
        switch (c.Statut)
        {
            case StatutRendezVous.Present:
                rdv.MarquerPresent(maintenant);
                break;
            case StatutRendezVous.Absent:
                rdv.MarquerAbsent(c.MotifAbsence, maintenant);
                break;
            case StatutRendezVous.Annule:
                rdv.Annuler();
                break;
            default:
                throw new InvalidInputException(new Dictionary<string, string[]> { ["Statut"] = ["Choisissez Présent, Absent ou Annulé."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        return rdv.Version;
    }
}
