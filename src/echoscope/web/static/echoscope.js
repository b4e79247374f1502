/* echoscope web viewer: progressive enhancement for server pages and the static export.
 * D3 v3 only (global `d3`). No eval, no innerHTML: untrusted text goes in via .text()/textContent. */
(function () {
  'use strict';

  // bidi embeddings, overrides, isolates and marks, and C0/C1 controls: stripped from SVG labels
  var BIDI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  var seq = 0;                                  // per-page widget counter (unique marker ids)
  var redrawers = [];

  function safeHref(h) {
    if (typeof h !== 'string') return null;
    var s = h.trim();
    if (!s) return null;
    var probe = s.replace(/[\u0000-\u0020\u007F]/g, '');  // browsers drop tabs/newlines inside URLs
    if (/^[a-z][a-z0-9+.\-]*:/i.test(probe)) return null;  // any scheme (javascript:, data:, http:)
    if (/^[\/\\]{2}/.test(probe)) return null;             // protocol-relative //host or /\host
    return s;
  }
  function go(h) { var u = safeHref(h); if (u) window.location.assign(u); }
  function attrJSON(el, name) { var raw = el.getAttribute(name); return raw ? JSON.parse(raw) : null; }
  function clean(s) { return String(s == null ? '' : s).replace(BIDI, ''); }
  function trunc(s, n) { var a = Array.from(s); return a.length > n ? a.slice(0, n - 1).join('') + '\u2026' : s; }
  function widthOf(el) { return Math.max(320, Math.floor(el.clientWidth || el.getBoundingClientRect().width || 720)); }
  function host(el) {                           // our own child container, replaced on redraw
    if (el._esHost && el._esHost.parentNode === el) el.removeChild(el._esHost);
    var d = document.createElement('div');
    d.className = 'es-render';
    el.appendChild(d);
    el._esHost = d;
    return d;
  }
  function caption(parent, text, cls) {
    var p = document.createElement('div');
    p.className = cls || 'caption muted';
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }

  var TIME_FORMATS = null;
  function parseTime(t) {
    if (typeof t !== 'string' && typeof t !== 'number') return null;
    if (!TIME_FORMATS) {
      TIME_FORMATS = ['%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M',
        '%Y-%m-%d', '%Y-%m', '%Y'].map(function (f) { return d3.time.format(f); });
    }
    // Times are shown as written (wall-clock of the source): drop fractional seconds and zone suffix.
    var s = String(t).trim().replace(/(\.\d+)?(Z|[+\-]\d{2}:?\d{2})$/i, '');
    for (var i = 0; i < TIME_FORMATS.length; i++) {
      var d = TIME_FORMATS[i].parse(s);
      if (d && !isNaN(+d)) return d;
    }
    return null;
  }

  /* ---------- 1. timeline ---------- */
  function timeline(el) {
    var spec = attrJSON(el, 'data-timeline') || {};
    var items = Array.isArray(spec.items) ? spec.items : [];
    var colorBy = clean(spec.color_by || 'group');
    var dated = [], undated = 0;
    items.forEach(function (it) {
      var d = it ? parseTime(it.t) : null;
      if (!d) { undated++; return; }
      dated.push({ t: d, group: clean(it.group) || '(unknown)', label: clean(it.label),
        href: safeHref(it.href), first: it.role === 'first' });
    });
    var stats = new Map();
    dated.forEach(function (d) {
      var s = stats.get(d.group);
      if (!s) stats.set(d.group, s = { name: d.group, n: 0, min: d.t });
      s.n++;
      if (d.t < s.min) s.min = d.t;
    });
    var groups = Array.from(stats.values()), MAXL = 25, other = 0;
    if (groups.length > MAXL) {
      groups.sort(function (a, b) { return b.n - a.n || a.min - b.min; });
      other = groups.length - (MAXL - 1);
      groups = groups.slice(0, MAXL - 1);
    }
    groups.sort(function (a, b) { return a.min - b.min || (a.name < b.name ? -1 : 1); });
    var laneOf = new Map();
    groups.forEach(function (g, i) { laneOf.set(g.name, i); });
    var lanes = groups.map(function (g) { return { name: g.name, full: g.name + ' (' + g.n + ')' }; });
    if (other) lanes.push({ name: 'other', full: 'other: ' + other + ' more', other: true });
    dated.forEach(function (d) { d.lane = laneOf.has(d.group) ? laneOf.get(d.group) : lanes.length - 1; });
    var cat = d3.scale.category10().domain(d3.range(10));
    function color(i) { return i < 10 && !(lanes[i] && lanes[i].other) ? cat(i) : '#9a9a9a'; }
    dated.sort(function (a, b) { return (a.first - b.first) || (a.t - b.t); });  // "first" drawn on top

    var lastW = -1;
    function draw(force) {
      var W = widthOf(el);
      if (!force && W === lastW) return;
      lastW = W;
      var box = host(el);
      if (dated.length) {
        var m = { t: 8, r: 18, b: 26, l: 176 }, LH = 22;
        var H = m.t + m.b + lanes.length * LH;
        var ext = d3.extent(dated, function (d) { return d.t; });
        if (+ext[0] === +ext[1]) ext = [d3.time.day.offset(ext[0], -1), d3.time.day.offset(ext[1], 1)];
        var x = d3.time.scale().domain(ext).range([m.l, W - m.r]).nice();
        var svg = d3.select(box).append('svg').attr('width', W).attr('height', H)
          .attr('class', 'timeline-svg').attr('role', 'img')
          .attr('aria-label', 'timeline of ' + dated.length + ' occurrences');
        var lane = svg.append('g').attr('class', 'lanes').selectAll('g').data(lanes).enter().append('g')
          .attr('transform', function (d, i) { return 'translate(0,' + (m.t + i * LH) + ')'; });
        lane.append('rect').attr('class', function (d, i) { return 'lane' + (i % 2 ? ' odd' : ''); })
          .attr('x', m.l).attr('width', W - m.l - m.r).attr('height', LH);
        lane.append('circle').attr('cx', 8).attr('cy', LH / 2).attr('r', 4)
          .attr('fill', function (d, i) { return color(i); });
        var lbl = lane.append('text').attr('class', 'lane-label').attr('x', m.l - 8).attr('y', LH / 2)
          .attr('dy', '.35em').attr('text-anchor', 'end').text(function (d) { return trunc(d.name, 22); });
        lbl.append('title').text(function (d) { return d.full; });
        svg.append('g').attr('class', 'axis x').attr('transform', 'translate(0,' + (H - m.b) + ')')
          .call(d3.svg.axis().scale(x).orient('bottom').ticks(Math.max(2, Math.floor((W - m.l) / 95))));
        var pts = svg.append('g').attr('class', 'points').selectAll('circle').data(dated).enter().append('circle')
          .attr('class', function (d) { return 'pt' + (d.first ? ' first' : '') + (d.href ? ' link' : ''); })
          .attr('cx', function (d) { return x(d.t); })
          .attr('cy', function (d) { return m.t + d.lane * LH + LH / 2; })
          .attr('r', function (d) { return d.first ? 8 : 5; })
          .attr('fill', function (d) { return color(d.lane); })
          .attr('stroke', function (d) { return d.first ? '#111' : '#fff'; })
          .attr('stroke-width', function (d) { return d.first ? 2.5 : 1; })
          .attr('tabindex', function (d) { return d.href ? 0 : null; })
          .on('click', function (d) { go(d.href); })
          .on('keydown', function (d) { if (d3.event.key === 'Enter') go(d.href); });
        pts.append('title').text(function (d) { return (d.first ? 'first use \u00b7 ' : '') + (d.label || d.group); });
      }
      var cap = dated.length ? 'coloured by ' + colorBy + ' \u00b7 larger dark-ringed dot = first use'
        : 'no dated occurrences';
      if (undated) cap += ' \u00b7 ' + undated + ' undated';
      caption(box, cap);
    }
    draw(true);
    redrawers.push(draw);
  }

  /* ---------- 2. activity bars ---------- */
  function activity(el) {
    var raw = attrJSON(el, 'data-activity');
    var rows = (Array.isArray(raw) ? raw : []).map(function (r) {
      return r && { d: parseTime(r.day), day: clean(r.day), docs: Math.max(0, +r.docs || 0), echoes: Math.max(0, +r.echoes || 0) };
    }).filter(function (r) { return r && r.d; }).sort(function (a, b) { return a.d - b.d; });
    var lastW = -1;
    function draw(force) {
      var W = widthOf(el);
      if (!force && W === lastW) return;
      lastW = W;
      var box = host(el);
      if (!rows.length) { caption(box, 'no activity'); return; }
      var m = { t: 10, r: 14, b: 26, l: 42 }, H = 200;
      var x0 = rows[0].d, x1 = d3.time.day.offset(rows[rows.length - 1].d, 1);
      var x = d3.time.scale().domain([x0, x1]).range([m.l, W - m.r]);
      var ymax = d3.max(rows, function (r) { return Math.max(r.docs, r.echoes); }) || 1;
      var y = d3.scale.linear().domain([0, ymax]).nice().range([H - m.b, m.t]);
      var days = Math.max(1, d3.time.day.range(x0, x1).length);
      var dayW = (W - m.l - m.r) / days, bw = Math.max(1, dayW > 4 ? dayW - 1 : dayW);
      var svg = d3.select(box).append('svg').attr('width', W).attr('height', H)
        .attr('role', 'img').attr('aria-label', 'documents and echoes per day');
      svg.append('g').attr('class', 'axis y').attr('transform', 'translate(' + m.l + ',0)')
        .call(d3.svg.axis().scale(y).orient('left').tickFormat(d3.format('d'))
          .tickValues(y.ticks(5).filter(function (v) { return v === Math.floor(v); })));
      svg.append('g').attr('class', 'axis x').attr('transform', 'translate(0,' + (H - m.b) + ')')
        .call(d3.svg.axis().scale(x).orient('bottom').ticks(Math.max(2, Math.floor(W / 100))));
      var bar = svg.append('g').attr('class', 'bars').selectAll('g').data(rows).enter().append('g')
        .attr('transform', function (r) { return 'translate(' + x(r.d) + ',0)'; });
      bar.append('title').text(function (r) { return r.day + ': ' + r.docs + ' documents, ' + r.echoes + ' echoes'; });
      bar.append('rect').attr('class', 'docs').attr('width', bw)
        .attr('y', function (r) { return y(r.docs); })
        .attr('height', function (r) { return Math.max(0, y(0) - y(r.docs)); });
      bar.append('rect').attr('class', 'echoes').attr('width', bw)
        .attr('y', function (r) { return y(r.echoes); })
        .attr('height', function (r) { return Math.max(0, y(0) - y(r.echoes)); });
      var lg = document.createElement('div');
      lg.className = 'legend';
      [['docs', 'documents'], ['echoes', 'echoes (documents repeating a talking point)']].forEach(function (p) {
        var sw = document.createElement('span');
        sw.className = 'sw ' + p[0];
        lg.appendChild(sw);
        lg.appendChild(document.createTextNode(' ' + p[1] + ' '));
      });
      box.appendChild(lg);
    }
    draw(true);
    redrawers.push(draw);
  }

  /* ---------- 3. network ---------- */
  function network(el) {
    var g = attrJSON(el, 'data-graph') || {};
    var idx = new Map(), nodes = [];
    (Array.isArray(g.nodes) ? g.nodes : []).forEach(function (n) {
      if (!n || n.id == null || idx.has(String(n.id))) return;
      idx.set(String(n.id), nodes.length);
      nodes.push({ id: String(n.id), label: clean(n.label != null ? n.label : n.id), href: safeHref(n.href),
        size: Math.max(0, +n.size || 1), focus: !!n.focus });
    });
    var seen = new Set(), links = [];
    (Array.isArray(g.links) ? g.links : []).forEach(function (l) {
      if (!l) return;
      var s = idx.get(String(l.source)), t = idx.get(String(l.target));
      if (s == null || t == null || s === t) return;
      seen.add(s + '>' + t);
      links.push({ source: s, target: t, count: Math.max(1, +l.count || 1), label: clean(l.label) });
    });
    links.forEach(function (l) { l.bi = seen.has(l.target + '>' + l.source); });
    var box = host(el);
    if (!nodes.length) { caption(box, 'no connections to show'); return; }
    var W = widthOf(el), H = 520;
    function rad(n) { return Math.min(24, 4 + 3 * Math.sqrt(n.size)); }
    // deterministic start: focus first, then biggest, on a sunflower spiral around the centre
    nodes.map(function (n, i) { return i; }).sort(function (a, b) {
      var A = nodes[a], B = nodes[b];
      return (B.focus - A.focus) || (B.size - A.size) || (A.id < B.id ? -1 : A.id > B.id ? 1 : 0);
    }).forEach(function (ni, k) {
      var a = k * 2.39996, r = 14 * Math.sqrt(k);
      nodes[ni].x = nodes[ni].px = W / 2 + r * Math.cos(a);
      nodes[ni].y = nodes[ni].py = H / 2 + r * Math.sin(a);
    });
    var force = d3.layout.force().nodes(nodes).links(links).size([W, H])
      .linkDistance(function (l) { return 70 + rad(l.source) + rad(l.target); })
      .charge(function (n) { return -180 - 30 * Math.sqrt(n.size); })
      .gravity(0.08);
    force.start();
    for (var i = 0; i < 300; i++) { if (force.tick()) break; }
    force.stop();

    var mid = 'es-arrow-' + (++seq);
    var svg = d3.select(box).append('svg').attr('width', W).attr('height', H)
      .attr('role', 'img').attr('aria-label', 'network of ' + nodes.length + ' nodes');
    svg.append('defs').append('marker').attr('id', mid).attr('viewBox', '0 -5 10 10')
      .attr('refX', 10).attr('refY', 0).attr('markerWidth', 9).attr('markerHeight', 9)
      .attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto')
      .append('path').attr('class', 'arrowhead').attr('d', 'M0,-5L10,0L0,5Z').attr('fill', '#777');
    var link = svg.append('g').attr('class', 'links').selectAll('line').data(links).enter().append('line')
      .attr('class', 'link').attr('stroke', '#999')
      .attr('stroke-width', function (l) { return Math.min(9, Math.sqrt(l.count)); })
      .attr('marker-end', 'url(#' + mid + ')');
    link.append('title').text(function (l) {
      return l.label || (l.source.label + ' \u2192 ' + l.target.label + ': ' + l.count);
    });
    var node = svg.append('g').attr('class', 'nodes').selectAll('g').data(nodes).enter().append('g')
      .attr('class', function (n) { return 'node' + (n.focus ? ' focus' : '') + (n.href ? ' link' : ''); })
      .on('click', function (n) { if (!d3.event.defaultPrevented) go(n.href); })
      .call(force.drag);
    node.append('circle').attr('r', rad)
      .attr('fill', function (n) { return n.focus ? '#d62728' : '#4e79a7'; })
      .attr('stroke', function (n) { return n.focus ? '#111' : '#fff'; })
      .attr('stroke-width', function (n) { return n.focus ? 2.5 : 1.5; });
    node.append('text').attr('dx', function (n) { return rad(n) + 3; }).attr('dy', '.35em')
      .text(function (n) { return trunc(n.label, 30); });
    node.append('title').text(function (n) { return n.label + ' (' + n.size + ')'; });

    function place() {
      nodes.forEach(function (n) {
        var r = rad(n) + 2;
        n.x = Math.max(r, Math.min(W - r, n.x));
        n.y = Math.max(r, Math.min(H - r, n.y));
      });
      link.each(function (l) {
        var dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        var ux = dx / d, uy = dy / d, o = l.bi ? 3 : 0, rs = rad(l.source), rt = rad(l.target) + 2;
        d3.select(this)
          .attr('x1', l.source.x + ux * rs - uy * o).attr('y1', l.source.y + uy * rs + ux * o)
          .attr('x2', l.target.x - ux * rt - uy * o).attr('y2', l.target.y - uy * rt + ux * o);
      });
      node.attr('transform', function (n) { return 'translate(' + n.x + ',' + n.y + ')'; });
    }
    force.on('tick', place);
    place();
    caption(box, 'node size \u221d \u221asize \u00b7 line width \u221d \u221acount \u00b7 drag to rearrange');
  }

  /* ---------- 4. side-by-side alignment ---------- */
  function sideBySide(sbs) {
    var panes = Array.prototype.filter.call(sbs.children, function (c) { return c.classList.contains('pane'); });
    if (panes.length < 2) panes = Array.from(sbs.querySelectorAll('.pane'));
    var wrap = sbs.parentElement && sbs.parentElement.classList.contains('sbs-wrap') ? sbs.parentElement
      : sbs.closest('.sbs-wrap');
    var toggle = wrap ? wrap.querySelector('input.sync-toggle') : null;
    var locked = null;
    if (panes.length >= 2) {
      panes.slice(0, 2).forEach(function (p, i, pair) {
        var other = pair[1 - i];
        p.addEventListener('scroll', function () {
          if (locked === p) { locked = null; return; }   // echo of our own programmatic scroll
          if (toggle && !toggle.checked) return;
          var span = p.scrollHeight - p.clientHeight, ospan = other.scrollHeight - other.clientHeight;
          if (span <= 0 || ospan <= 0) return;
          var top = Math.round(p.scrollTop / span * ospan);
          if (Math.abs(top - other.scrollTop) < 1) return;
          locked = other;
          other.scrollTop = top;
        }, { passive: true });
      });
    }
    var byK = new Map();
    Array.prototype.forEach.call(sbs.querySelectorAll('.tok[data-k]'), function (t) {
      var k = t.getAttribute('data-k');
      if (!byK.has(k)) byK.set(k, []);
      byK.get(k).push(t);
    });
    var cur = null;
    function light(k) {
      if (k === cur) return;
      if (cur !== null) (byK.get(cur) || []).forEach(function (t) { t.classList.remove('hl'); });
      cur = k;
      if (k !== null) (byK.get(k) || []).forEach(function (t) { t.classList.add('hl'); });
    }
    sbs.addEventListener('mouseover', function (e) {
      var t = e.target && e.target.closest ? e.target.closest('.tok[data-k]') : null;
      light(t && sbs.contains(t) ? t.getAttribute('data-k') : null);
    });
    sbs.addEventListener('mouseleave', function () { light(null); });
    if (wrap) sentenceMatches(wrap);
  }

  // A paraphrase or translation: the sentences of both sides (and the row of the list) that
  // share a match number light up together, on hover and on keyboard focus.
  function sentenceMatches(wrap) {
    var byM = new Map();
    Array.prototype.forEach.call(wrap.querySelectorAll('.sm[data-m], table.matches tr[data-m]'), function (el) {
      (el.getAttribute('data-m') || '').split(' ').forEach(function (m) {
        if (!m) return;
        if (!byM.has(m)) byM.set(m, []);
        byM.get(m).push(el);
      });
    });
    if (!byM.size) return;
    var lit = [];
    function light(el) {
      lit.forEach(function (t) { t.classList.remove('hl'); });
      lit = [];
      if (!el) return;
      (el.getAttribute('data-m') || '').split(' ').forEach(function (m) {
        (byM.get(m) || []).forEach(function (t) { t.classList.add('hl'); lit.push(t); });
      });
    }
    function from(e) {
      var el = e.target && e.target.closest ? e.target.closest('.sm[data-m], table.matches tr[data-m]') : null;
      light(el && wrap.contains(el) ? el : null);
    }
    wrap.addEventListener('mouseover', from);
    wrap.addEventListener('focusin', from);
    wrap.addEventListener('mouseleave', function () { light(null); });
    wrap.addEventListener('focusout', function (e) { if (!wrap.contains(e.relatedTarget)) light(null); });
  }

  /* ---------- 5. static search filter ---------- */
  function filter(input) {
    var target = null;
    try { target = document.querySelector(input.getAttribute('data-target') || ''); } catch (e) { target = null; }
    if (!target) return;
    var rows = Array.prototype.filter.call(target.querySelectorAll('li, tr'), function (r) {
      return r.tagName === 'LI' || (!r.closest('thead') && r.querySelector('td') !== null);
    });
    var texts = rows.map(function (r) { return (r.textContent || '').toLocaleLowerCase(); });
    var countSel = input.getAttribute('data-count'), countEl = null;
    try { countEl = countSel ? document.querySelector(countSel) : null; } catch (e) { countEl = null; }
    function apply() {
      var words = (input.value || '').toLocaleLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        r.style.display = ok ? '' : 'none';
        if (ok) shown++;
      });
      if (countEl) countEl.textContent = words.length ? shown + ' of ' + rows.length : '';
    }
    input.addEventListener('input', apply);
    input.addEventListener('search', apply);
    if (input.value) apply();
  }

  /* ---------- boot ---------- */
  function each(sel, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(sel), function (el) {
      try { fn(el); } catch (e) {
        if (window.console) console.error('echoscope widget failed:', sel, e);
        try { el.classList.add('js-error'); } catch (e2) { /* ignore */ }
      }
    });
  }
  function boot() {
    each('.js-only', function (el) { el.classList.add('shown'); });
    each('.sbs', sideBySide);
    each('input.filter[data-target], #filter[data-target]', function (el) {
      if (!el._esFilter) { el._esFilter = true; filter(el); }
    });
    if (!window.d3 || !d3.layout || !d3.time) return;   // charts need D3 v3
    each('.chart.timeline[data-timeline]', timeline);
    each('.chart.activity[data-activity]', activity);
    each('.network[data-graph]', network);
    var pending = null;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        redrawers.forEach(function (f) { try { f(false); } catch (e) { /* keep the old drawing */ } });
      }, 200);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
