using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Offres.GererSessions;
using MissionLocale.Application.Offres.ListerParticipants;
using MissionLocale.Application.Offres.MarquerPresence;

namespace MissionLocale.Web.Pages.Offres;

/// <summary>EVT-02: the participants of a session and their attendance.</summary>
public sealed class SessionModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public IReadOnlyList<ParticipantDto> Participants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Participants = await Mediator.Send(new ListerParticipantsQuery(Id), ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid jeuneId, bool present, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new MarquerPresenceCommand(Id, jeuneId, present), ct), string.Empty);
        return ModelState.IsValid ? RedirectToPage(new { id = Id }) : await OnGetAsync(ct);
    }
}
