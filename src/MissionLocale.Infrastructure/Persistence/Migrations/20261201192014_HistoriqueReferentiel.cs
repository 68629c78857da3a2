using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HistoriqueReferentiel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "historique_referentiel",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: false),
                    utilisateur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ancienne_valeur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    nouvelle_valeur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    date_effet = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_historique_referentiel", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_historique_referentiel_code_le",
                table: "historique_referentiel",
                columns: new[] { "code", "le" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "historique_referentiel");
        }
    }
}
