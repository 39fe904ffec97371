// Keyboard shortcuts of the inquiry workspace (issue #14 §2), plain JS on purpose: no framework
// for five keys. j/k walk the queue as the operator last saw it (the queue page leaves its order
// in sessionStorage, so no server round trip decides what "next" is), r replies, e resolves,
// a assigns to me, ? shows the list. Nothing fires while the operator types in a field.
(function () {
  'use strict';
  var QUEUE = 'aftercare.queue';

  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function rememberQueue() {
    var links = document.querySelectorAll('a[data-queue-item]');
    if (links.length === 0) return;
    var paths = Array.prototype.map.call(links, function (a) { return a.getAttribute('href'); });
    try { sessionStorage.setItem(QUEUE, JSON.stringify(paths)); } catch (e) { /* private mode: no j/k */ }
  }

  function step(by) {
    var paths;
    try { paths = JSON.parse(sessionStorage.getItem(QUEUE) || '[]'); } catch (e) { paths = []; }
    var at = paths.indexOf(window.location.pathname);
    var to = at + by;
    if (at >= 0 && to >= 0 && to < paths.length) window.location.assign(paths[to]);
  }

  function click(id) {
    var button = document.getElementById(id);
    if (button) button.click();
  }

  function toggleOverlay() {
    var overlay = document.getElementById('shortcuts');
    if (!overlay) return;
    if (overlay.open) overlay.close(); else overlay.showModal();
  }

  rememberQueue();
  if (!document.getElementById('shortcuts')) return;

  var keys = {
    'j': function () { step(1); },
    'k': function () { step(-1); },
    'r': function () { var body = document.getElementById('reply-body'); if (body) body.focus(); },
    'e': function () { click('resolve'); },
    'a': function () { click('take'); },
    '?': toggleOverlay
  };

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
})();
