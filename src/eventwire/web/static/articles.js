// Articles page: a paged, searchable list over GET /api/articles.
"use strict";
(() => {
  const {h, api, showError, clearError, fmtNum, queryString} = EW;
  const PAGE = 50;
  const form = document.getElementById("article-search");
  const tbody = document.querySelector("#articles-table tbody");
  let offset = 0, total = 0;

  function params() {
    const p = {};
    for (const k of ["q", "lang", "start", "end"]) {
      const v = form.elements[k].value.trim();
      if (v) p[k] = v;
    }
    return p;
  }

  async function load() {
    clearError();
    const p = params();
    history.replaceState(null, "", location.pathname + queryString(p));
    try {
      const data = await api("/api/articles", {...p, limit: PAGE, offset});
      total = data.total;
      tbody.replaceChildren(...data.articles.map(a => h("tr", {dataset: {docId: a.doc_id}},
        h("td", {}, a.published || h("span", {class: "muted"}, "unknown")),
        h("td", {}, h("a", {href: `/articles/${encodeURIComponent(a.doc_id)}`}, a.title || a.doc_id)),
        h("td", {}, a.lang || ""),
        h("td", {}, a.source || ""),
        h("td", {class: "num"}, a.n_events ? h("a", {href: `/events?doc_id=${encodeURIComponent(a.doc_id)}`,
          title: "these events in the table"}, fmtNum(a.n_events)) : "0"),
        h("td", {class: "num"}, fmtNum(a.n_chars)))));
      if (!data.articles.length) tbody.append(h("tr", {}, h("td", {colspan: 6, class: "empty"}, "No article matches.")));
      document.getElementById("count").textContent =
        total ? `${offset + 1}–${offset + data.articles.length} of ${fmtNum(total)} articles` : "0 articles";
      document.getElementById("prev").disabled = offset === 0;
      document.getElementById("next").disabled = offset + PAGE >= total;
    } catch (e) { showError(e); }
  }

  (async () => {
    const sp = new URLSearchParams(location.search);
    try {
      const facets = await api("/api/facets");
      for (const l of facets.languages) form.elements.lang.append(h("option", {value: l}, l));
    } catch (e) { showError(e); }
    for (const k of ["q", "lang", "start", "end"]) if (sp.get(k)) form.elements[k].value = sp.get(k);
    form.addEventListener("submit", ev => { ev.preventDefault(); offset = 0; load(); });
    document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
    document.getElementById("next").addEventListener("click", () => { offset += PAGE; load(); });
    load();
  })();
})();
