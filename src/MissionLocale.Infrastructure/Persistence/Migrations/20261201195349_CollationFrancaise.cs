using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CollationFrancaise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "types_dispositif",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "structures",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(150)",
                oldMaxLength: 150);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "qpvs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "propositions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "pays",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "prenom",
                table: "parrains",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "parrains",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "offres_de_service",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "motifs_sortie",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "intervenants",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(150)",
                oldMaxLength: 150);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "epcis",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "domaines_proposition",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "departements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "communes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "prenom",
                table: "asp_net_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "asp_net_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "antennes",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(150)",
                oldMaxLength: 150);

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "actions_parrainage",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "types_dispositif",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "structures",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(150)",
                oldMaxLength: 150,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "qpvs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "propositions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "pays",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "prenom",
                table: "parrains",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "parrains",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "offres_de_service",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "motifs_sortie",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "intervenants",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(150)",
                oldMaxLength: 150,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "epcis",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "domaines_proposition",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "departements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "communes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "prenom",
                table: "asp_net_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "asp_net_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "nom",
                table: "antennes",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(150)",
                oldMaxLength: 150,
                oldCollation: "fr-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "libelle",
                table: "actions_parrainage",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-x-icu");
        }
    }
}
