using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Dispositifs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispositifs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin_prevue = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin_reelle = table.Column<DateOnly>(type: "date", nullable: true),
                    motif_sortie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sortie_positive = table.Column<bool>(type: "boolean", nullable: true),
                    evenement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescripteur_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pilote = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    operateur_antenne_id = table.Column<Guid>(type: "uuid", nullable: true),
                    renouvellements = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispositifs", x => x.id);
                    table.CheckConstraint("ck_dispositifs_dates", "date_fin_prevue >= date_debut AND (date_fin_reelle IS NULL OR date_fin_reelle >= date_debut)");
                    table.CheckConstraint("ck_dispositifs_motif", "(date_fin_reelle IS NULL) = (motif_sortie IS NULL)");
                    table.ForeignKey(
                        name: "fk_dispositifs_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "motifs_sortie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    type_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    positive = table.Column<bool>(type: "boolean", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_motifs_sortie", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parametres_regle",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    valeur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parametres_regle", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "types_dispositif",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    duree_min_jours = table.Column<int>(type: "integer", nullable: false),
                    duree_max_mois = table.Column<int>(type: "integer", nullable: false),
                    renouvellements_max = table.Column<int>(type: "integer", nullable: false),
                    duree_renouvellement_max_mois = table.Column<int>(type: "integer", nullable: false),
                    sortie_positive = table.Column<bool>(type: "boolean", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_types_dispositif", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_structure_id_type_code_date_fin_reelle",
                table: "dispositifs",
                columns: new[] { "structure_id", "type_code", "date_fin_reelle" });

            migrationBuilder.CreateIndex(
                name: "ux_dispositifs_ouvert",
                table: "dispositifs",
                columns: new[] { "jeune_id", "type_code" },
                unique: true,
                filter: "date_fin_reelle IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_motifs_sortie_type_code_libelle_date_debut",
                table: "motifs_sortie",
                columns: new[] { "type_code", "libelle", "date_debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_parametres_regle_code_date_debut",
                table: "parametres_regle",
                columns: new[] { "code", "date_debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_types_dispositif_code_date_debut",
                table: "types_dispositif",
                columns: new[] { "code", "date_debut" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispositifs");

            migrationBuilder.DropTable(
                name: "motifs_sortie");

            migrationBuilder.DropTable(
                name: "parametres_regle");

            migrationBuilder.DropTable(
                name: "types_dispositif");
        }
    }
}
