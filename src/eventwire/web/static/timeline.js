// Timeline page: events per period stacked by quad class, and the Goldstein sum per period
// for a dyad. One call: GET /api/timeline.
"use strict";
(() => {
  const {h, s, api, showError, clearError, fmtNum, tooltip, bindFilters, QUAD_NAMES, QUAD_COLORS} = EW;
  const W = 960, H = 300, M = {top: 14, right: 16, bottom: 42, left: 52};

  document.getElementById("quad-legend").replaceChildren(...[1, 2, 3, 4].map(q =>
    h("span", {}, h("i", {style: `background:${QUAD_COLORS[q]}`}), QUAD_NAMES[q])),
    h("span", {}, h("i", {style: "background:#9aa6b5"}), "no quad class"));

  /** A round tick step for a range (1, 2, 2.5 or 5 times a power of ten). */
  function niceStep(range) {
    const raw = Math.max(range, 1e-9) / 5;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
    return 10 * p;
  }

  /** A bar chart: bars[i] = {label, parts: [{value, color, name}]} (stacked; negatives go down). */
  function barChart(container, bars, yLabel) {
    if (!bars.length) { container.replaceChildren(h("div", {class: "empty panel"}, "No event in this selection.")); return; }
    const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
    let hi = 0, lo = 0;
    for (const b of bars) {
      let pos = 0, neg = 0;
      for (const p of b.parts) (p.value >= 0 ? (pos += p.value) : (neg += p.value));
      hi = Math.max(hi, pos); lo = Math.min(lo, neg);
    }
    if (hi === lo) hi = lo + 1;
    const step = niceStep(hi - lo);
    const top = Math.ceil(hi / step) * step, bottom = Math.floor(lo / step) * step;
    const y = v => M.top + ih * (top - v) / (top - bottom);
    const slot = iw / bars.length, bw = Math.min(slot, 80), pad = (slot - bw) / 2;
    const svg = s("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": yLabel});
    const grid = s("g", {class: "grid"});
    const digits = step < 1 ? (step < 0.1 ? 2 : 1) : 0;
    for (let v = bottom; v <= top + step / 2; v += step) {
      grid.append(s("line", {x1: M.left, x2: W - M.right, y1: y(v), y2: y(v)}),
                  s("text", {x: M.left - 6, y: y(v) + 4, "text-anchor": "end"}, fmtNum(v, digits)));
    }
    svg.append(grid);
    const every = Math.ceil(bars.length / 16);  // at most 16 period labels
    bars.forEach((b, i) => {
      const x = M.left + i * slot + pad;
      let pos = 0, neg = 0;
      for (const p of b.parts) {
        if (!p.value) continue;
        const from = p.value >= 0 ? pos : neg, to = from + p.value;
        p.value >= 0 ? (pos = to) : (neg = to);
        const r = s("rect", {class: "bar", x: x + bw * 0.1, width: Math.max(1, bw * 0.8),
          y: Math.min(y(from), y(to)), height: Math.max(0.5, Math.abs(y(from) - y(to))), fill: p.color,
          dataset: {period: b.label, value: p.value}});
        r.addEventListener("mousemove", ev => tooltip(ev, `${b.label} · ${p.name}: ${fmtNum(p.value, Number.isInteger(p.value) ? 0 : 1)}`));
        r.addEventListener("mouseleave", ev => tooltip(ev, null));
        svg.append(r);
      }
      if (i % every === 0) svg.append(s("text", {x: x + bw / 2, y: H - M.bottom + 16, "text-anchor": "middle"}, b.label));
    });
    svg.append(s("g", {class: "axis"}, s("line", {x1: M.left, x2: W - M.right, y1: y(0), y2: y(0)}),
      s("line", {x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom})));
    svg.append(s("text", {x: 12, y: M.top + ih / 2, transform: `rotate(-90 12 ${M.top + ih / 2})`, "text-anchor": "middle"}, yLabel));
    container.replaceChildren(svg);
  }

  async function load(filters) {
    clearError();
    document.getElementById("interval-name").textContent = filters.interval || "month";
    try {
      const data = await api("/api/timeline", filters);
      barChart(document.getElementById("timeline-chart"), data.periods.map(p => ({
        label: p.period,
        parts: [1, 2, 3, 4].map(q => ({value: p[`q${q}`], color: QUAD_COLORS[q], name: QUAD_NAMES[q]}))
          .concat([{value: p.q0, color: "#9aa6b5", name: "no quad class"}]),
      })), "events");
      document.getElementById("placed").textContent = data.placed === data.total
        ? `${fmtNum(data.total)} events.`
        : `${fmtNum(data.placed)} of ${fmtNum(data.total)} events have a date precise to the ${data.interval}; ` +
          "the others (coarser or no date) are not drawn.";
      const dy = document.getElementById("dyad-chart");
      if (!data.dyad) {
        dy.replaceChildren(h("div", {class: "empty panel"}, "Choose a dyad source and target above to see its Goldstein series."));
      } else {
        barChart(dy, data.dyad.periods.map(p => ({
          label: p.period,
          parts: [{value: p.goldstein_sum, color: p.goldstein_sum >= 0 ? "#238b45" : "#cb181d",
                   name: `${data.dyad.source} → ${data.dyad.target}, Goldstein sum over ${p.count} events`}],
        })), `Goldstein sum ${data.dyad.source} → ${data.dyad.target}`);
      }
    } catch (e) { showError(e); }
  }

  bindFilters(load, ["interval", "dyad_source", "dyad_target"]);
})();
