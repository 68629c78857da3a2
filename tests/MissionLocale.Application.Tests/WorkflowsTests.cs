using System.Reflection;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.RendezVous;

namespace MissionLocale.Application.Tests;

/// <summary>The workflow tables: complete, reachable, and in agreement with the requests that perform their steps.</summary>
public sealed class WorkflowsTests
{
    private static readonly Dictionary<string, Type> Commandes = typeof(RequiresAttribute).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal))
        .ToDictionary(t => t.Name[..^"Command".Length], StringComparer.Ordinal);

    public static TheoryData<string> Noms() => [.. Workflows.Tous.Select(w => w.Nom)];

    [Theory]
    [MemberData(nameof(Noms))]
    public void Chaque_etape_est_une_commande_qui_exige_le_droit_de_la_table(string nom)
    {
        var workflow = Workflows.Tous.Single(w => w.Nom == nom);
        foreach (var (de, vers, action, droit, regle) in workflow.Lignes)
        {
            Assert.True(Commandes.TryGetValue(action, out var commande), $"{nom} {de} → {vers} : aucune commande {action}Command.");
            Assert.Equal(droit, commande.GetCustomAttribute<RequiresAttribute>()?.Droit);
            Assert.Matches("^[A-Z]+-[0-9]{2}$", regle);
        }
    }

    [Fact]
    public void Chaque_etat_est_atteignable_depuis_l_etat_initial()
    {
        Assert.Equal(Enum.GetValues<EtatDemande>(), CycleDemande.Table.Atteignables(EtatDemande.Enregistree).Order());
        Assert.Equal(Enum.GetValues<EtatCerfa>(), CycleCerfa.Table.Atteignables(EtatCerfa.Generee).Order());
        Assert.Equal(Enum.GetValues<StatutRendezVous>(), CycleRendezVous.Table.Atteignables(StatutRendezVous.Planifie).Order());
        Assert.Equal(Enum.GetValues<EtatProposition>(), CycleProposition.Table.Atteignables(EtatProposition.Proposee).Order());
    }

    [Fact]
    [Trait("Rule", "ALLOC-02")]
    public void ALLOC_02_les_ensembles_derives_de_la_table()
    {
        Assert.Equal([EtatDemande.Enregistree, EtatDemande.Soumise, EtatDemande.Validee], CycleDemande.AvantEnvoi.Order());
        Assert.Equal([EtatDemande.Enregistree, EtatDemande.Soumise], CycleDemande.AvantValidation.Order());
        Assert.Equal([EtatDemande.AccepteeAsp, EtatDemande.VerseeAsp, EtatDemande.RefuseeAsp], CycleDemande.Repondues.Order());
        Assert.Equal("Validée siège", Libelles.De(EtatDemande.Validee));
        Assert.Equal("Générée", Libelles.De(EtatCerfa.Generee));
    }

    [Fact]
    [Trait("Rule", "EVT-01")]
    public void EVT_01_une_proposition_realisee_ne_change_plus_et_un_refus_peut_devenir_une_acceptation()
    {
        var e = new Evenement(Guid.NewGuid(), Guid.NewGuid(), NatureEvenement.EntretienIndividuel, DateTimeOffset.UnixEpoch, 30, Guid.NewGuid(), Guid.NewGuid(), null);
        var p = e.Proposer("emploi", null, "Offre de boulanger");
        p.ChangerEtat(EtatProposition.Refusee);
        p.ChangerEtat(EtatProposition.Acceptee);
        p.ChangerEtat(EtatProposition.Realisee);
        p.ChangerEtat(EtatProposition.Realisee);
        var refus = Assert.Throws<BusinessRuleException>(() => p.ChangerEtat(EtatProposition.Abandonnee));
        Assert.Equal("EVT-01", refus.RuleId);
        Assert.Equal("Cette proposition est « Réalisée » : elle ne peut pas passer à « Abandonnée ».", refus.Message);
    }
}
