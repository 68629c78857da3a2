using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Web.Infrastructure;

namespace MissionLocale.Web.Pages;

/// <summary>
/// The French error page of every failure of a page: 403, 404, 503 or an unexpected error with a reference (the
/// request's trace id, on its log lines) to quote to support. Never a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Titre { get; private set; } = "Erreur inattendue";

    public string Message { get; private set; } = "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez ; si elle persiste, signalez-la à votre administrateur avec la référence ci-dessous.";

    public string? Reference { get; private set; }

    public void OnGet(int? code) => Appliquer(code);

    public void OnPost(int? code) => Appliquer(code);

    private void Appliquer(int? code)
    {
        var statut = code ?? Response.StatusCode;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is not null)
        {
            statut = GestionErreurs.Statut(exception);
        }

        switch (statut)
        {
            case 404:
                Titre = "Page introuvable";
                Message = "Ce dossier ou cette page n'existe pas, ou n'appartient pas à votre Mission Locale.";
                break;
            case 403:
                Titre = "Accès refusé";
                Message = "Votre profil ne permet pas d'accéder à cette page. Si vous en avez besoin, demandez-le à l'administrateur de votre Mission Locale.";
                break;
            case 503:
                Titre = "Service momentanément indisponible";
                Message = GestionErreurs.MessageBaseIndisponible;
                Response.Headers.RetryAfter = "30";
                break;
            case 400 or 409 or 422:
                Titre = "Demande non valide";
                Message = "La demande n'a pas pu être traitée telle quelle ; rien n'a été enregistré. Revenez à la page précédente et réessayez.";
                break;
            case >= 400 and < 500:
                Titre = "Demande non valide";
                Message = "La demande n'a pas pu être traitée.";
                break;
            case >= 500:
                Reference = GestionErreurs.Reference(HttpContext);
                break;
        }
    }
}
