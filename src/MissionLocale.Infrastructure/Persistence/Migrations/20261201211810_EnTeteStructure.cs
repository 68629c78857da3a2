using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EnTeteStructure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "structures",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "logo",
                table: "structures",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "telephone",
                table: "structures",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "email",
                table: "structures");

            migrationBuilder.DropColumn(
                name: "logo",
                table: "structures");

            migrationBuilder.DropColumn(
                name: "telephone",
                table: "structures");
        }
    }
}
