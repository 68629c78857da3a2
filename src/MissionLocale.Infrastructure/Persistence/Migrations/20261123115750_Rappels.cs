using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Rappels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "messages_sortants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rendez_vous_id = table.Column<Guid>(type: "uuid", nullable: true),
                    canal = table.Column<int>(type: "integer", nullable: false),
                    cle = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    destinataire = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    sujet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    corps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    prevu_pour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    prochaine_tentative = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    statut = table.Column<int>(type: "integer", nullable: false),
                    tentatives = table.Column<int>(type: "integer", nullable: false),
                    derniere_erreur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    envoye_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages_sortants", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_cle",
                table: "messages_sortants",
                column: "cle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_structure_id_statut_prochaine_tentative",
                table: "messages_sortants",
                columns: new[] { "structure_id", "statut", "prochaine_tentative" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "messages_sortants");
        }
    }
}
