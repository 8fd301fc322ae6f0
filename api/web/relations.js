/* relations.js — the document view of the search page (?doc=ID[&as_of=DATE]):
   the document's status as of the date and its relation diagram ("lược đồ"),
   drawn here as SVG from GET v1/documents/{id}/relations. The document sits
   in the middle; what it rests on and acts on (căn cứ, hướng dẫn, sửa đổi,
   thay thế, bãi bỏ…) on the left, the texts acting on it on the right, one
   group per kind. Every node is a link: to that document's own view when the
   index holds it, else to a search for it. No external assets. */
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var COLORS = { basis: "#4a5a78", guides: "#2f7d6d", amends: "#b26b00", replaces: "#a23b3b",
                 repeals: "#a23b3b", suspends: "#7a4fa0", corrects: "#5f6b7a" };
  var GROUP_OUT = { basis: "Căn cứ", guides: "Hướng dẫn, quy định chi tiết", amends: "Sửa đổi, bổ sung",
                    replaces: "Thay thế", repeals: "Bãi bỏ", suspends: "Đình chỉ", corrects: "Đính chính" };
  var GROUP_IN = { basis: "Được căn cứ bởi", guides: "Được hướng dẫn bởi", amends: "Được sửa đổi, bổ sung bởi",
                   replaces: "Bị thay thế bởi", repeals: "Bị bãi bỏ bởi", suspends: "Bị đình chỉ bởi",
                   corrects: "Được đính chính bởi" };
  var KINDS = ["basis", "guides", "amends", "replaces", "repeals", "suspends", "corrects"];
  var FORCE = { "in-force": "Còn hiệu lực", amended: "Còn hiệu lực, đã được sửa đổi, bổ sung",
                "partly-repealed": "Hết hiệu lực một phần", "not-yet": "Chưa có hiệu lực",
                suspended: "Ngưng hiệu lực", repealed: "Hết hiệu lực", replaced: "Hết hiệu lực (bị thay thế)",
                expired: "Không còn phù hợp", unknown: "Không rõ" };
  var NODE_W = 250, NODE_H = 44, GAP = 8, HEAD = 22, COL_GAP = 90;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function fmtDate(d) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : (d || "");
  }
  function cut(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function docHref(id, asOf) {
    return "?doc=" + encodeURIComponent(id) + (asOf ? "&as_of=" + encodeURIComponent(asOf) : "");
  }
  function provision(r) {
    if (!r.article) return "";
    return (r.point ? "điểm " + r.point + " " : "") + (r.clause ? "khoản " + r.clause + " " : "") +
           "Điều " + r.article;
  }

  /* one node per other document and kind, with the provisions it touches */
  function groups(rels, dir) {
    var out = [];
    KINDS.forEach(function (k) {
      var nodes = [], byKey = {};
      rels.forEach(function (r) {
        if (r.direction !== dir || r.kind !== k) return;
        var key = r.document.id || r.document.citation;
        var n = byKey[key];
        if (!n) {
          n = byKey[key] = { doc: r.document, provisions: [], effective: r.effective, in_effect: r.in_effect };
          nodes.push(n);
        }
        var p = provision(r);
        if (p && n.provisions.indexOf(p) < 0) n.provisions.push(p);
        if (!r.in_effect) n.in_effect = false;
      });
      if (nodes.length) out.push({ kind: k, label: (dir === "out" ? GROUP_OUT : GROUP_IN)[k], nodes: nodes });
    });
    return out;
  }

  function columnHeight(gs) {
    var h = 0;
    gs.forEach(function (g) { h += HEAD + g.nodes.length * (NODE_H + GAP) + GAP; });
    return h;
  }

  /* a node: a link around a box with two lines of text */
  function node(x, y, n, kind, asOf) {
    var href = n.doc.id ? docHref(n.doc.id, asOf) : "?q=" + encodeURIComponent(n.doc.citation);
    var a = svg("a", { href: href, "class": "node" + (n.doc.id ? "" : " missing"),
                       "data-doc": n.doc.id || "" });
    var tip = n.doc.citation + (n.doc.title && n.doc.citation.indexOf(n.doc.title) < 0 ? " — " + n.doc.title : "") +
              (n.provisions.length ? "\n" + n.provisions.join("; ") : "") +
              (n.effective ? "\nHiệu lực từ " + fmtDate(n.effective) : "") +
              (n.doc.id ? "" : "\n(không có trong chỉ mục: bấm để tìm)");
    a.appendChild(svg("title", {}, tip));
    a.appendChild(svg("rect", { x: x, y: y, width: NODE_W, height: NODE_H, rx: 5,
                                fill: n.doc.id ? "#fff" : "#f4f4f4", stroke: COLORS[kind],
                                "stroke-width": 1.5, "stroke-dasharray": n.in_effect ? "" : "5 3" }));
    a.appendChild(svg("text", { x: x + 8, y: y + 18, "font-size": 12.5, fill: "#1a1a1a" },
                      cut(n.doc.citation, 38)));
    var sub = n.provisions.length ? cut(n.provisions.join("; "), 40)
            : (n.doc.title && n.doc.citation.indexOf(n.doc.title) < 0 ? cut(n.doc.title, 40) : "");
    if (!n.in_effect && n.effective) sub = "từ " + fmtDate(n.effective) + (sub ? " · " + sub : "");
    if (sub) a.appendChild(svg("text", { x: x + 8, y: y + 35, "font-size": 11, fill: "#555" }, sub));
    return a;
  }

  function draw(data, asOf) {
    var left = groups(data.relations, "out"), right = groups(data.relations, "in");
    var midW = NODE_W, width = NODE_W * 3 + COL_GAP * 2;
    var height = Math.max(columnHeight(left), columnHeight(right), NODE_H * 2) + 20;
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", role: "img",
                            "aria-label": "Lược đồ quan hệ của " + (data.number || data.id) });
    var cx = NODE_W + COL_GAP, cy = height / 2 - NODE_H;
    var links = svg("g", { "class": "edges" }), nodes = svg("g", { "class": "nodes" });
    root.appendChild(links);
    root.appendChild(nodes);
    [[left, 0, cx], [right, cx + midW + COL_GAP, cx + midW]].forEach(function (col) {
      var y = 10;
      col[0].forEach(function (g) {
        nodes.appendChild(svg("text", { x: col[1], y: y + 14, "font-size": 12, "font-weight": "bold",
                                        fill: COLORS[g.kind], "class": "group" }, g.label));
        y += HEAD;
        g.nodes.forEach(function (n) {
          nodes.appendChild(node(col[1], y, n, g.kind, asOf));
          var fromX = col[1] === 0 ? NODE_W : col[1];
          links.appendChild(svg("path", { d: "M" + fromX + " " + (y + NODE_H / 2) + " C" +
                                          ((fromX + col[2]) / 2) + " " + (y + NODE_H / 2) + " " +
                                          ((fromX + col[2]) / 2) + " " + (cy + NODE_H) + " " +
                                          col[2] + " " + (cy + NODE_H),
                                          fill: "none", stroke: COLORS[g.kind], "stroke-width": 1.2,
                                          "stroke-opacity": 0.7 }));
          y += NODE_H + GAP;
        });
        y += GAP;
      });
    });
    var center = svg("g", { "class": "center" });
    center.appendChild(svg("rect", { x: cx, y: cy, width: midW, height: NODE_H * 2, rx: 6,
                                     fill: "#eef3fb", stroke: "#1f4e8c", "stroke-width": 2 }));
    center.appendChild(svg("text", { x: cx + 10, y: cy + 24, "font-size": 14, "font-weight": "bold",
                                     fill: "#1f4e8c" }, cut((data.type ? data.type + " " : "") + (data.number || data.id), 34)));
    center.appendChild(svg("text", { x: cx + 10, y: cy + 44, "font-size": 11.5, fill: "#333" },
                           cut(data.title || "", 42)));
    center.appendChild(svg("text", { x: cx + 10, y: cy + 66, "font-size": 11.5, fill: "#333" },
                           cut(FORCE[data.status.force] || data.status.force, 42)));
    nodes.appendChild(center);
    return root;
  }

  function view() {
    var box = document.getElementById("docview");
    if (!box) {
      box = el("section");
      box.id = "docview";
      var results = document.getElementById("results");
      results.parentNode.insertBefore(box, results);
    }
    return box;
  }

  function show() {
    var u = new URLSearchParams(location.search), id = u.get("doc"), asOf = u.get("as_of") || "";
    var box = view();
    while (box.firstChild) box.removeChild(box.firstChild);
    box.hidden = !id;
    box.removeAttribute("data-state");
    if (!id) return;
    document.title = id + " — Lược đồ văn bản";
    box.setAttribute("aria-busy", "true");
    box.appendChild(el("p", "loading", "Đang tải lược đồ…"));
    fetch("v1/documents/" + encodeURIComponent(id) + "/relations" +
          (asOf ? "?as_of=" + encodeURIComponent(asOf) : ""), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (x) {
        while (box.firstChild) box.removeChild(box.firstChild);
        if (!x.ok) {
          box.appendChild(el("p", "error", "Không xem được văn bản: " + ((x.j.error || {}).message || "")));
          box.setAttribute("data-state", "error");
          return;
        }
        var d = x.j;
        box.appendChild(el("h2", "doc-title", (d.type ? d.type + " " : "") + (d.number || d.id) +
                                              (d.title ? " — " + d.title : "")));
        var st = FORCE[d.status.force] || d.status.force;
        var line = "Tình trạng ngày " + fmtDate(d.as_of) + ": " + st +
                   (d.status.by ? " (" + d.status.by + ")" : "") +
                   (d.issued ? " · ban hành " + fmtDate(d.issued) : "") +
                   (d.effective ? " · hiệu lực " + fmtDate(d.effective) : "");
        box.appendChild(el("p", "doc-status", line));
        var form = el("form", "asof");
        var label = el("label", null, "Xem tại ngày ");
        var input = el("input");
        input.type = "date";
        input.name = "as_of";
        input.value = d.as_of;
        label.appendChild(input);
        var hidden = el("input");
        hidden.type = "hidden";
        hidden.name = "doc";
        hidden.value = id;
        var go = el("button", null, "Xem");
        go.type = "submit";
        form.appendChild(hidden);
        form.appendChild(label);
        form.appendChild(go);
        box.appendChild(form);
        if (!d.relations.length) box.appendChild(el("p", "none", "Chỉ mục không ghi nhận quan hệ nào của văn bản này."));
        else box.appendChild(draw(d, asOf));
        box.appendChild(el("p", "legend", "Trái: văn bản mà văn bản này căn cứ hoặc tác động; phải: văn bản tác động " +
                                          "đến nó. Nét đứt: chưa có hiệu lực vào ngày xem. Bấm vào một ô để xem văn bản đó."));
        if (d.truncated) box.appendChild(el("p", "note", "Chỉ đọc một phần các điều dẫn chiếu đến văn bản này."));
        box.setAttribute("data-state", "done");
      }, function () {
        while (box.firstChild) box.removeChild(box.firstChild);
        box.appendChild(el("p", "error", "Không kết nối được máy chủ."));
        box.setAttribute("data-state", "error");
      })
      .then(function () { box.removeAttribute("aria-busy"); });
  }

  window.addEventListener("popstate", show);
  show();
})();
