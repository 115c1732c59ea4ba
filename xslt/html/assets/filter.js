// Filters the index's table of documents by sender, recipient, year and kind.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("filters");
    var table = document.getElementById("documents-table");
    if (!form || !table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.getElementById("filter-count");
    var fields = ["sender", "recipient", "year", "kind"];
    function matches(row, field, value) {
      if (!value) { return true; }
      var have = (row.getAttribute("data-" + field) || "").split(" ");
      return have.indexOf(value) !== -1;
    }
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = fields.every(function (field) { return matches(row, field, form.elements[field].value); });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " documents shown";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  });
})();
