/* The Kennisbank's search: plain JavaScript over the index in search-index.js (loaded by a
   script tag, so it works from file:// too). Case- and accent-insensitive ("suicidaliteit"
   finds "suïcidaliteit"); every word must occur in the title, the id or the text. */
(function () {
  "use strict";
  var index = window.NENCHECK_INDEX || [];
  var folds = {};

  function foldChar(c) {
    if (!(c in folds)) {
      var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      if (f.length !== 1) { f = c.toLowerCase(); }
      folds[c] = f.length === 1 ? f : c;
    }
    return folds[c];
  }

  /* Same length as the input, so a position in the folded text is one in the original. */
  function fold(text) { return text.replace(/[^a-z0-9 ]/g, foldChar); }

  function prepare(doc) {
    if (doc.f === undefined) { doc.f = [fold(doc.t), fold(doc.i), fold(doc.x)]; }
    return doc.f;
  }

  function search(query, withArchive) {
    var phrase = fold(query).replace(/\s+/g, " ").trim();
    if (!phrase) { return []; }
    var terms = phrase.split(" ");
    var found = [];
    index.forEach(function (doc) {
      if (doc.s === "retired" && !withArchive) { return; }
      var f = prepare(doc), score = 0;
      for (var n = 0; n < terms.length; n++) {
        var inTitle = f[0].indexOf(terms[n]) >= 0, inId = f[1].indexOf(terms[n]) >= 0;
        var inText = f[2].indexOf(terms[n]) >= 0;
        if (!inTitle && !inId && !inText) { return; }
        score += (inId ? 20 : 0) + (inTitle ? 10 : 0) + (inText ? 1 : 0);
      }
      var at = f[2].indexOf(phrase);
      score += (f[0].indexOf(phrase) >= 0 ? 30 : 0) + (at >= 0 ? 5 : 0);
      found.push({ doc: doc, score: score, phrase: at >= 0, at: at >= 0 ? at : f[2].indexOf(terms[0]) });
    });
    found.sort(function (a, b) { return b.score - a.score || (a.doc.i < b.doc.i ? -1 : 1); });
    return found;
  }

  /* A piece of the text around the first hit, the query's words marked (text nodes only). */
  function snippet(doc, at, terms) {
    var p = document.createElement("p");
    p.className = "snippet";
    if (at < 0 || !doc.x) { p.textContent = doc.k + " · " + doc.e; return p; }
    var start = Math.max(0, at - 80), end = Math.min(doc.x.length, at + 160);
    var text = doc.x.slice(start, end).replace(/\s+/g, " "), folded = fold(text), pos = 0;
    if (start > 0) { p.appendChild(document.createTextNode("… ")); }
    while (pos < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var hit = folded.indexOf(term, pos);
        if (hit >= 0 && (next < 0 || hit < next)) { next = hit; length = term.length; }
      });
      if (next < 0) { break; }
      p.appendChild(document.createTextNode(text.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      p.appendChild(mark);
      pos = next + length;
    }
    p.appendChild(document.createTextNode(text.slice(pos) + (end < doc.x.length ? " …" : "")));
    return p;
  }

  function show(query, withArchive) {
    var summary = document.getElementById("summary"), list = document.getElementById("results");
    var found = search(query, withArchive), labels = summary.dataset;
    var terms = fold(query).replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
    list.textContent = "";
    if (!terms.length) { summary.textContent = labels.empty; return; }
    var message = found.length === 0 ? labels.none : found.length === 1 ? labels.one : labels.many;
    summary.textContent = message.replace("{query}", query.trim()).replace("{count}", found.length);
    found.forEach(function (hit) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = hit.doc.u;
      link.textContent = hit.doc.t;
      item.appendChild(link);
      var id = document.createElement("span");
      id.className = "id";
      id.textContent = " " + hit.doc.i;
      item.appendChild(id);
      if (labels[hit.doc.s]) {
        var badge = document.createElement("span");
        badge.className = "badge badge-" + hit.doc.s;
        badge.textContent = labels[hit.doc.s];
        item.appendChild(document.createTextNode(" "));
        item.appendChild(badge);
      }
      var phrase = terms.join(" ");
      item.appendChild(snippet(hit.doc, hit.at, hit.phrase ? [phrase] : terms));
      list.appendChild(item);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var input = document.getElementById("q"), archive = document.getElementById("archive");
  input.value = params.get("q") || "";
  archive.checked = params.get("archive") === "1";
  function update() { show(input.value, archive.checked); }
  input.addEventListener("input", update);
  archive.addEventListener("change", update);
  update();
  if (!input.value) { input.focus(); }
})();
