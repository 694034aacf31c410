// Events page: the filtered table over GET /api/events, paged on the server, with downloads.
"use strict";
(() => {
  const {h, api, showError, clearError, fmtNum, quadBadge, factBadge, actorLabel, queryString, bindFilters} = EW;
  const PAGE = 50;
  const tbody = document.querySelector("#events-table tbody");
  let offset = 0, filters = {};
  const start = new URLSearchParams(location.search);
  let order = {sort: start.get("sort") || "", order: start.get("order") || ""};

  // a click on a sortable header sorts by it; a second click reverses the order
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.addEventListener("click", () => {
      const col = th.dataset.sort, current = order.sort || "date";
      order = {sort: col, order: current === col && (order.order || "asc") === "asc" ? "desc" : "asc"};
      offset = 0;
      load();
    });
  }

  function showOrder() {
    for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
      const on = (order.sort || "date") === th.dataset.sort;
      th.dataset.order = on ? (order.order || "asc") : "";
    }
    history.replaceState(null, "", location.pathname + queryString({...filters, ...order}));
  }

  function row(e) {
    const art = `/articles/${encodeURIComponent(e.doc_id)}#${encodeURIComponent(e.event_id)}`;
    return h("tr", {dataset: {eventId: e.event_id}},
      h("td", {class: "nowrap"}, e.date || h("span", {class: "muted"}, "–")),
      h("td", {}, actorLabel(e.source_code, e.source_name)),
      h("td", {}, actorLabel(e.target_code, e.target_name)),
      h("td", {}, h("code", {}, e.cameo), " ", e.cameo_name || ""),
      h("td", {}, quadBadge(e.quad_class)),
      h("td", {class: "num"}, e.goldstein === null ? "–" : fmtNum(e.goldstein, 1)),
      h("td", {}, e.plover_type || "–", e.plover_mode ? h("span", {class: "muted"}, ` / ${e.plover_mode}`) : null),
      h("td", {}, factBadge(e.factuality)),
      h("td", {}, e.location_name || e.location_text || h("span", {class: "muted"}, "–")),
      h("td", {class: "evidence"}, h("a", {href: art, title: `open ${e.doc_id} at this event`}, e.evidence || e.doc_id)));
  }

  async function load() {
    clearError();
    try {
      showOrder();
      const data = await api("/api/events", {...filters, ...order, limit: PAGE, offset});
      tbody.replaceChildren(...data.events.map(row));
      if (!data.events.length) tbody.append(h("tr", {}, h("td", {colspan: 10, class: "empty"}, "No event matches these filters.")));
      const total = data.total;
      document.getElementById("count").textContent =
        total ? `${offset + 1}–${offset + data.events.length} of ${fmtNum(total)} events` : "0 events";
      document.getElementById("prev").disabled = offset === 0;
      document.getElementById("next").disabled = offset + PAGE >= total;
      const qs = queryString(filters);
      for (const fmt of ["csv", "jsonl", "parquet"]) {
        document.getElementById(`dl-${fmt}`).href = `/api/events.${fmt}${qs}`;
      }
    } catch (e) { showError(e); }
  }

  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE; load(); });
  bindFilters(f => { filters = f; offset = 0; load(); });
})();
