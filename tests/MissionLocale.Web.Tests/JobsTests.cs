using Npgsql;

namespace MissionLocale.Web.Tests;

/// <summary>Reminder jobs run on Quartz with its clustered job store in the application's PostgreSQL database.</summary>
public sealed class JobsTests(JobsFixture f) : IClassFixture<JobsFixture>
{
    private async Task<long> CompterAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(f.Connexion);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Les_jobs_de_rappel_sont_planifies_dans_le_store_Quartz_clusterise_sur_PostgreSQL()
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, (await f.Client().GetAsync("/health")).StatusCode);

        // The node checks in to the cluster and the two triggers are stored in qrtz_* tables.
        long instances = 0;
        for (var i = 0; i < 50 && instances == 0; i++)
        {
            instances = await CompterAsync("SELECT count(*) FROM qrtz_scheduler_state");
            await Task.Delay(100);
        }

        Assert.Equal(1, instances);
        Assert.Equal(2, await CompterAsync("SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name IN ('preparer-rappels-5min', 'envoyer-messages-1min')"));
        Assert.Equal(2, await CompterAsync("SELECT count(*) FROM qrtz_job_details WHERE job_name IN ('preparer-rappels', 'envoyer-messages')"));
    }
}
