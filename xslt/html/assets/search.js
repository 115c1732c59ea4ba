// Client-side search over the index the build wrote into search.html: every word of
// the query must occur (case and accents ignored) in a document's text or metadata.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(query) {
    return fold(query).split(/[^\p{L}\p{N}'’-]+/u).filter(function (w) { return w.length > 0; });
  }
  function snippet(text, word, lang) {
    var at = fold(text).indexOf(word);
    if (at < 0) { return null; }
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + word.length + 60);
    var p = document.createElement("p");
    if (lang) { p.lang = lang; }
    p.append((start > 0 ? "… " : "") + text.slice(start, at));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + word.length);
    p.append(mark, text.slice(at + word.length, end) + (end < text.length ? " …" : ""));
    return p;
  }
  function firstSnippet(doc, word) {
    for (var i = 0; i < doc.versions.length; i += 1) {
      var version = doc.versions[i];
      var found = snippet(version.text, word, version.lang) || snippet(version.written, word, version.lang);
      if (found) { return found; }
    }
    return snippet(doc.meta, word, "");
  }
  function everything(doc) {
    return fold([doc.title, doc.meta].concat(doc.versions.map(function (v) { return v.text + " " + v.written; })).join(" "));
  }
  document.addEventListener("DOMContentLoaded", function () {
    var index = JSON.parse(document.getElementById("search-index").textContent);
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    function run(query) {
      list.textContent = "";
      var wanted = words(query);
      if (wanted.length === 0) { status.textContent = "Type one or more words to find."; return; }
      var found = index.filter(function (doc) {
        var all = everything(doc);
        return wanted.every(function (w) { return all.indexOf(w) !== -1; });
      });
      found.forEach(function (doc) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc.id + ".html";
        a.textContent = doc.title;
        li.append(a, " (" + doc.label + ")");
        var shown = firstSnippet(doc, wanted[0]);
        if (shown) { li.append(shown); }
        list.append(li);
      });
      status.textContent = found.length + (found.length === 1 ? " document contains " : " documents contain ") +
        "“" + query + "”.";
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      window.history.replaceState(null, "", url);
      run(input.value);
    });
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    if (query) { run(query); } else { status.textContent = "Type one or more words to find."; }
  });
})();
