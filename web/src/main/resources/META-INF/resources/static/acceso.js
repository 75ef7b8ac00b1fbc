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

// "¿Ya se preguntó esto?" on the filing form: while the resident types the subject and the question, up to 5 answered
// requests like them, from the public register (a small debounced fetch of a piece of HTML the front renders and
// escapes). Without the script the box is a link to the register's search.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('similar');
  var subject = document.getElementById('subject');
  var description = document.getElementById('description');
  var results = document.getElementById('similar-results');
  var search = document.getElementById('similar-search');
  if (!box || !subject || !description || !results || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = '';
  var pending = null;
  function text() {
    return (subject.value + ' ' + description.value).replace(/\s+/g, ' ').trim().slice(0, 2000);
  }
  function ask() {
    var words = text();
    if (search) {
      search.href = '/registro?q=' + encodeURIComponent((subject.value.trim() || words).slice(0, 200));
    }
    if (words === asked || words.length < 12) {
      return;
    }
    asked = words;
    if (pending) {
      pending.abort();
    }
    pending = window.AbortController ? new AbortController() : null;
    fetch(box.getAttribute('data-similar') + '?texto=' + encodeURIComponent(words),
        { credentials: 'same-origin', headers: { 'Accept': 'text/html' }, signal: pending ? pending.signal : undefined })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && words === asked) {
          results.innerHTML = html;
        }
      })
      .catch(function () { /* no suggestions this time: the link still works */ });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }
  subject.addEventListener('input', later);
  description.addEventListener('input', later);
  if (text().length >= 12) {
    ask();
  }
});
