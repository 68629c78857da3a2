using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Structures.ModifierEnTete;

/// <summary>USR-07: the letterhead of the structure: phone, e-mail, logo (PNG or JPEG); without a new logo the current one stays unless removed.</summary>
[Requires(Droit.GererReferentiels)]
public sealed record ModifierEnTeteCommand(string? Telephone, string? Email, byte[]? Logo, bool RetirerLogo = false) : ICommand<Unit>, ITransactional;

public sealed class ModifierEnTeteValidator : AbstractValidator<ModifierEnTeteCommand>
{
    public ModifierEnTeteValidator()
    {
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("L'adresse e-mail n'est pas valide.");
        RuleFor(x => x.Telephone).Matches(@"^\+?[0-9 .]{10,20}$").When(x => !string.IsNullOrWhiteSpace(x.Telephone)).WithMessage("Le téléphone compte 10 chiffres (exemple : 02 99 00 00 00).");
    }
}

public sealed class ModifierEnTeteHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<ModifierEnTeteCommand, Unit>
{
    public async ValueTask<Unit> Handle(ModifierEnTeteCommand c, CancellationToken cancellationToken)
    {
        var s = await db.Structures.SingleAsync(x => x.Id == user.StructureId, cancellationToken);
        s.ModifierEnTete(c.Telephone, c.Email, c.RetirerLogo ? null : c.Logo is { Length: > 0 } ? c.Logo : s.Logo);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
