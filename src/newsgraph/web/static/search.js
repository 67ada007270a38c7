// Article page: mark the words and "quoted phrases" of the search that led here (?q=...), as the
// results list does: words as word beginnings, phrases as whole words in order, case and accents
// ignored. Matches may run across the fact marks; each piece is wrapped in <mark class="hit">.
(function () {
  "use strict";
  var container = document.getElementById("article-text");
  var query = new URLSearchParams(window.location.search).get("q");
  if (!container || !query) { return; }
  var NW = "[^\\p{L}\\p{N}]";
  function fold(text) {
    // one character for one, so that offsets in the folded text are offsets in the text
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i], f = c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
      out += f.length === 1 ? f : c;
    }
    return out;
  }
  function words(text) {
    return fold(text.normalize("NFKC")).split(new RegExp(NW + "+", "u")).filter(Boolean);
  }
  function escape(w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  var patterns = [];
  query.split(/["“”„]/).forEach(function (part, n) {
    var ws = words(part);
    if (!ws.length) { return; }
    if (n % 2) {
      patterns.push("(?<![\\p{L}\\p{N}])" + ws.map(escape).join(NW + "+") + "(?![\\p{L}\\p{N}])");
    } else {
      ws.forEach(function (w) { patterns.push("(?<![\\p{L}\\p{N}])" + escape(w) + "[\\p{L}\\p{N}]*"); });
    }
  });
  if (!patterns.length) { return; }
  var nodes = [], text = "";
  var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    nodes.push({ node: walker.currentNode, start: text.length });
    text += walker.currentNode.nodeValue;
  }
  var folded = fold(text), spans = [];
  patterns.forEach(function (p) {
    var re = new RegExp(p, "gu"), m;
    while ((m = re.exec(folded)) !== null) {
      spans.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) { re.lastIndex++; }
    }
  });
  spans.sort(function (a, b) { return a[0] - b[0]; });
  var merged = [];
  spans.forEach(function (s) {
    var last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) { last[1] = Math.max(last[1], s[1]); } else { merged.push(s.slice()); }
  });
  // from the last match backwards: splitting a text node keeps its first part in place
  for (var i = merged.length - 1; i >= 0; i--) {
    var s = merged[i][0], e = merged[i][1];
    for (var j = nodes.length - 1; j >= 0; j--) {
      var n = nodes[j], len = n.node.nodeValue.length, a = Math.max(s, n.start), b = Math.min(e, n.start + len);
      if (a >= b) { continue; }
      var piece = n.node;
      if (b - n.start < len) { piece.splitText(b - n.start); }
      if (a > n.start) { piece = piece.splitText(a - n.start); }
      var mark = document.createElement("mark");
      mark.className = "hit";
      piece.parentNode.insertBefore(mark, piece);
      mark.appendChild(piece);
    }
  }
  container.setAttribute("data-hits", String(merged.length));
  var first = container.querySelector("mark.hit");
  if (first && !window.location.hash) { first.scrollIntoView({ block: "center" }); }
})();
