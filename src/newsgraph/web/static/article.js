// Article page: show the record of the fact under the pointer (or the one clicked, until clicked again).
(function () {
  "use strict";
  var island = document.getElementById("facts-data");
  if (!island) { return; }
  var facts = JSON.parse(island.textContent);
  var title = document.getElementById("fact-title");
  var record = document.getElementById("fact-record");
  var hint = document.getElementById("fact-hint");
  var pinned = null;
  var lit = [];

  function marks(ref) {
    return document.querySelectorAll('[data-fact="' + ref.replace(/"/g, "") + '"]');
  }

  function show(ref) {
    var parts = ref.split(":");
    var list = facts[parts[0]] || [];
    var rec = list[Number(parts[1])];
    if (!rec) { return; }
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = Array.prototype.slice.call(marks(ref));
    lit.forEach(function (el) { el.classList.add("active"); });
    var kind = parts[0].replace(/s$/, "");
    title.textContent = kind + " " + parts[1] + (pinned ? " (pinned)" : "");
    record.textContent = JSON.stringify(rec, null, 2);
    hint.hidden = true;
    document.getElementById("fact-panel").setAttribute("data-showing", ref);
  }

  function factOf(target) {
    return target && target.closest ? target.closest("[data-fact]") : null;
  }

  document.addEventListener("mouseover", function (ev) {
    var el = factOf(ev.target);
    if (el && !pinned) { show(el.getAttribute("data-fact")); }
  });
  document.addEventListener("focusin", function (ev) {
    var el = factOf(ev.target);
    if (el && !pinned) { show(el.getAttribute("data-fact")); }
  });
  document.addEventListener("click", function (ev) {
    var el = factOf(ev.target);
    if (!el || ev.target.closest("a")) { return; }
    var ref = el.getAttribute("data-fact");
    pinned = pinned === ref ? null : ref;
    show(ref);
  });
})();
