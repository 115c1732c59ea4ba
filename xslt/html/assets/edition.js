// The view switch (as read / as written), the text switch (collated text, one witness,
// two side by side) and the minor-variants switch remember the reader's choice (all
// work without this script); a link to a passage hidden in another view shows that view
// first; a variant's button pins its readings open on click (Escape closes them).
(function () {
  "use strict";
  var VIEW_KEY = "tei-edition.view";
  var MINOR_KEY = "tei-edition.minor-variants";
  // The witnesses differ from document to document: the text choice is kept per page.
  var TEXT_KEY = "tei-edition.text:" + window.location.pathname;
  function radio(view) { return document.getElementById("view-" + view); }
  function check(input) { if (input) { input.checked = true; } }
  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* storage off: the switches still work */ }
  }
  function remembered(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function followHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var view = target.closest(".view");
    if (view && view.offsetParent === null) {
      check(document.getElementById("text-collated"));
      check(radio(view.classList.contains("view-diplomatic") ? "diplomatic" : "reading"));
      target.scrollIntoView();
    }
  }
  function rememberViews() {
    var saved = remembered(VIEW_KEY);
    if (saved === "reading" || saved === "diplomatic") { check(radio(saved)); }
    ["reading", "diplomatic"].forEach(function (view) {
      radio(view).addEventListener("change", function () { remember(VIEW_KEY, view); });
    });
  }
  function rememberText() {
    var inputs = document.querySelectorAll(".text-switch input[name=text]");
    var saved = remembered(TEXT_KEY);
    Array.prototype.forEach.call(inputs, function (input) {
      if (input.value === saved) { input.checked = true; }
      input.addEventListener("change", function () { remember(TEXT_KEY, input.value); });
    });
  }
  function rememberMinor() {
    var box = document.getElementById("show-minor");
    if (!box) { return; }
    var saved = remembered(MINOR_KEY);
    if (saved === "hidden" || saved === "shown") { box.checked = saved === "shown"; }
    box.addEventListener("change", function () { remember(MINOR_KEY, box.checked ? "shown" : "hidden"); });
  }
  function pinReadings() {
    Array.prototype.forEach.call(document.querySelectorAll(".app-button"), function (button) {
      var place = button.parentNode;
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () {
        var open = !place.classList.contains("pinned");
        place.classList.toggle("pinned", open);
        place.classList.toggle("closed", !open);
        button.setAttribute("aria-expanded", String(open));
      });
      place.addEventListener("mouseleave", function () { place.classList.remove("closed"); });
      button.addEventListener("blur", function () { place.classList.remove("closed"); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      Array.prototype.forEach.call(document.querySelectorAll(".app.pinned, .app:focus-within"), function (place) {
        place.classList.remove("pinned");
        place.classList.add("closed");
        place.querySelector(".app-button").setAttribute("aria-expanded", "false");
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!radio("reading")) { return; }
    rememberViews();
    rememberText();
    rememberMinor();
    pinReadings();
    followHash();
    window.addEventListener("hashchange", followHash);
  });
})();
