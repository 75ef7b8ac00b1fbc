// Acceso's only script: after a form comes back with errors, or a step was done, move the focus to the message so
// keyboard and screen reader users hear it first. Everything works without it.
document.addEventListener('DOMContentLoaded', function () {
  var target = document.getElementById('error-summary') || document.getElementById('done') || document.getElementById('added');
  if (target) {
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
});

// "Print" buttons (the receipt) exist only where the script runs; the browser's own print works without it.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
});
