// Signatory dashboard: reads /api/v1/ with the session cookie and draws charts with plotly.js.
// No inline scripts (Content-Security-Policy: script-src 'self'); data is written with
// textContent, never innerHTML, since titles and evidence come from the news.
"use strict";

(function () {
  const API = "/api/v1/";
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const PARTY_COLOURS = { D: "#2b6cb0", R: "#c53030", I: "#6b46c1", other: "#718096" };

  function filterParams() {
    const params = new URLSearchParams();
    for (const id of ["filter-policy", "filter-congress", "filter-caucus"]) {
      const select = document.getElementById(id);
      if (select.value) params.set(select.name, select.value);
    }
    return params;
  }

  async function getJSON(path, params) {
    const query = params && params.toString() ? "?" + params.toString() : "";
    const response = await fetch(API + path + query, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return response.json();
  }

  async function post(path, body) {
    const response = await fetch(API + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken, Accept: "application/json" },
      body: JSON.stringify(body || {}),
    });
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return response.json();
  }

  function showError(error) {
    const box = document.getElementById("error");
    box.hidden = false;
    box.textContent = String(error);
  }

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  function draw(id, traces, layout) {
    const target = document.getElementById(id);
    const base = { margin: { t: 10, r: 10, b: 80, l: 50 }, height: 320, barmode: "stack" };
    return Plotly.react(target, traces, Object.assign(base, layout || {}), {
      displaylogo: false,
      responsive: true,
    }).then(function () {
      target.dataset.state = "drawn";
      target.dataset.points = String(traces.reduce((n, t) => n + (t.x ? t.x.length : 0), 0));
    });
  }

  async function overTime(params) {
    const p = new URLSearchParams(params);
    p.set("period", "month");
    p.set("by", "kind");
    const data = await getJSON("stats/letters-over-time/", p);
    const byKind = {};
    for (const row of data.rows) {
      (byKind[row.key] = byKind[row.key] || { x: [], y: [] }).x.push(row.period);
      byKind[row.key].y.push(row.letters);
    }
    // Monthly buckets: bars span their month, ticks name months (not instants).
    const traces = Object.entries(byKind).map(([kind, xy]) => ({
      type: "bar",
      name: kind,
      x: xy.x,
      y: xy.y,
      xperiod: "M1",
      xperiodalignment: "start",
    }));
    return draw("chart-over-time", traces, {
      barmode: "stack",
      xaxis: { type: "date", tickformat: "%b %Y", dtick: "M1" },
      yaxis: { title: { text: "letters" }, rangemode: "tozero" },
    });
  }

  async function partySplit(params) {
    const p = new URLSearchParams(params);
    p.set("limit", "30");
    const data = await getJSON("stats/party-split/", p);
    const rows = data.rows.slice().reverse();
    const labels = rows.map((r) => (r.sent_on || "undated") + " · " + r.title.slice(0, 40) + " #" + r.letter);
    const traces = ["D", "R", "I", "other"].map((party) => ({
      type: "bar",
      name: party,
      x: labels,
      y: rows.map((r) => r[party]),
      marker: { color: PARTY_COLOURS[party] },
    }));
    return draw("chart-party-split", traces, { xaxis: { tickangle: -30, automargin: true } });
  }

  async function heatmap(params) {
    const p = new URLSearchParams(params);
    const caucus = p.get("signed_by_caucus");
    p.delete("signed_by_caucus");
    if (caucus) p.set("caucuses", caucus);
    const data = await getJSON("stats/caucus-policy/", p);
    const caucuses = [...new Set(data.rows.map((r) => r.caucus))];
    const policies = [...new Set(data.rows.map((r) => r.policy))];
    const z = caucuses.map((c) =>
      policies.map((pol) => {
        const cell = data.rows.find((r) => r.caucus === c && r.policy === pol);
        return cell ? cell.share : null;
      })
    );
    const traces = [{ type: "heatmap", x: policies, y: caucuses, z: z, colorscale: "Blues", reversescale: true, zmin: 0, zmax: 1 }];
    return draw("chart-heatmap", traces, { margin: { t: 10, r: 10, b: 100, l: 160 } });
  }

  async function reviewQueue() {
    const data = await getJSON("stats/review-queue/", new URLSearchParams({ limit: "10" }));
    document.getElementById("queue-counts").textContent =
      "Mentions pending: " + data.mentions.pending + " · confirmed: " + data.mentions.confirmed +
      " · proposed letters pending: " + data.proposed_letters.pending;
    const list = document.getElementById("queue-mentions");
    list.replaceChildren();
    for (const mention of data.latest_mentions) {
      const item = el("li", null, { "data-mention": mention.id });
      item.append(el("strong", mention.letter_title));
      item.append(el("span", " — " + (mention.article.title || mention.article.canonical_url || "")));
      item.append(el("blockquote", mention.evidence));
      const confirm = el("button", "Confirm", { type: "button", class: "confirm" });
      confirm.addEventListener("click", function () {
        confirm.disabled = true;
        post("mentions/" + mention.id + "/confirm/", {})
          .then(function () {
            item.dataset.status = "confirmed";
            confirm.textContent = "Confirmed";
            return refreshQueueAndLetters();
          })
          .catch(showError);
      });
      item.append(confirm);
      list.append(item);
    }
  }

  // What the public record says, e.g. "≥25 (20 D, 5 R)": known signers are often far fewer.
  function statedCounts(stated) {
    const parts = [["democrats", "D"], ["republicans", "R"], ["independents", "I"]]
      .filter(([key]) => stated[key] != null)
      .map(([key, party]) => stated[key] + " " + party);
    if (stated.total == null && !parts.length) return "—";
    const total = stated.total != null ? (stated.are_minimum ? "≥" : "") + stated.total : "";
    return [total, parts.length ? "(" + parts.join(", ") + ")" : ""].filter(Boolean).join(" ");
  }

  async function newestLetters(params) {
    const p = new URLSearchParams(params);
    p.set("ordering", "-created_at");
    p.set("page_size", "10");
    const data = await getJSON("letters/", p);
    const body = document.querySelector("#newest-letters tbody");
    body.replaceChildren();
    for (const letter of data.results) {
      const row = el("tr");
      row.append(el("td", letter.sent_on || "—"));
      row.append(el("td", letter.title));
      row.append(el("td", letter.leads.map((l) => l.name).join(", ")));
      row.append(el("td", letter.breakdown.democrats));
      row.append(el("td", letter.breakdown.republicans));
      row.append(el("td", letter.breakdown.independents));
      row.append(el("td", statedCounts(letter.stated)));
      row.append(el("td", letter.coverage.articles));
      row.append(el("td", letter.coverage.last_mentioned_at ? letter.coverage.last_mentioned_at.slice(0, 10) : "—"));
      body.append(row);
    }
  }

  function refreshQueueAndLetters() {
    return Promise.all([reviewQueue(), newestLetters(filterParams())]);
  }

  function refreshCharts() {
    const params = filterParams();
    document.body.dataset.refreshing = "1";
    return Promise.all([overTime(params), partySplit(params), heatmap(params), newestLetters(params)])
      .then(function () {
        document.body.dataset.refreshing = "0";
        document.body.dataset.filters = params.toString();
      })
      .catch(showError);
  }

  async function fillFilters() {
    const [policies, caucuses] = await Promise.all([
      getJSON("policies/", new URLSearchParams({ page_size: "1000" })),
      getJSON("caucuses/", new URLSearchParams({ page_size: "1000" })),
    ]);
    const policySelect = document.getElementById("filter-policy");
    for (const policy of policies.results) policySelect.append(el("option", policy.name, { value: policy.slug }));
    const caucusSelect = document.getElementById("filter-caucus");
    for (const caucus of caucuses.results) caucusSelect.append(el("option", caucus.name, { value: caucus.slug }));
    const congressSelect = document.getElementById("filter-congress");
    const now = new Date();
    const current = Math.floor((now.getFullYear() - 1789) / 2) + 1;
    for (let c = current; c >= current - 10; c--) congressSelect.append(el("option", c + "th", { value: c }));
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillFilters()
      .then(function () {
        document.getElementById("filters").addEventListener("change", refreshCharts);
        return Promise.all([refreshCharts(), reviewQueue()]);
      })
      .then(function () {
        document.body.dataset.ready = "1";
      })
      .catch(showError);
  });
})();
