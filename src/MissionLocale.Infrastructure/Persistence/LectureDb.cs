using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;

namespace MissionLocale.Infrastructure.Persistence;

/// <summary>
/// The reporting context (ILectureDb): the same model and the same structure filter as the primary one, on the
/// read-only connection; created at first use in the request and disposed with it.
/// </summary>
public sealed class LectureDb(DbContextOptions<AppDbContext> options, ICurrentUser user, TimeProvider clock) : ILectureDb, IAsyncDisposable, IDisposable
{
    private AppDbContext? db;

    public IAppDbContext Db => db ??= new AppDbContext(options, user, clock);

    public void Dispose() => db?.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }
    }
}
