// The wall page: draws the state the server sends (server-sent events) and nothing else.
// Every text from the file is set as textContent, never as markup.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var KINDS = ["place", "initiative", "actor"];
  var token = new URLSearchParams(window.location.search).get("token");
  var query = token ? "?token=" + encodeURIComponent(token) : "";
  var before = { latest: null, cells: null };

  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attributes) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    return e;
  }
  function shape(kind, x, y, r, cls) {
    // A second channel beside colour: places round, initiatives square, actors triangles.
    var e;
    if (kind === 0) e = svg("circle", { cx: x, cy: y, r: r });
    else if (kind === 1) e = svg("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    else e = svg("polygon", { points: [x, y - r * 1.15, x + r * 1.1, y + r * 0.85, x - r * 1.1, y + r * 0.85].join(" ") });
    e.setAttribute("class", "marker " + KINDS[kind] + (cls ? " " + cls : ""));
    return e;
  }
  function column(index) { return String.fromCharCode(65 + index); }

  function drawCounts(counts) {
    var list = document.getElementById("counts");
    list.replaceChildren();
    counts.forEach(function (pair) {
      var item = element("li");
      item.appendChild(element("span", "number", String(pair[1])));
      item.appendChild(element("span", "label", pair[0]));
      list.appendChild(item);
    });
  }
  function drawLatest(state) {
    var list = document.getElementById("items");
    var old = before.latest || [];
    list.replaceChildren();
    if (!state.latest.length) list.appendChild(element("li", "nothing", state.nothing));
    state.latest.slice(0, 5).forEach(function (line, i) {
      var fresh = before.latest !== null && old.indexOf(line) === -1;
      list.appendChild(element("li", fresh || (i === 0 && old[0] !== line && before.latest !== null) ? "new" : "", line));
    });
    before.latest = state.latest;
  }
  function drawMap(state) {
    var grid = document.getElementById("grid");
    var cols = state.grid.cols, rows = state.grid.rows;
    grid.setAttribute("viewBox", [-0.6, -0.6, cols + 0.7, rows + 0.7].join(" "));
    grid.replaceChildren();
    for (var c = 0; c < cols; c++) {
      var top = svg("text", { x: c + 0.5, y: -0.3, class: "edge" });
      top.textContent = column(c);
      grid.appendChild(top);
    }
    for (var r = 0; r < rows; r++) {
      var side = svg("text", { x: -0.3, y: r + 0.5, class: "edge" });
      side.textContent = String(r + 1);
      grid.appendChild(side);
    }
    var old = before.cells || {};
    for (r = 0; r < rows; r++) {
      for (c = 0; c < cols; c++) {
        var name = column(c) + (r + 1);
        var counts = state.cells[name] || [0, 0, 0];
        var total = counts[0] + counts[1] + counts[2];
        grid.appendChild(svg("rect", { x: c, y: r, width: 1, height: 1, class: total ? "cell busy" : "cell" }));
        if (!total) continue;
        var was = old[name] || [0, 0, 0];
        if (total > 9) {  // a crowded cell: one marker per kind present, with the count
          var n = 0;
          for (var k = 0; k < 3; k++) {
            if (!counts[k]) continue;
            var y = r + 0.2 + n * 0.3;
            grid.appendChild(shape(k, c + 0.22, y, 0.1, counts[k] > was[k] && before.cells ? "fresh" : ""));
            var label = svg("text", { x: c + 0.62, y: y, class: "count" });
            label.textContent = String(counts[k]);
            grid.appendChild(label);
            n++;
          }
          continue;
        }
        var i = 0;
        for (k = 0; k < 3; k++) {
          for (var j = 0; j < counts[k]; j++, i++) {
            var x = c + 0.2 + (i % 3) * 0.3, yy = r + 0.2 + Math.floor(i / 3) * 0.3;
            grid.appendChild(shape(k, x, yy, 0.11, j >= was[k] && before.cells ? "fresh" : ""));
          }
        }
      }
    }
    before.cells = state.cells;
    var key = document.getElementById("key");
    key.replaceChildren();
    state.kinds.forEach(function (label, k) {
      var item = element("li");
      var holder = svg("svg", { viewBox: "-0.15 -0.15 0.3 0.3" });
      holder.appendChild(shape(k, 0, 0, 0.12));
      item.appendChild(holder);
      item.appendChild(document.createTextNode(label));
      key.appendChild(item);
    });
  }
  function status(text) {
    var line = document.getElementById("status");
    line.textContent = text || "";
    line.hidden = !text;
  }
  function draw(state) {
    if (state.error) { status(state.error); return; }
    status("");
    document.getElementById("name").textContent = state.name;
    document.getElementById("latest-title").textContent = state.latest_title;
    drawCounts(state.counts);
    drawLatest(state);
    drawMap(state);
  }

  draw(JSON.parse(document.getElementById("initial").textContent));
  var source = new EventSource("/events" + query);
  source.onmessage = function (event) { draw(JSON.parse(event.data)); };
  source.onerror = function () {  // the browser tries again by itself
    status(document.getElementById("status").dataset.offline);
  };
})();
