using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConvocationsGroupees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "convocation_groupee_id",
                table: "rendez_vous",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_rendez_vous_convocation_groupee",
                table: "rendez_vous",
                columns: new[] { "convocation_groupee_id", "jeune_id" },
                unique: true,
                filter: "convocation_groupee_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_rendez_vous_convocation_groupee",
                table: "rendez_vous");

            migrationBuilder.DropColumn(
                name: "convocation_groupee_id",
                table: "rendez_vous");
        }
    }
}
