// Converts us-atlas 3.0.1's counties-albers-10m.json (TopoJSON, already projected to Albers USA
// for a 975×610 viewport) into the compact resource RingWatch reads at start: per state and per
// county its FIPS code, name and an SVG path with coordinates rounded to 0.1 px.
//
// Usage: node convert.mjs <counties-albers-10m.json> <output.json>   (build.sh runs it)
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const [input, output] = process.argv.slice(2);
const topology = JSON.parse(readFileSync(input, "utf8"));

// USPS codes by state FIPS (the boundary file names states, RingWatch keys them by code).
const USPS = {
  "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
  "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
  "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
  "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
  "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
  "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
  "54": "WV", "55": "WI", "56": "WY",
};

// Numbers at a given number of decimals, without a leading zero (".5", "-.5").
const rounder = (decimals) => (n) => Math.round(n * 10 ** decimals) / 10 ** decimals;
const num = (n) => String(n).replace(/^(-?)0\./, "$1.");

// One ring as "M x y" then relative "l dx dy" steps between rounded points, so a step is a few
// characters; steps that round to nothing are dropped. A ring that collapses to fewer than
// three points is dropped.
function ring(points, decimals) {
  const round = rounder(decimals);
  const kept = [];
  for (const [x, y] of points.map(([x, y]) => [round(x), round(y)])) {
    const last = kept[kept.length - 1];
    if (!last || last[0] !== x || last[1] !== y) kept.push([x, y]);
  }
  const [fx, fy] = kept[0], [lx, ly] = kept[kept.length - 1];
  if (kept.length > 1 && fx === lx && fy === ly) kept.pop();
  if (kept.length < 3) return "";
  let d = "M" + num(kept[0][0]) + " " + num(kept[0][1]) + "l";
  let previous = "l";
  for (let i = 1; i < kept.length; i++) {
    for (const n of [round(kept[i][0] - kept[i - 1][0]), round(kept[i][1] - kept[i - 1][1])]) {
      const text = num(n);
      // A separator only where the two numbers would otherwise run together.
      d += (previous === "l" || text.startsWith("-") || (text.startsWith(".") && previous.includes(".")) ? "" : " ") + text;
      previous = text;
    }
  }
  return d + "z";
}

// The source simplified a few small independent cities to a line or a point (Falls Church and
// Lexington, VA): those are drawn as a 1 px square at their place, so they can still be seen
// and followed.
const collapsed = [];
function path(geometry, id) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const d = polygons.flatMap((polygon) => polygon.map((points) => ring(points, 1))).join("");
  if (d) return d;
  collapsed.push(id);
  const points = polygons.flat(2);
  const x = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const y = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const round = rounder(1);
  return "M" + num(round(x - 0.5)) + " " + num(round(y - 0.5)) + "h1v1h-1z";
}

const states = feature(topology, topology.objects.states).features
  .map((f) => ({ fips: f.id, code: USPS[f.id], name: f.properties.name, d: path(f.geometry, f.id) }))
  .sort((a, b) => a.code.localeCompare(b.code));
const counties = feature(topology, topology.objects.counties).features
  .map((f) => ({ fips: f.id, name: f.properties.name, d: path(f.geometry, f.id) }))
  .sort((a, b) => a.fips.localeCompare(b.fips));

for (const s of states) if (!s.code) throw new Error("no USPS code for state FIPS " + s.fips);
for (const shape of [...states, ...counties]) if (!shape.d) throw new Error("empty shape " + shape.fips);

const resource = {
  source: "us-atlas 3.0.1 (npm, ISC), counties-albers-10m.json: U.S. Census Bureau cartographic boundary files, 2017, 1:10,000,000, projected with d3.geoAlbersUsa to 975×610",
  width: 975,
  height: 610,
  states,
  counties,
};
writeFileSync(output, JSON.stringify(resource) + "\n");
console.log(`${states.length} states, ${counties.length} counties -> ${output}`);
if (collapsed.length) console.log(`drawn as 1 px squares (collapsed in the source): ${collapsed.join(", ")}`);
