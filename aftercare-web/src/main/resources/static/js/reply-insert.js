// Inserting text into the inquiry's reply box without leaving the page (issue #14 §2): a button
// with data-insert-text (an FAQ article's question and link) puts its text at the cursor, so the
// draft stays; a caret still at the very start of a draft (a canned response just put in, the box
// never clicked) means "not chosen", and the text goes at the end, after the greeting. Without
// JavaScript the button's own form fills the reply box by a plain GET.
(function () {
  'use strict';

  function insert(box, text) {
    var start = box.selectionStart || 0;
    var end = box.selectionEnd || 0;
    if (start === 0 && end === 0) {
      start = end = box.value.length;
    }
    var before = box.value.substring(0, start);
    var gap = before.length > 0 && before.charAt(before.length - 1) !== '\n' ? '\n' : '';
    box.value = before + gap + text + box.value.substring(end);
    var caret = (before + gap + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-insert-text]') : null;
    var box = document.getElementById('reply-body');
    if (!button || !box) return;
    event.preventDefault();
    insert(box, button.getAttribute('data-insert-text'));
  });
})();
