// Trims Bootstrap to the selectors the pages use (issue 10). Run by ../wwwroot/lib/vendor.sh from the repository root.
// The whole file stays beside this one: a test fails when a page uses a Bootstrap class the trimmed file lacks.
module.exports = {
  content: [
    'src/MissionLocale.Web/Pages/**/*.cshtml',
    'src/MissionLocale.Web/**/*.cs',
    'src/MissionLocale.Application/**/*.cs',
    'src/MissionLocale.Domain/**/*.cs',
  ],
  skippedContentGlobs: ['**/bin/**', '**/obj/**'],
  css: ['src/MissionLocale.Web/Styles/bootstrap.min.css'],
  output: 'src/MissionLocale.Web/wwwroot/lib/bootstrap/',
  // Classes set by Bootstrap's and htmx's scripts at run time, never written in a page.
  safelist: {
    standard: ['show', 'showing', 'hiding', 'fade', 'collapse', 'collapsing', 'collapsed', 'active', 'disabled',
      'was-validated', 'is-invalid', 'is-valid', /^htmx-/, /^modal/, /^dropdown/, /^tooltip/, /^popover/, /^offcanvas/, /^bs-/],
  },
};
