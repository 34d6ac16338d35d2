// policykg graph view: draws the knowledge graph on a canvas, offline, no library.
// Positions come precomputed from the export (a spring layout), so this script only
// draws, pans, zooms, searches, filters by type and shows a node's evidence.
// Deep links: #node=<id> selects a node, #q=<text> searches, on load.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var canvas = document.getElementById("view");
  var ctx = canvas.getContext("2d");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");
  var status = document.getElementById("status");
  var hidden = {};
  var selected = null;
  var matches = null;
  var view = {x: 0, y: 0, scale: 1};
  var neighbours = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e) {
    neighbours[e[0]].push([e[2], e[1], "→"]);
    neighbours[e[1]].push([e[2], e[0], "←"]);
  });

  function resize() {
    canvas.width = canvas.clientWidth * (window.devicePixelRatio || 1);
    canvas.height = canvas.clientHeight * (window.devicePixelRatio || 1);
    draw();
  }

  function fit() {
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
    view.scale = Math.min(w, h) / 2.3;
    view.x = w / 2;
    view.y = h / 2;
  }

  function screen(node) {
    return [view.x + node.x * view.scale, view.y + node.y * view.scale];
  }

  function visible(i) {
    return !hidden[data.nodes[i].type];
  }

  function draw() {
    var ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = 0.6;
    data.edges.forEach(function (e) {
      if (!visible(e[0]) || !visible(e[1])) { return; }
      var a = screen(data.nodes[e[0]]), b = screen(data.nodes[e[1]]);
      var near = selected !== null && (e[0] === selected || e[1] === selected);
      ctx.strokeStyle = near ? "#333" : "rgba(120,120,120,0.25)";
      ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
    });
    data.nodes.forEach(function (node, i) {
      if (!visible(i)) { return; }
      var p = screen(node);
      var faded = matches !== null && !matches[i];
      ctx.globalAlpha = faded ? 0.15 : 1;
      ctx.fillStyle = data.colours[node.type] || "#888";
      ctx.beginPath(); ctx.arc(p[0], p[1], i === selected ? 7 : 4, 0, 2 * Math.PI); ctx.fill();
      if (i === selected || (matches !== null && matches[i]) || view.scale > 900) {
        ctx.fillStyle = "#111"; ctx.font = "12px sans-serif";
        ctx.fillText(node.label.slice(0, 24), p[0] + 6, p[1] - 6);
      }
    });
    ctx.globalAlpha = 1;
  }

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  function show(i) {
    selected = i;
    var node = data.nodes[i];
    panel.textContent = "";
    panel.appendChild(text("h2", node.label));
    panel.appendChild(text("p", node.type + (node.page ? " · 第" + node.page + "页" : ""), "type"));
    if (node.document) { panel.appendChild(text("p", "《" + node.document + "》", "document")); }
    panel.appendChild(text("blockquote", node.evidence, "evidence"));
    var list = document.createElement("ul");
    neighbours[i].forEach(function (n) {
      var item = text("li", n[2] + " " + n[0] + " " + data.nodes[n[1]].label);
      item.addEventListener("click", function () { show(n[1]); });
      list.appendChild(item);
    });
    panel.appendChild(list);
    draw();
  }

  function find(query) {
    var q = query.trim();
    matches = null;
    if (q) {
      matches = data.nodes.map(function (n) { return n.label.indexOf(q) >= 0 || n.evidence.indexOf(q) >= 0; });
    }
    var count = matches ? matches.filter(Boolean).length : data.nodes.length;
    status.textContent = data.nodes.length + " nodes, " + data.edges.length + " edges" +
      (matches ? "; " + count + " match “" + q + "”" : "");
    draw();
  }

  function legend() {
    var box = document.getElementById("legend");
    Object.keys(data.colours).forEach(function (type) {
      var label = document.createElement("label");
      var check = document.createElement("input");
      check.type = "checkbox"; check.checked = true;
      check.addEventListener("change", function () { hidden[type] = !check.checked; draw(); });
      var swatch = text("span", "●", "swatch");
      swatch.style.color = data.colours[type];
      label.appendChild(check); label.appendChild(swatch);
      label.appendChild(document.createTextNode(type + " (" + (data.counts[type] || 0) + ")"));
      box.appendChild(label);
    });
  }

  function nearest(x, y) {
    var best = null, bestDistance = 100;
    data.nodes.forEach(function (node, i) {
      if (!visible(i)) { return; }
      var p = screen(node), d = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y);
      if (d < bestDistance) { best = i; bestDistance = d; }
    });
    return best;
  }

  var drag = null;
  canvas.addEventListener("mousedown", function (ev) { drag = [ev.offsetX, ev.offsetY, false]; });
  canvas.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    view.x += ev.offsetX - drag[0]; view.y += ev.offsetY - drag[1];
    drag = [ev.offsetX, ev.offsetY, true];
    draw();
  });
  canvas.addEventListener("mouseup", function (ev) {
    if (drag && !drag[2]) {
      var hit = nearest(ev.offsetX, ev.offsetY);
      if (hit !== null) { show(hit); }
    }
    drag = null;
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var factor = ev.deltaY < 0 ? 1.2 : 1 / 1.2;
    view.x = ev.offsetX - (ev.offsetX - view.x) * factor;
    view.y = ev.offsetY - (ev.offsetY - view.y) * factor;
    view.scale *= factor;
    draw();
  }, {passive: false});
  search.addEventListener("input", function () { find(search.value); });
  window.addEventListener("resize", resize);

  legend();
  fit();
  resize();
  var hash = new URLSearchParams(window.location.hash.slice(1));
  if (hash.get("q")) { search.value = hash.get("q"); }
  find(search.value);
  var wanted = data.nodes.findIndex(function (n) { return n.id === hash.get("node"); });
  if (wanted >= 0) { show(wanted); }
  document.body.setAttribute("data-ready", "true");
})();
