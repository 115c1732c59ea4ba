// The view switch remembers the reader's choice (both views work without this script),
// and a link to a passage hidden in the other view shows that view first.
(function () {
  "use strict";
  var KEY = "tei-edition.view";
  function radio(view) { return document.getElementById("view-" + view); }
  function show(view) {
    var input = radio(view);
    if (input) { input.checked = true; }
  }
  function remember(view) {
    try { window.localStorage.setItem(KEY, view); } catch (e) { /* storage off: the switch still works */ }
  }
  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function followHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var view = target.closest(".view");
    if (view && view.offsetParent === null) {
      show(view.classList.contains("view-diplomatic") ? "diplomatic" : "reading");
      target.scrollIntoView();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!radio("reading")) { return; }
    var saved = remembered();
    if (saved === "reading" || saved === "diplomatic") { show(saved); }
    ["reading", "diplomatic"].forEach(function (view) {
      radio(view).addEventListener("change", function () { remember(view); });
    });
    followHash();
    window.addEventListener("hashchange", followHash);
  });
})();
