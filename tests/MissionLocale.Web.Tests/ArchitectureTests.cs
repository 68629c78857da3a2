using System.Reflection;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Infrastructure.Persistence;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace MissionLocale.Web.Tests;

/// <summary>
/// The shape of the software, checked on the compiled assemblies (docs/architecture.md): the layers' dependencies, the
/// rights every request declares, where refusals are written, and where time comes from.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domaine = typeof(BusinessRule).Assembly;
    private static readonly Assembly Application = typeof(IAppDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static void Reussi(TestResult r, string regle) =>
        Assert.True(r.IsSuccessful, $"{regle} : {string.Join(", ", r.FailingTypeNames ?? [])}");

    [Fact]
    public void Le_domaine_ne_depend_de_rien()
    {
        Reussi(Types.InAssembly(Domaine).ShouldNot().HaveDependencyOnAny(
            "MissionLocale.Application", "MissionLocale.Infrastructure", "MissionLocale.Web",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Mediator", "FluentValidation").GetResult(), "Domain");
        Assert.Equal(["System.Runtime"], Domaine.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !n.StartsWith("System.", StringComparison.Ordinal) || n == "System.Runtime").Order());
    }

    [Fact]
    public void L_application_ne_connait_ni_l_infrastructure_ni_le_web()
    {
        Reussi(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny("MissionLocale.Infrastructure", "MissionLocale.Web", "Npgsql", "Microsoft.AspNetCore").GetResult(), "Application");
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name is "MissionLocale.Infrastructure" or "MissionLocale.Web");
    }

    [Fact]
    public void Les_pages_et_l_api_passent_par_le_mediateur_jamais_par_le_dbcontext()
    {
        var surface = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("MissionLocale.Web.Pages")
            .Or().ResideInNamespaceStartingWith("MissionLocale.Web.Api")
            .Or().ResideInNamespaceStartingWith("AspNetCoreGeneratedDocument");
        Reussi(surface.ShouldNot().HaveDependencyOnAny(
            typeof(AppDbContext).FullName!, typeof(IAppDbContext).FullName!, "Microsoft.EntityFrameworkCore.DbContext").GetResult(), "Pages et API");
    }

    [Fact]
    public void Chaque_requete_declare_son_droit()
    {
        var requetes = Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && typeof(Mediator.IMessage).IsAssignableFrom(t) && !typeof(Mediator.INotification).IsAssignableFrom(t)).ToList();
        Assert.True(requetes.Count > 100, $"{requetes.Count} requêtes trouvées");
        var sansDroit = requetes.Where(t => t.GetCustomAttribute<RequiresAttribute>() is null && t.GetCustomAttribute<ConnecteAttribute>() is null).Select(t => t.Name).ToList();
        Assert.True(sansDroit.Count == 0, $"Sans droit déclaré : {string.Join(", ", sansDroit)}");
    }

    [Fact]
    public void Les_refus_s_ecrivent_dans_le_domaine_pas_dans_les_handlers()
    {
        var inline = Appels(Application, m => m.DeclaringType.FullName == typeof(BusinessRuleException).FullName && m.Name == ".ctor", OpCodes.Newobj).ToList();
        Assert.True(inline.Count == 0, $"BusinessRuleException construite dans l'application : {string.Join(", ", inline)}");
    }

    [Fact]
    public void L_heure_vient_du_time_provider()
    {
        string[] interdits = ["System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today", "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow"];
        var appels = new[] { Domaine, Application, Infrastructure, Web }
            .SelectMany(a => Appels(a, m => interdits.Contains($"{m.DeclaringType.FullName}::{m.Name}"), OpCodes.Call))
            .Where(site => !site.Contains("TimeProvider", StringComparison.Ordinal)).ToList();
        Assert.True(appels.Count == 0, $"Heure lue hors du TimeProvider : {string.Join(", ", appels)}");
    }

    /// <summary>The methods of an assembly that call (or construct) what <paramref name="cible"/> matches, as "Type.Method".</summary>
    private static IEnumerable<string> Appels(Assembly assembly, Func<MethodReference, bool> cible, OpCode code)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var sites = new List<string>();
        foreach (var type in module.GetTypes())
        {
            foreach (var methode in type.Methods.Where(m => m.HasBody))
            {
                if (methode.Body.Instructions.Any(i => i.OpCode == code && i.Operand is MethodReference m && cible(m)))
                {
                    sites.Add($"{type.FullName}.{methode.Name}");
                }
            }
        }

        return sites;
    }
}
