using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RetoursSms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "livraison",
                table: "messages_sortants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "livraison_le",
                table: "messages_sortants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reference_fournisseur",
                table: "messages_sortants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_reference_fournisseur",
                table: "messages_sortants",
                column: "reference_fournisseur",
                filter: "reference_fournisseur IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_rendez_vous_id",
                table: "messages_sortants",
                column: "rendez_vous_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_sortants_reference_fournisseur",
                table: "messages_sortants");

            migrationBuilder.DropIndex(
                name: "ix_messages_sortants_rendez_vous_id",
                table: "messages_sortants");

            migrationBuilder.DropColumn(
                name: "livraison",
                table: "messages_sortants");

            migrationBuilder.DropColumn(
                name: "livraison_le",
                table: "messages_sortants");

            migrationBuilder.DropColumn(
                name: "reference_fournisseur",
                table: "messages_sortants");
        }
    }
}
