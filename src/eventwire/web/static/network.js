// Network page: actors as nodes, dyads as directed edges (width: count, colour: mean Goldstein).
// Layout: a small deterministic force simulation (Fruchterman-Reingold) from a circle.
"use strict";
(() => {
  const {h, s, api, showError, clearError, fmtNum, tooltip, goldsteinColor, bindFilters, actorLabel} = EW;
  const W = 960, H = 620, MAX_DRAWN = 400;

  function layout(nodes, edges) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => ({
      x: W / 2 + (W / 3) * Math.cos(2 * Math.PI * i / n),
      y: H / 2 + (H / 3) * Math.sin(2 * Math.PI * i / n),
    }));
    if (n < 2) return n ? [{x: W / 2, y: H / 2}] : [];
    const idx = new Map(nodes.map((nd, i) => [nd.id, i]));
    const k = Math.sqrt((W * H) / n) * 0.85;
    // in a dense graph every node pulls on every other: scale the pull so that nodes keep
    // their room (about 2 edges per node pull at full strength), stronger dyads pulling more
    const maxCount = Math.max(1, ...edges.map(e => e.count));
    const pull = Math.min(1, (2 * n) / Math.max(1, edges.length));
    let temp = W / 8;
    const iters = 250;
    for (let it = 0; it < iters; it++) {
      const disp = pos.map(() => ({x: 0, y: 0}));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.hypot(dx, dy)), f = (k * k) / d;
        dx /= d; dy /= d;
        disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
      for (const e of edges) {
        const a = idx.get(e.source), b = idx.get(e.target);
        if (a === undefined || b === undefined || a === b) continue;
        let dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(0.01, Math.hypot(dx, dy)), f = (d * d) / k * pull * Math.sqrt(e.count / maxCount);
        dx /= d; dy /= d;
        disp[a].x -= dx * f; disp[a].y -= dy * f; disp[b].x += dx * f; disp[b].y += dy * f;
      }
      for (let i = 0; i < n; i++) {
        // gravity towards the centre keeps unconnected actors on the canvas
        disp[i].x += (W / 2 - pos[i].x) * 0.05; disp[i].y += (H / 2 - pos[i].y) * 0.05;
        const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y)), m = Math.min(d, temp);
        pos[i].x = Math.min(W - 40, Math.max(40, pos[i].x + disp[i].x / d * m));
        pos[i].y = Math.min(H - 30, Math.max(30, pos[i].y + disp[i].y / d * m));
      }
      temp *= 0.975;
    }
    return pos;
  }

  function draw(data) {
    const box = document.getElementById("network-chart");
    if (!data.nodes.length) { box.replaceChildren(h("div", {class: "empty panel"}, "No dyad in this selection.")); return; }
    const pos = layout(data.nodes, data.edges);
    const at = new Map(data.nodes.map((nd, i) => [nd.id, pos[i]]));
    const maxCount = Math.max(...data.edges.map(e => e.count), 1);
    const maxNode = Math.max(...data.nodes.map(nd => nd.count), 1);
    const rMax = Math.max(6, Math.min(18, 110 / Math.sqrt(data.nodes.length)));
    const radius = nd => 4 + rMax * Math.sqrt(nd.count / maxNode);
    const rOf = new Map(data.nodes.map(nd => [nd.id, radius(nd)]));
    const svg = s("svg", {class: "chart network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"});
    const defs = s("defs");
    svg.append(defs);
    const edgeLayer = s("g"), nodeLayer = s("g");
    // many edges: thinner lines, and only the strongest drawn (the table below lists them all)
    const thin = Math.min(1, Math.sqrt(60 / Math.max(1, data.edges.length)));
    data.edges.slice(0, MAX_DRAWN).forEach((e, i) => {
      const a = at.get(e.source), b = at.get(e.target);
      if (!a || !b) return;
      const color = goldsteinColor(e.mean_goldstein);
      const width = 0.7 + 7 * Math.sqrt(e.count / maxCount) * thin;
      const id = `arrow-${i}`;
      defs.append(s("marker", {id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 4, markerHeight: 4, orient: "auto-start-reverse"},
        s("path", {d: "M0,0 L10,5 L0,10 z", fill: color})));
      let line;
      if (e.source === e.target) {  // self-loop: actors of one country acting on each other
        const r = rOf.get(e.source);
        line = s("path", {class: "edge", d: `M${a.x},${a.y - r} c 30,-40 50,0 ${r},${r}`, fill: "none", stroke: color, "stroke-width": width});
      } else {
        const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
        const r1 = rOf.get(e.source), r2 = rOf.get(e.target) + 4;
        // a slight curve keeps A->B and B->A apart
        const mx = (a.x + b.x) / 2 - dy / d * 18, my = (a.y + b.y) / 2 + dx / d * 18;
        line = s("path", {class: "edge", d: `M${a.x + dx / d * r1},${a.y + dy / d * r1} Q${mx},${my} ${b.x - dx / d * r2},${b.y - dy / d * r2}`,
          fill: "none", stroke: color, "stroke-width": width, "marker-end": `url(#${id})`});
      }
      line.dataset.source = e.source; line.dataset.target = e.target; line.dataset.count = e.count;
      line.addEventListener("mousemove", ev => tooltip(ev, `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${fmtNum(e.mean_goldstein, 2)}`));
      line.addEventListener("mouseleave", ev => tooltip(ev, null));
      edgeLayer.append(line);
    });
    data.nodes.forEach((nd, i) => {
      const p = pos[i];
      const g = s("g", {class: "node-group", dataset: {actor: nd.id}},
        s("circle", {class: "node", cx: p.x, cy: p.y, r: rOf.get(nd.id)}),
        s("text", {class: "label", x: p.x, y: p.y - rOf.get(nd.id) - 4, "text-anchor": "middle"}, nd.id));
      g.addEventListener("mousemove", ev => tooltip(ev, `${nd.id}${nd.name ? " " + nd.name : ""}: ${nd.count} events`));
      g.addEventListener("mouseleave", ev => tooltip(ev, null));
      nodeLayer.append(g);
    });
    svg.append(edgeLayer, nodeLayer);
    box.replaceChildren(svg);
  }

  async function load(filters) {
    clearError();
    try {
      const data = await api("/api/network", filters);
      draw(data);
      document.querySelector("#edges-table tbody").replaceChildren(...data.edges.map(e => h("tr", {},
        h("td", {}, actorLabel(e.source)), h("td", {}, actorLabel(e.target)),
        h("td", {class: "num"}, fmtNum(e.count)),
        h("td", {class: "num", style: `color:${goldsteinColor(e.mean_goldstein)}`}, fmtNum(e.mean_goldstein, 2)))));
    } catch (e) { showError(e); }
  }

  bindFilters(load, ["level", "max_nodes"]);
})();
