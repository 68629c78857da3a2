using System.Collections.Concurrent;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MissionLocale.Web.Infrastructure;

/// <summary>
/// RGAA for every form field bound with asp-for, in one place: a field the use case requires without condition
/// (FluentValidation NotEmpty/NotNull) is <c>required</c> and <c>aria-required</c> with a visible mark on its label;
/// a field in error is <c>aria-invalid</c> and described by its message (<c>aria-describedby</c>), whose id the
/// message span receives. The error summary links to the fields (_Refus).
/// </summary>
public static class AccessibiliteChamps
{
    private static readonly ConcurrentDictionary<Type, Task<HashSet<string>>> Cache = new();

    public static string IdChamp(ViewContext vc, string nom) => TagBuilder.CreateSanitizedId(vc.ViewData.TemplateInfo.GetFullHtmlFieldName(nom), "_");

    public static string IdErreur(string idChamp) => idChamp + "-erreur";

    /// <summary>
    /// Whether the use case requires the field: its validators (included rule sets too) refuse it on an empty form.
    /// Computed once per type, from the real model type (a partial typed by an interface still finds its command).
    /// </summary>
    public static async Task<bool> ObligatoireAsync(IServiceProvider services, ModelExpression champ)
    {
        var type = champ.ModelExplorer.Container?.Model?.GetType() ?? champ.Metadata.ContainerType;
        var propriete = champ.Metadata.PropertyName;
        if (type is null || propriete is null || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return false;
        }

        return (await Cache.GetOrAdd(type, t => ChampsRefusesAVideAsync(services, t))).Contains(propriete);
    }

    private static async Task<HashSet<string>> ChampsRefusesAVideAsync(IServiceProvider services, Type type)
    {
        var champs = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var vide = Activator.CreateInstance(type)!;
            foreach (var v in services.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>())
            {
                var resultat = await v.ValidateAsync(new ValidationContext<object>(vide));
                champs.UnionWith(resultat.Errors.Select(e => e.PropertyName.Split('.')[^1]));
            }
        }
#pragma warning disable CA1031 // A mark that cannot be computed is left out; the form still renders and the server still validates.
        catch (Exception)
#pragma warning restore CA1031
        {
            champs.Clear();
        }

        return champs;
    }
}

[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class ChampAccessibleTagHelper(IServiceProvider services) : TagHelper
{
    // After the framework's helpers, which set id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var type = output.Attributes["type"]?.Value?.ToString();
        if (type is "hidden")
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? AccessibiliteChamps.IdChamp(ViewContext, For.Name);
        if (await AccessibiliteChamps.ObligatoireAsync(services, For) && !output.Attributes.ContainsName("required"))
        {
            output.Attributes.Add("required", "required");
            output.Attributes.Add("aria-required", "true");
        }

        var nom = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ModelState.TryGetValue(nom, out var etat) && etat.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", AccessibiliteChamps.IdErreur(id));
        }
    }
}

[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class MessageErreurTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", AccessibiliteChamps.IdErreur(AccessibiliteChamps.IdChamp(ViewContext, For.Name)));
}

[HtmlTargetElement("label", Attributes = "asp-for")]
public sealed class LibelleObligatoireTagHelper(IServiceProvider services) : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (await AccessibiliteChamps.ObligatoireAsync(services, For))
        {
            output.PostContent.AppendHtml(" <span class=\"obligatoire\" aria-hidden=\"true\">*</span>");
        }
    }
}
