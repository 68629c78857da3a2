// CER-06: signatures drawn on screen with signature_pad (pointer events: a finger on a tablet, a pen or a mouse).
// Without JavaScript the drawing blocks stay hidden and « signé sur papier » remains (keyboard alternative).
(function () {
    'use strict';
    document.querySelectorAll('[data-signature]').forEach(function (bloc) {
        var canvas = bloc.querySelector('canvas');
        var champ = bloc.querySelector('input[name="Signature"]');
        var form = bloc.closest('form');
        bloc.hidden = false;
        var pad = new SignaturePad(canvas, { penColor: '#00356b', minWidth: 0.8, maxWidth: 2.6 });

        // The canvas drawn at the screen's density, kept on resize (a tablet turned).
        function ajuster() {
            var ratio = Math.max(window.devicePixelRatio || 1, 1);
            var traits = pad.toData();
            canvas.width = canvas.offsetWidth * ratio;
            canvas.height = canvas.offsetHeight * ratio;
            canvas.getContext('2d').scale(ratio, ratio);
            pad.clear();
            pad.fromData(traits);
        }

        window.addEventListener('resize', ajuster);
        ajuster();
        bloc.querySelector('[data-effacer]').addEventListener('click', function () {
            pad.clear();
            champ.value = '';
        });
        form.addEventListener('submit', function () {
            champ.value = pad.isEmpty() ? '' : pad.toDataURL('image/png');
        });
    });
})();
