using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MissionLocale.Web.Pages;

public sealed class ErrorModel : PageModel
{
    public string Titre { get; private set; } = "Erreur";

    public string Message { get; private set; } = "Une erreur inattendue est survenue. Réessayez ; si elle persiste, signalez-la à votre administrateur.";

    public void OnGet(int? code) => Appliquer(code);

    public void OnPost(int? code) => Appliquer(code);

    private void Appliquer(int? code)
    {
        if (code == 404)
        {
            Titre = "Page introuvable";
            Message = "Ce dossier ou cette page n'existe pas, ou n'appartient pas à votre Mission Locale.";
        }
        else if (code == 403)
        {
            Titre = "Accès refusé";
            Message = "Votre profil ne permet pas d'accéder à cette page.";
        }
    }
}
