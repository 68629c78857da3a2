using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RapportJeunes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_evenements_date_contact",
                table: "evenements",
                column: "date")
                .Annotation("Npgsql:IndexInclude", new[] { "jeune_id", "nature" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_entrees",
                table: "dispositifs",
                column: "date_debut")
                .Annotation("Npgsql:IndexInclude", new[] { "type_code" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_sorties",
                table: "dispositifs",
                column: "date_fin_reelle",
                filter: "date_fin_reelle IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "type_code", "sortie_positive" });

            // PIL-03: the national reporting rows, refreshed (CONCURRENTLY, hence the unique index) with the national indicators.
            migrationBuilder.Sql("""
                CREATE MATERIALIZED VIEW rapport_jeunes AS
                SELECT j.id AS jeune_id, j.niveau_qualification, a.commune_insee, a.commune_nom, a.qpv_code, j.cree_le
                FROM jeunes j LEFT JOIN adresses a ON a.jeune_id = j.id AND a.date_fin IS NULL;
                CREATE UNIQUE INDEX ux_rapport_jeunes ON rapport_jeunes (jeune_id);
                CREATE INDEX ix_rapport_jeunes_cree_le ON rapport_jeunes (cree_le);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP MATERIALIZED VIEW rapport_jeunes;");

            migrationBuilder.DropIndex(
                name: "ix_evenements_date_contact",
                table: "evenements");

            migrationBuilder.DropIndex(
                name: "ix_dispositifs_entrees",
                table: "dispositifs");

            migrationBuilder.DropIndex(
                name: "ix_dispositifs_sorties",
                table: "dispositifs");
        }
    }
}
