// eventwire explorer: helpers shared by every page (no library, no network but this server).
"use strict";

const EW = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const FILTER_KEYS = ["actor", "country", "cameo", "cameo_root", "plover", "quad_class",
                       "factuality", "start", "end", "q", "doc_id", "cluster_id"];
  const QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"};
  const QUAD_COLORS = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#cb181d"};

  /** Build an HTML element: h("a", {href: "/x", class: "y"}, "text", child...). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  /** Build an SVG element. */
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function setAttrs(el, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(el.dataset, v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }

  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  /** GET a JSON endpoint; throws an Error carrying the server's message on {"ok": false}. */
  async function api(path, params) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
    }
    let resp, body;
    try {
      resp = await fetch(url, {headers: {Accept: "application/json"}});
      body = await resp.json();
    } catch (e) {
      throw new Error(`could not read ${url.pathname}: ${e.message}`);
    }
    if (!body.ok) throw new Error(body.error || `HTTP ${resp.status}`);
    return body;
  }

  function showError(err) {
    const box = document.getElementById("error");
    if (!box) return;
    box.textContent = err instanceof Error ? err.message : String(err);
    box.classList.remove("hidden");
  }

  function clearError() {
    const box = document.getElementById("error");
    if (box) box.classList.add("hidden");
  }

  /** The filters in the page's URL, as an object with only the set keys. */
  function readFilters(extraKeys) {
    const sp = new URLSearchParams(location.search);
    const out = {};
    for (const k of FILTER_KEYS.concat(extraKeys || [])) {
      const v = sp.get(k);
      if (v !== null && v !== "") out[k] = v;
    }
    return out;
  }

  function queryString(params) {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) sp.set(k, v);
    const q = sp.toString();
    return q ? "?" + q : "";
  }

  /** Fill the shared filter form from the URL, fill its selects from /api/facets, and call
   *  onChange(filters) now and on every submit (the URL keeps the filters, so links and reloads do too). */
  async function bindFilters(onChange, extraKeys) {
    const form = document.getElementById("filters");
    const keys = FILTER_KEYS.concat(extraKeys || []);
    const current = readFilters(extraKeys);
    try {
      const facets = await api("/api/facets");
      fillSelect(form.elements.plover, facets.plover_types);
      fillSelect(form.elements.factuality, facets.factualities);
      fillSelect(form.elements.quad_class, facets.quad_classes.map(q => [q, `${q} ${QUAD_NAMES[q] || ""}`]));
      const dl = document.getElementById("country-list");
      if (dl) for (const c of facets.countries) dl.append(h("option", {value: c}));
    } catch (e) { showError(e); }
    for (const k of keys) if (form.elements[k] && current[k] !== undefined) form.elements[k].value = current[k];
    // filters without a visible field (one article, one event cluster) are shown, and can be dropped
    const scope = document.getElementById("scope");
    const hidden = ["doc_id", "cluster_id"].filter(k => current[k]);
    if (scope && hidden.length) {
      scope.replaceChildren(...hidden.map(k => [`${k === "doc_id" ? "article" : "cluster"} ${current[k]} `,
        h("a", {href: "#", onclick: ev => { ev.preventDefault(); form.elements[k].value = ""; scope.classList.add("hidden");
                                            form.requestSubmit(); }}, "(all)"), " "]));
      scope.classList.remove("hidden");
    }
    const collect = () => {
      const f = {};
      for (const k of keys) {
        const el = form.elements[k];
        if (el && el.value.trim() !== "") f[k] = el.value.trim();
      }
      return f;
    };
    form.addEventListener("submit", ev => {
      ev.preventDefault();
      const f = collect();
      const keep = {};
      for (const k of ["sort", "order"]) { const v = new URLSearchParams(location.search).get(k); if (v) keep[k] = v; }
      history.replaceState(null, "", location.pathname + queryString({...f, ...keep}));
      keepFiltersInNav();
      onChange(f);
    });
    const reset = form.querySelector("[data-reset]");
    if (reset) reset.addEventListener("click", () => {
      for (const k of keys) if (form.elements[k]) form.elements[k].value = "";
      form.requestSubmit();
    });
    keepFiltersInNav();
    // the URL's filters as given (a date input drops a value it cannot read: the server says why)
    onChange(current);
  }

  function fillSelect(sel, values) {
    if (!sel) return;
    for (const v of values || []) {
      const [value, label] = Array.isArray(v) ? v : [v, v];
      sel.append(h("option", {value}, label));
    }
  }

  /** Links between the events, timeline, network and map pages carry the current filters. */
  function keepFiltersInNav() {
    const qs = queryString(readFilters());
    for (const a of document.querySelectorAll("a[data-keep-filters]")) {
      a.href = a.getAttribute("data-base") + qs;
    }
  }

  function fmtNum(x, digits) {
    if (x === null || x === undefined || Number.isNaN(x)) return "–";
    return Number(x).toLocaleString("en-US", {maximumFractionDigits: digits ?? 0, minimumFractionDigits: digits ?? 0});
  }

  /** Goldstein -10..+10 -> red .. grey .. green. */
  function goldsteinColor(g) {
    if (g === null || g === undefined) return "#9aa6b5";
    const t = Math.max(-1, Math.min(1, g / 10));
    const grey = [154, 166, 181], red = [203, 24, 29], green = [35, 139, 69];
    const to = t < 0 ? red : green, a = Math.abs(t);
    const c = grey.map((g0, i) => Math.round(g0 + (to[i] - g0) * Math.sqrt(a)));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function quadBadge(q) {
    if (!q) return h("span", {class: "muted"}, "–");
    return h("span", {class: `badge q${q}`, title: QUAD_NAMES[q]}, `Q${q}`);
  }

  function factBadge(f) {
    return h("span", {class: `badge fact fact-${f || "asserted"}`}, f || "asserted");
  }

  function actorLabel(code, name) {
    if (!code) return h("span", {class: "muted"}, "–");
    return h("span", {title: name || code}, h("code", {}, code), name ? [" ", h("span", {class: "muted"}, name)] : null);
  }

  let tip;
  function tooltip(evt, text) {
    if (!tip) { tip = h("div", {class: "tooltip hidden"}); document.body.append(tip); }
    if (text === null) { tip.classList.add("hidden"); return; }
    tip.textContent = text;
    tip.style.left = (evt.clientX + 12) + "px";
    tip.style.top = (evt.clientY + 12) + "px";
    tip.classList.remove("hidden");
  }

  const nav = document.querySelector(`[data-nav="${document.body.dataset.page}"]`);
  if (nav) nav.classList.add("active");

  return {h, s, api, showError, clearError, readFilters, queryString, bindFilters, fmtNum,
          goldsteinColor, quadBadge, factBadge, actorLabel, tooltip, QUAD_NAMES, QUAD_COLORS, FILTER_KEYS};
})();
