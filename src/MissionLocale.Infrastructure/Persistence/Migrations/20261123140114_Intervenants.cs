using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Intervenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "intervenants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fonction = table.Column<int>(type: "integer", nullable: false),
                    nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intervenants", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_intervenants_structure_id_fonction_nom",
                table: "intervenants",
                columns: new[] { "structure_id", "fonction", "nom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intervenants_structure_id_fonction_utilisateur_id",
                table: "intervenants",
                columns: new[] { "structure_id", "fonction", "utilisateur_id" },
                unique: true,
                filter: "utilisateur_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intervenants");
        }
    }
}
