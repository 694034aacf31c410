// Map page: Natural Earth 1:110m countries (TopoJSON bundled in the package, decoded here)
// in an equirectangular projection, countries shaded by events, circles at event places.
"use strict";
(() => {
  const {h, s, api, showError, clearError, fmtNum, tooltip, bindFilters} = EW;
  const W = 960, LAT_TOP = 85, LAT_BOTTOM = -60;
  const H = Math.round(W * (LAT_TOP - LAT_BOTTOM) / 360);
  const px = lon => (lon + 180) / 360 * W;
  const py = lat => (LAT_TOP - lat) / (LAT_TOP - LAT_BOTTOM) * H;
  let worldPromise = null;

  /** TopoJSON -> [{id, name, d}] with SVG path data, for the "countries" object. */
  function decodeTopology(topo) {
    const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
    const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
    const arcs = topo.arcs.map(arc => {
      let x = 0, y = 0;
      return arc.map(p => {
        if (topo.transform) { x += p[0]; y += p[1]; } else { x = p[0]; y = p[1]; }
        return [x * sx + tx, y * sy + ty];
      });
    });
    const ringPath = ring => {
      const pts = [];
      for (const i of ring) {
        const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
        pts.push(...(pts.length ? a.slice(1) : a));
      }
      // rings crossing the antimeridian (Russia, Fiji): unwrap the longitudes so the ring stays
      // continuous, then draw it again one world-width over; the SVG viewport clips both copies
      let shift = 0, lo = Infinity, hi = -Infinity;
      const unwrapped = pts.map(([lon, lat], k) => {
        if (k) {
          const prev = pts[k - 1][0];
          if (lon - prev > 180) shift -= 360; else if (prev - lon > 180) shift += 360;
        }
        const x = lon + shift;
        lo = Math.min(lo, x); hi = Math.max(hi, x);
        return [x, lat];
      });
      const path = off => "M" + unwrapped.map(([lon, lat]) => `${px(lon + off).toFixed(1)},${py(lat).toFixed(1)}`).join("L") + "Z";
      return path(0) + (hi > 180 ? path(-360) : "") + (lo < -180 ? path(360) : "");
    };
    const polyPath = poly => poly.map(ringPath).join("");
    return topo.objects.countries.geometries.map(g => ({
      id: g.id, name: (g.properties || {}).name || "",
      d: g.type === "Polygon" ? polyPath(g.arcs) : g.type === "MultiPolygon" ? g.arcs.map(polyPath).join("") : "",
    })).filter(c => c.d);
  }

  function world() {
    if (!worldPromise) {
      worldPromise = fetch("/static/geo/countries-110m.json").then(r => {
        if (!r.ok) throw new Error(`map geometry missing (HTTP ${r.status})`);
        return r.json();
      }).then(decodeTopology);
    }
    return worldPromise;
  }

  function shade(count, max) {
    if (!count) return null;
    const t = Math.log1p(count) / Math.log1p(max);
    const a = [253, 224, 210], b = [165, 15, 21];
    const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  async function load(filters) {
    clearError();
    try {
      const [countries, data] = await Promise.all([world(), api("/api/map", filters)]);
      const byNum = new Map(data.countries.map(c => [String(c.numeric).padStart(3, "0"), c]));
      const maxC = Math.max(1, ...data.countries.map(c => c.count));
      const svg = s("svg", {class: "chart map", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event locations"});
      svg.append(s("rect", {class: "sea", x: 0, y: 0, width: W, height: H}));
      const g = s("g", {class: "countries"});
      for (const c of countries) {
        const hit = byNum.get(c.id);
        const p = s("path", {class: hit ? "country has-events" : "country", d: c.d, dataset: {id: c.id, name: c.name}});
        if (hit) p.style.fill = shade(hit.count, maxC);
        p.addEventListener("mousemove", ev => tooltip(ev, hit ? `${c.name}: ${hit.count} events` : c.name));
        p.addEventListener("mouseleave", ev => tooltip(ev, null));
        g.append(p);
      }
      svg.append(g);
      const maxP = Math.max(1, ...data.points.map(p => p.count));
      const dots = s("g", {class: "places"});
      for (const p of data.points) {
        const c = s("circle", {class: "place", cx: px(p.lon), cy: py(p.lat), r: 3 + 14 * Math.sqrt(p.count / maxP),
          dataset: {name: p.name, count: p.count}});
        c.addEventListener("mousemove", ev => tooltip(ev, `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.count} events`));
        c.addEventListener("mouseleave", ev => tooltip(ev, null));
        dots.append(c);
      }
      svg.append(dots);
      svg.append(s("text", {x: 8, y: H - 8}, `${fmtNum(data.located)} of ${fmtNum(data.total)} events have a place`));
      document.getElementById("map-chart").replaceChildren(svg);
      document.querySelector("#places-table tbody").replaceChildren(...data.points.map(p => h("tr", {},
        h("td", {}, p.name), h("td", {}, p.country || ""), h("td", {class: "num"}, fmtNum(p.lat, 2)),
        h("td", {class: "num"}, fmtNum(p.lon, 2)), h("td", {class: "num"}, fmtNum(p.count)))));
    } catch (e) { showError(e); }
  }

  bindFilters(load);
})();
