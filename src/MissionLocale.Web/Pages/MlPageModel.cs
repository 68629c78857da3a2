using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Common;

namespace MissionLocale.Web.Pages;

/// <summary>Base of the pages: sends use cases and puts refusals in ModelState, next to the field they are about.</summary>
public abstract class MlPageModel(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    /// <summary>The rule that refused the last action, shown discreetly on the page.</summary>
    public string? RegleRefus { get; protected set; }

    /// <summary>Set when the save was refused because someone else changed the dossier meanwhile.</summary>
    public bool ConflitConcurrence { get; protected set; }

    public IReadOnlyList<JeuneResume> Homonymes { get; protected set; } = [];

    /// <summary>The last action was a warning waiting for an explicit confirmation.</summary>
    public bool ConfirmationDemandee { get; protected set; }

    protected TimeProvider Horloge => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    /// <summary>French formatting for day names in pages (the server culture may be anything).</summary>
    public static System.Globalization.CultureInfo Fr { get; } = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>An instant as the Missions Locales' local time (Europe/Paris), for display.</summary>
    public DateTime Local(DateTimeOffset d) => TimeZoneInfo.ConvertTime(d, Horloge.LocalTimeZone).DateTime;

    /// <summary>A local date and time typed in a form (datetime-local) as an instant.</summary>
    protected DateTimeOffset Instant(DateTime local) => new(local, Horloge.LocalTimeZone.GetUtcOffset(local));

    protected async Task<T?> TenterAsync<T>(Func<Task<T>> action, string prefixe)
    {
        try
        {
            return await action();
        }
        catch (InvalidInputException e)
        {
            RegleRefus = e.Regles.Values.FirstOrDefault();
            foreach (var (champ, messages) in e.Erreurs)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(Cle(prefixe, champ), m);
                }
            }
        }
        catch (BusinessRuleException e)
        {
            RegleRefus = e.RuleId;
            ModelState.AddModelError(e.Champ is null ? string.Empty : Cle(prefixe, e.Champ), e.Message);
        }
        catch (ConfirmationRequiseException e)
        {
            RegleRefus = e.RuleId;
            Homonymes = e.Candidats;
            ConfirmationDemandee = true;
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            ConflitConcurrence = true;
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (ForbiddenException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return default;
    }

    private static string Cle(string prefixe, string champ) => string.IsNullOrEmpty(prefixe) ? champ : $"{prefixe}.{champ}";
}
