using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RsaParcoursUniqueParametres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_saisines_ep_reorientation",
                table: "saisines_ep");

            migrationBuilder.DropIndex(
                name: "ix_parcours_insertion_jeune_id",
                table: "parcours_insertion");

            migrationBuilder.AlterColumn<string>(
                name: "structure_cible",
                table: "saisines_ep",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "valeur",
                table: "parametres_regle",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "nouvelle_valeur",
                table: "historique_referentiel",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "ancienne_valeur",
                table: "historique_referentiel",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_saisines_ep_reorientation",
                table: "saisines_ep",
                sql: "motif <> 8 OR (type_cible IN (1, 2, 3) AND structure_cible IS NOT NULL AND structure_cible <> '')");

            migrationBuilder.CreateIndex(
                name: "ux_parcours_insertion_jeune",
                table: "parcours_insertion",
                column: "jeune_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_saisines_ep_reorientation",
                table: "saisines_ep");

            migrationBuilder.DropIndex(
                name: "ux_parcours_insertion_jeune",
                table: "parcours_insertion");

            migrationBuilder.AlterColumn<Guid>(
                name: "structure_cible",
                table: "saisines_ep",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "valeur",
                table: "parametres_regle",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "nouvelle_valeur",
                table: "historique_referentiel",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "ancienne_valeur",
                table: "historique_referentiel",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_saisines_ep_reorientation",
                table: "saisines_ep",
                sql: "motif <> 8 OR (type_cible IN (1, 2, 3) AND structure_cible IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_parcours_insertion_jeune_id",
                table: "parcours_insertion",
                column: "jeune_id");
        }
    }
}
