// PIL-03: draws a chart from each table marked data-graphique; the table stays the accessible source of the numbers.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var couleurs = ['#0d6efd', '#198754', '#dc3545', '#fd7e14', '#6f42c1', '#20c997', '#6c757d', '#0dcaf0'];
  document.querySelectorAll('table[data-graphique]').forEach(function (table) {
    var type = table.getAttribute('data-graphique');
    var colLibelle = parseInt(table.getAttribute('data-libelle') || '0', 10);
    var colonnes = (table.getAttribute('data-valeurs') || '1').split(',').map(function (x) { return parseInt(x, 10); });
    var entetes = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var lignes = Array.prototype.slice.call(table.querySelectorAll('tbody tr')).slice(0, 20);
    if (lignes.length === 0) { return; }
    var libelles = lignes.map(function (tr) { return tr.children[colLibelle].textContent.trim(); });
    var jeux = colonnes.map(function (c, i) {
      return {
        label: entetes[c],
        data: lignes.map(function (tr) { return parseFloat(tr.children[c].textContent.replace(/\s/g, '').replace(',', '.')) || 0; }),
        backgroundColor: type === 'doughnut' ? couleurs : couleurs[i % couleurs.length]
      };
    });
    var figure = document.createElement('div');
    figure.className = 'graphique mb-2';
    var canvas = document.createElement('canvas');
    // The chart repeats the table that follows it: hidden from assistive technologies, which read the table.
    canvas.setAttribute('aria-hidden', 'true');
    figure.appendChild(canvas);
    table.closest('.table-responsive, table').insertAdjacentElement('beforebegin', figure);
    new Chart(canvas, {
      type: type,
      data: { labels: libelles, datasets: jeux },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: jeux.length > 1 || type === 'doughnut' } } }
    });
  });
})();
