using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaoAvenirPro : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bilan_avenir_pro",
                table: "dispositifs",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "bilan_avenir_pro_le",
                table: "dispositifs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "classe",
                table: "dispositifs",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lycee",
                table: "dispositifs",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "public_pao",
                table: "dispositifs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "bilan_avenir_pro",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "bilan_avenir_pro_le",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "classe",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "lycee",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "public_pao",
                table: "dispositifs");
        }
    }
}
