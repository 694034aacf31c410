// Article page: the text with every event's spans highlighted (displaCy style), the event
// list, and the card of the selected event. One call: GET /api/articles/{doc_id}.
"use strict";
(() => {
  const {h, api, showError, fmtNum, quadBadge, factBadge, QUAD_NAMES} = EW;
  const KINDS = ["predicate", "source", "target", "place", "time", "claimant"];  // display priority
  const PASSIVE = {denies: "denied by", alleges: "alleged by"};
  const TAGS = {source: "src", target: "tgt", predicate: "pred", time: "time", place: "place", claimant: "says"};
  const textBox = document.getElementById("text");
  const list = document.getElementById("event-list");
  const card = document.getElementById("card");
  const docId = textBox.dataset.docId;
  let events = [], byId = new Map(), selected = null;

  function collectSpans() {
    const spans = new Map();  // "start:end:kind" -> {start, end, kind, events: Set}
    const add = (sp, kind, id) => {
      if (!sp || sp[0] === null || sp[1] === null || sp[1] <= sp[0]) return;
      const key = `${sp[0]}:${sp[1]}:${kind}`;
      if (!spans.has(key)) spans.set(key, {start: sp[0], end: sp[1], kind, events: new Set()});
      spans.get(key).events.add(id);
    };
    for (const e of events) {
      const sp = e.spans || {};
      for (const kind of KINDS) if (kind !== "claimant") add(sp[kind], kind, e.event_id);
      for (const r of sp.reported_by || []) add(r, "claimant", e.event_id);  // who claims it
    }
    return [...spans.values()];
  }

  /** Cut the text at every span boundary; each piece is marked with the spans covering it. */
  function renderText(text) {
    const spans = collectSpans();
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(Math.max(0, sp.start)); cuts.add(Math.min(text.length, sp.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = spans.filter(sp => sp.start <= a && sp.end >= b);
      if (!covering.length) { out.push(piece); continue; }
      covering.sort((x, y) => KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind));
      const primary = covering[0];
      const evIds = new Set();
      for (const sp of covering) for (const id of sp.events) evIds.add(id);
      const kinds = [...new Set(covering.map(sp => sp.kind))];
      const mark = h("mark", {
        class: `hl hl-${primary.kind}`,
        title: kinds.join(", ") + ` (${evIds.size} event${evIds.size > 1 ? "s" : ""})`,
        dataset: {events: [...evIds].join(" "), kinds: kinds.join(" "), start: a, end: b},
      }, piece);
      const ending = [...new Set(covering.filter(sp => sp.end === b).map(sp => TAGS[sp.kind]))];
      if (ending.length) mark.append(h("span", {class: "tag"}, ending.join("·")));
      mark.addEventListener("click", () => {
        const ids = [...evIds];
        // a second click on the same piece cycles through the events it belongs to
        const next = selected && ids.includes(selected) ? ids[(ids.indexOf(selected) + 1) % ids.length] : ids[0];
        select(next);
      });
      out.push(mark);
    }
    textBox.replaceChildren(...out);
  }

  function actorText(a) {
    if (!a) return h("span", {class: "muted"}, "–");
    return [h("code", {}, a.code || "?"), a.name ? ` ${a.name}` : "", a.text ? h("span", {class: "muted"}, ` “${a.text}”`) : ""];
  }

  function renderList() {
    list.replaceChildren(...events.map(e => h("li", {
      dataset: {eventId: e.event_id}, tabindex: 0, role: "button", onclick: () => select(e.event_id),
      onkeydown: ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(e.event_id); } }},
      h("code", {}, e.cameo), " ",
      e.source ? e.source.code : "–", " → ", e.target ? e.target.code : "–", " ",
      h("span", {class: "muted"}, e.cameo_name || ""), " ", factBadge(e.factuality))));
    document.getElementById("events-heading").replaceChildren(`${events.length} event${events.length === 1 ? "" : "s"} `,
      h("a", {href: `/events?doc_id=${encodeURIComponent(docId)}`, class: "small"}, "as a table"));
  }

  function row(label, ...value) { return [h("dt", {}, label), h("dd", {}, ...value)]; }

  function renderCard(e) {
    const links = (e.links || []).map(l => {
      const other = byId.get(l.event_id);
      const label = other ? `${other.cameo} ${other.cameo_name || ""}` : l.event_id;
      return h("div", {}, `${l.type} `, other
        ? h("a", {href: `#${l.event_id}`, onclick: ev => { ev.preventDefault(); select(l.event_id); }}, label)
        : h("code", {}, label));
    });
    const linkedBy = events.filter(o => (o.links || []).some(l => l.event_id === e.event_id)).map(o =>
      h("div", {}, `${PASSIVE[(o.links.find(l => l.event_id === e.event_id) || {}).type] || "linked from"} `,
        h("a", {href: `#${o.event_id}`, onclick: ev => { ev.preventDefault(); select(o.event_id); }}, `${o.cameo} ${o.cameo_name || ""}`)));
    const place = e.place
      ? [e.place.name || e.place.text, e.place.country ? ` (${e.place.country})` : "",
         e.place.lat !== null && e.place.lat !== undefined ? h("span", {class: "muted"}, ` ${fmtNum(e.place.lat, 2)}, ${fmtNum(e.place.lon, 2)}`) : "",
         h("span", {class: "muted"}, ` · found in ${e.location_source}`)]
      : [h("span", {class: "muted"}, "none")];
    const date = e.date
      ? [e.date, e.date_precision ? h("span", {class: "muted"}, ` (${e.date_precision})`) : "",
         h("span", {class: "muted"}, ` · from ${e.date_source}`), e.time ? h("span", {class: "muted"}, ` “${e.time.text}” → ${e.time.value}`) : ""]
      : [h("span", {class: "muted"}, `none (${e.date_source || "none"})`)];
    card.replaceChildren(
      h("h3", {}, e.source ? e.source.code : "–", " → ", e.target ? e.target.code : "–", ": ", e.cameo_name || e.cameo),
      h("dl", {},
        row("CAMEO", h("code", {}, e.cameo), " ", e.cameo_name || ""),
        row("Goldstein", e.goldstein === null ? "–" : fmtNum(e.goldstein, 1)),
        row("Quad class", quadBadge(e.quad_class), " ", QUAD_NAMES[e.quad_class] || ""),
        row("PLOVER", e.plover_type || "–", e.plover_mode ? ` / ${e.plover_mode}` : ""),
        row("Source", actorText(e.source)),
        row("Target", actorText(e.target)),
        row("Date", date),
        row("Place", place),
        row("Factuality", factBadge(e.factuality)),
        row("Claimed by", (e.reported_by || []).length ? e.reported_by.map((r, i) => [i ? "; " : "", actorText(r)]) : h("span", {class: "muted"}, "the reporter")),
        row("Linked", links.length || linkedBy.length ? [...links, ...linkedBy] : h("span", {class: "muted"}, "none")),
        row("Reports", e.num_articles > 1 || e.num_mentions > 1
          ? h("a", {href: `/events?cluster_id=${encodeURIComponent(e.cluster_id)}`},
              `${e.num_mentions} mentions in ${e.num_articles} articles from ${e.num_sources} sources`)
          : h("span", {class: "muted"}, "this article only")),
        row("Rule", h("code", {}, e.rule || "–")),
        row("Confidence", e.confidence === null || e.confidence === undefined ? "–" : fmtNum(e.confidence, 2)),
        row("Event id", h("code", {}, e.event_id))));
    card.classList.remove("hidden");
  }

  function select(id) {
    const e = byId.get(id);
    if (!e) return;
    selected = id;
    textBox.classList.add("focus");
    let first = null;
    for (const m of textBox.querySelectorAll("mark.hl")) {
      const on = m.dataset.events.split(" ").includes(id);
      m.classList.toggle("active", on);
      if (on && !first) first = m;
    }
    for (const li of list.children) li.classList.toggle("active", li.dataset.eventId === id);
    renderCard(e);
    history.replaceState(null, "", `#${encodeURIComponent(id)}`);
    if (first && first.scrollIntoView) first.scrollIntoView({block: "nearest"});
  }

  (async () => {
    try {
      const data = await api(`/api/articles/${encodeURIComponent(docId)}`);
      const a = data.article;
      document.title = `${a.title || a.doc_id} · eventwire`;
      document.getElementById("title").textContent = a.title || a.doc_id;
      document.getElementById("meta").textContent = [
        a.published ? `published ${a.published} (${a.published_source || "?"})` : "publication date unknown",
        a.lang, a.source, a.url, `id ${a.doc_id}`].filter(Boolean).join(" · ");
      events = data.events;
      byId = new Map(events.map(e => [e.event_id, e]));
      renderText(a.text);
      renderList();
      const want = decodeURIComponent(location.hash.slice(1));
      if (want && byId.has(want)) select(want);
    } catch (e) { showError(e); }
  })();
})();
