using MissionLocale.Domain.Reference;

namespace MissionLocale.Application.Reference.ProgrammerFusion;

/// <summary>A scheduled or past merge as the administrator sees it.</summary>
public sealed record FusionDto(Guid Id, TableFusionnable Table, string Source, string SourceLibelle, string Cible, string CibleLibelle, DateTimeOffset PrevueLe, EtatFusion Etat, DateTimeOffset? ExecuteeLe, int? Reaffectations, string DemandeePar)
{
    public static FusionDto De(FusionReferentiel f) => new(f.Id, f.Table, f.Source, f.SourceLibelle, f.Cible, f.CibleLibelle, f.PrevueLe, f.Etat, f.ExecuteeLe, f.Reaffectations, f.DemandeePar);
}
