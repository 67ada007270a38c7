// Map: a click on a point lists the events (or articles) behind it, read from /api/map/point with
// the page's filters; a click on a country links to its events. The map itself is the server's SVG.
(function () {
  "use strict";
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function names(parts) {
    return parts.map(function (p) { return p.name || p.text || p.code; }).join(", ");
  }
  function setUp(svg) {
    var info = document.getElementById(svg.id + "-info");
    var query = svg.getAttribute("data-query") || "";
    var unit = svg.getAttribute("data-unit");
    function show(heading, lines) {
      info.textContent = "";
      info.appendChild(el("h2", heading));
      lines.forEach(function (line) { info.appendChild(line); });
    }
    function open(circle) {
      svg.querySelectorAll("circle.selected").forEach(function (c) { c.classList.remove("selected"); });
      circle.classList.add("selected");
      var params = new URLSearchParams(query);
      params.set("layer", svg.getAttribute("data-layer"));
      params.set("lat", circle.getAttribute("data-lat"));
      params.set("lon", circle.getAttribute("data-lon"));
      var place = circle.getAttribute("data-place") || "this place";
      show(place, [el("p", "Loading…")]);
      fetch("/api/map/point?" + params.toString()).then(function (r) { return r.json(); }).then(function (data) {
        var list = el("ol", "", { "class": "point-items", "data-total": String(data.total) });
        (data.items || []).forEach(function (item) {
          var li = el("li");
          if (data.layer === "events") {
            li.appendChild(el("span", (item.day || "") + " " + item.event_type + ": " +
              names(item.actors) + " → " + names(item.recipients) + " "));
            li.appendChild(el("a", item.title || "(untitled)", {
              "class": "article", "href": "/articles/" + encodeURIComponent(item.article_id) + "#events-" + item.n }));
          } else {
            li.appendChild(el("span", (item.published || "undated") + " "));
            li.appendChild(el("a", item.title || "(untitled)", {
              "class": "article", "href": "/articles/" + encodeURIComponent(item.id) }));
          }
          list.appendChild(li);
        });
        var lines = [el("p", data.total + " " + unit + (data.total > data.items.length ? " (the first " + data.items.length + ")" : "")), list];
        show(place, lines);
        svg.setAttribute("data-opened", String(data.total));
      });
    }
    svg.addEventListener("click", function (ev) {
      var t = ev.target;
      if (t.matches("circle.point")) { open(t); return; }
      if (t.matches("path[data-country]") && t.getAttribute("data-country")) {
        var code = t.getAttribute("data-country");
        var params = new URLSearchParams(query);
        params.delete("layer");
        params.set("country", code);
        var target = svg.getAttribute("data-layer") === "places" ? "/articles?" : "/events?";
        show(t.getAttribute("data-name"), [el("p", t.getAttribute("data-n") + " " + unit),
          el("a", "Its " + (svg.getAttribute("data-layer") === "places" ? "articles" : "events") + " →",
             { "href": target + params.toString(), "class": "country-link" })]);
      }
    });
    svg.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target.matches("circle.point")) { open(ev.target); }
    });
  }
  document.querySelectorAll("svg.map").forEach(setUp);
  // the places layer takes no event filter: switching to it leaves them out of the query
  var layer = document.querySelector("form.filters select[name='layer']");
  if (layer) {
    layer.addEventListener("change", function () {
      ["actor", "recipient", "type", "quad", "min_confidence"].forEach(function (name) {
        var input = layer.form.elements[name];
        if (input) { input.disabled = layer.value === "places"; }
      });
    });
  }
})();
