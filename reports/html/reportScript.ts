/*
 * The page's only script, inlined and allowed by its hash alone. It reads nothing but the page's own markup (the
 * data-* attributes the renderer wrote, already escaped), writes nothing but the page and the file an admin
 * exports, and fetches nothing. Without it the page still shows every case, read-only.
 *
 * Kept in plain ES2020 without template literals, so it can live in this TypeScript string unchanged.
 */
export const reportScript = `
(function () {
  "use strict";
  var body = document.body;
  var runId = body.getAttribute("data-run-id") || "";
  var list = document.getElementById("case-list");
  var tools = document.getElementById("tools");
  if (!list || !tools) return;
  var cards = Array.prototype.slice.call(list.querySelectorAll("article.card"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.compact tbody tr"));
  var items = cards.concat(rows);
  var search = document.getElementById("search");
  var blockerFilter = document.getElementById("blocker-filter");
  var sort = document.getElementById("sort");
  var shown = document.getElementById("shown-count");
  var tally = document.getElementById("decision-tally");
  var exportButton = document.getElementById("export-decisions");
  var exportNote = document.getElementById("export-note");
  tools.hidden = false;
  body.classList.add("scripted");

  function terms() {
    return (search.value || "").toLowerCase().split(/\\s+/).filter(function (t) { return t !== ""; });
  }
  function scenarioShown(el) {
    var checked = document.querySelector("nav.filter input:checked");
    var id = checked ? checked.id : "show-all";
    return id === "show-all" || id === "show-" + el.getAttribute("data-scenario");
  }
  function blockerShown(el) {
    var want = blockerFilter.value;
    var kinds = (el.getAttribute("data-blockers") || "").split(" ").filter(function (k) { return k !== ""; });
    if (want === "") return true;
    if (want === "none") return kinds.length === 0;
    return kinds.indexOf(want) >= 0;
  }
  function applyFilters() {
    var ts = terms();
    var visible = 0;
    items.forEach(function (el) {
      var text = el.getAttribute("data-search") || "";
      var match = ts.every(function (t) { return text.indexOf(t) >= 0; }) && blockerShown(el);
      el.hidden = !match;
      if (match && scenarioShown(el)) visible += 1;
    });
    shown.textContent = visible + " of " + items.length + " cases shown";
  }
  function key(el, by) {
    if (by === "weakest" || by === "strongest") return Number(el.getAttribute("data-confidence"));
    if (by === "name") return (el.getAttribute("data-name") || "").toLowerCase();
    if (by === "case") return el.getAttribute("data-case-id") || "";
    return Number(el.getAttribute("data-order"));
  }
  function sortWithin(parent, els) {
    var by = sort.value;
    var sorted = els.slice().sort(function (a, b) {
      var ka = key(a, by), kb = key(b, by);
      var c = ka < kb ? -1 : ka > kb ? 1 : 0;
      if (by === "strongest") c = -c;
      return c || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    sorted.forEach(function (el) { parent.appendChild(el); });
  }
  function applySort() {
    sortWithin(list, cards);
    var tbody = document.querySelector("table.compact tbody");
    if (tbody) sortWithin(tbody, rows);
  }

  function decisionOf(card) {
    var checked = card.querySelector("fieldset.decide input[type=radio]:checked");
    return checked ? checked.value : "";
  }
  function selectValue(card, name) {
    var el = card.querySelector("fieldset.decide select[name=" + name + "]");
    return el ? el.value : "";
  }
  function excluded(card) {
    return Array.prototype.slice.call(card.querySelectorAll("fieldset.decide input[name=exclude]:checked")).map(function (el) { return el.value; });
  }
  // Approve is offered once the choice the case's blockers ask for is made: apply would refuse it otherwise.
  function refreshCard(card) {
    var panel = card.querySelector("fieldset.decide");
    if (!panel) return;
    var approve = panel.querySelector("input[value=approve]");
    var why = panel.querySelector(".decide-why");
    if (panel.getAttribute("data-cannot-apply") === "true") {
      approve.disabled = true;
      return;
    }
    var missing = [];
    if (panel.getAttribute("data-needs-keep") === "true" && selectValue(card, "keep") === "") missing.push("the POM account to keep");
    if (panel.getAttribute("data-needs-correct") === "true" && selectValue(card, "correct") === "") missing.push("the correct QBO customer");
    approve.disabled = missing.length > 0;
    if (missing.length > 0 && approve.checked) {
      approve.checked = false;
      var undecided = panel.querySelector("input[value='']");
      if (undecided) undecided.checked = true;
    }
    if (why) why.textContent = missing.length > 0 ? "To approve, first choose " + missing.join(" and ") + "." : "";
    card.setAttribute("data-decision", decisionOf(card));
  }
  function refreshTally() {
    var approved = 0, rejected = 0;
    cards.forEach(function (card) {
      var d = decisionOf(card);
      card.setAttribute("data-decision", d);
      if (d === "approve") approved += 1;
      if (d === "reject") rejected += 1;
    });
    tally.textContent = approved + " approved, " + rejected + " rejected";
    exportButton.disabled = approved + rejected === 0;
  }

  // As review.csv spells cells: a formula start is neutralised, and a cell holding a separator, quote or line
  // break is quoted, so Excel and apply read the file the same way.
  function cell(value) {
    var v = /^[=+\\-@\\t\\r]/.test(value) ? "'" + value : value;
    return /[",;\\r\\n]/.test(v) || v !== v.trim() ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function decisionsCsv() {
    var lines = [["case_id", "run_id", "decision", "note", "choose_keep_pom_id", "choose_correct_qbo_id", "exclude_ids"]];
    cards.forEach(function (card) {
      var d = decisionOf(card);
      if (d === "") return;
      var note = card.querySelector("fieldset.decide input[name=note]");
      var approve = d === "approve";
      lines.push([
        card.getAttribute("data-case-id") || "",
        runId,
        d,
        note ? note.value : "",
        approve ? selectValue(card, "keep") : "",
        approve ? selectValue(card, "correct") : "",
        approve ? excluded(card).join(";") : ""
      ]);
    });
    return { text: "\\ufeff" + lines.map(function (l) { return l.map(cell).join(","); }).join("\\r\\n") + "\\r\\n", count: lines.length - 1 };
  }
  function exportDecisions() {
    var csv = decisionsCsv();
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv.text], { type: "text/csv;charset=utf-8" }));
    link.download = "decisions-" + runId + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    exportNote.textContent = "Saved " + csv.count + (csv.count === 1 ? " decision" : " decisions") + " as " + link.download + ". Run: reconcile apply --review " + link.download + " --dry-run";
  }

  cards.forEach(function (card) {
    var panel = card.querySelector("fieldset.decide");
    if (!panel) return;
    panel.hidden = false;
    panel.addEventListener("change", function () { refreshCard(card); refreshTally(); });
    refreshCard(card);
  });
  search.addEventListener("input", applyFilters);
  blockerFilter.addEventListener("change", applyFilters);
  sort.addEventListener("change", applySort);
  Array.prototype.forEach.call(document.querySelectorAll("nav.filter input"), function (el) { el.addEventListener("change", applyFilters); });
  exportButton.addEventListener("click", exportDecisions);
  window.addEventListener("beforeunload", function (e) {
    if (body.getAttribute("data-unsaved") === "true") { e.preventDefault(); e.returnValue = ""; }
  });
  list.addEventListener("change", function () { body.setAttribute("data-unsaved", "true"); });
  exportButton.addEventListener("click", function () { body.setAttribute("data-unsaved", "false"); });
  applyFilters();
  refreshTally();
})();
`
