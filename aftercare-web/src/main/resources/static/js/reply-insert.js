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

  // A searchable canned response list: the filter box (hidden without JavaScript) keeps the
  // options whose title holds what is typed, and selects the first of them.
  function filter(input) {
    var select = document.getElementById(input.getAttribute('data-filters'));
    if (!select) return;
    var typed = input.value.trim().toLowerCase();
    var first = null;
    Array.prototype.forEach.call(select.options, function (option) {
      var match = typed === '' || option.text.toLowerCase().indexOf(typed) >= 0;
      option.hidden = !match;
      option.disabled = !match;
      if (match && first === null) first = option;
    });
    if (first !== null && select.selectedOptions[0] && select.selectedOptions[0].hidden) first.selected = true;
  }

  document.addEventListener('input', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-filters')) filter(event.target);
  });

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-filters]'), function (input) {
      input.hidden = false;
    });
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-insert-text]') : null;
    var box = document.getElementById('reply-body');
    if (!button || !box) return;
    event.preventDefault();
    insert(box, button.getAttribute('data-insert-text'));
  });
})();
