// Network page: draw the edges listed on the page with Cytoscape.js (vendored, no network access).
(function () {
  "use strict";
  var container = document.getElementById("graph");
  var island = document.getElementById("network-data");
  if (!container || !island || typeof cytoscape !== "function") { return; }
  var data = JSON.parse(island.textContent);
  var colours = JSON.parse(document.getElementById("quad-colours").textContent);
  var info = document.getElementById("graph-info");
  var maxNode = 1, maxEdge = 1;
  data.nodes.forEach(function (n) { maxNode = Math.max(maxNode, n.weight); });
  data.edges.forEach(function (e) { maxEdge = Math.max(maxEdge, e.weight); });

  var elements = data.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label, weight: n.weight, type: n.type || "", code: n.code || "" },
             classes: n.labelled ? "labelled" : "" };
  }).concat(data.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight, quad: e.quad,
                     colour: colours[e.quad] || "#999", n_events: e.n_events, n_quotes: e.n_quotes } };
  }));

  var cy = cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      // only the heaviest nodes are labelled at first; the others show their label on hover
      { selector: "node", style: {
        "label": "", "font-size": 12, "text-valign": "bottom", "text-margin-y": 2,
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
        "min-zoomed-font-size": 0,
        "background-color": "#546e7a", "color": "#222",
        "width": "mapData(weight, 0, " + maxNode + ", 12, 48)",
        "height": "mapData(weight, 0, " + maxNode + ", 12, 48)" } },
      { selector: "node[type = 'PERSON']", style: { "background-color": "#8e24aa" } },
      { selector: "node[type = 'ORG']", style: { "background-color": "#00897b" } },
      { selector: "node[type = 'GPE']", style: { "background-color": "#3949ab" } },
      { selector: "edge", style: {
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
        "curve-style": "bezier", "opacity": 0.75,
        "width": "mapData(weight, 1, " + maxEdge + ", 1, 9)" } },
      { selector: "node.labelled, node.hover, node:selected", style: { "label": "data(label)", "z-index": 10 } },
      { selector: "node.hover", style: { "font-weight": "bold" } },
      { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#ffb300" } }
    ],
    // spread out: strong repulsion, long edges, and separate components packed side by side
    layout: { name: "cose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
              nodeRepulsion: function () { return 400000; }, nodeOverlap: 40,
              idealEdgeLength: function () { return 110; }, edgeElasticity: function () { return 80; },
              gravity: 0.6, componentSpacing: 120, numIter: 1500, padding: 30, fit: true }
  });
  // labels of one size on screen whatever the zoom the layout fitted (12 px)
  function legible() {
    cy.style().selector("node").style({ "font-size": 12 / cy.zoom(), "text-margin-y": 2 / cy.zoom() }).update();
  }
  legible();
  cy.on("zoom", legible);
  cy.on("mouseover", "node", function (ev) { ev.target.addClass("hover"); });
  cy.on("mouseout", "node", function (ev) { ev.target.removeClass("hover"); });

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function showInfo(heading, lines, links) {
    info.textContent = "";
    var h = document.createElement("h2");
    h.textContent = heading;
    info.appendChild(h);
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      info.appendChild(p);
    });
    links.forEach(function (a) { var p = document.createElement("p"); p.appendChild(a); info.appendChild(p); });
  }

  cy.on("tap", "node", function (ev) {
    var d = ev.target.data();
    var links = [];
    if (d.id.indexOf("code:") !== 0) {
      links.push(link("/entities/" + encodeURIComponent(d.id), "Entity page"));
    }
    links.push(link("/events?actor=" + encodeURIComponent(d.id), "Events as actor"));
    showInfo(d.label, [d.type + (d.code ? " · " + d.code : ""), "weight " + d.weight], links);
  });
  cy.on("tap", "edge", function (ev) {
    var d = ev.target.data();
    var s = cy.getElementById(d.source).data("label"), t = cy.getElementById(d.target).data("label");
    showInfo(s + " → " + t, [d.quad, d.n_events + " events, " + d.n_quotes + " quotes"],
      [link("/events?actor=" + encodeURIComponent(d.source) + "&recipient=" + encodeURIComponent(d.target),
            "These events")]);
  });
  container.setAttribute("data-nodes", String(cy.nodes().length));
  container.setAttribute("data-edges", String(cy.edges().length));
  container.setAttribute("data-labelled", String(cy.nodes(".labelled").length));
  window.newsgraphNetwork = cy;
})();
