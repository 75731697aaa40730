// The index page's time slider: a day of the calendar at a time, one day's control on the map.
// The slider runs over calendar days; a day without a page shows the state of the last rendered day
// before it (state persists until the next claim). All text reaches the page through textContent.
(function (map, data) {
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var DAY_MS = 86400000;
  var layer = L.geoJSON(null, {
    style: function (f) { return f.properties.style; },
    onEachFeature: function (f, l) {
      var tip = document.createElement("div");
      tip.className = "gc-tip";
      tip.textContent = f.properties.tip;
      l.bindTooltip(tip, {sticky: true});
    }
  }).addTo(map);
  var slider = document.getElementById("gc-slider");
  var label = document.getElementById("gc-day");
  var note = document.getElementById("gc-asof");
  var areas = document.getElementById("gc-areas");
  var observed = document.getElementById("gc-observed");
  var pageLink = document.getElementById("gc-page");
  var chart = document.getElementById("gc-chart-svg");
  var cursor = document.getElementById("gc-cursor");
  function parse(d) { return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)); }
  var start = parse(data.start);
  var offsets = data.days.map(function (day) { return Math.round((parse(day.d) - start) / DAY_MS); });
  function iso(offset) { return new Date(start + offset * DAY_MS).toISOString().slice(0, 10); }
  var current = -1;
  function feature(ref) {
    var style = data.styles[ref[1]];
    return {type: "Feature", properties: {style: style, tip: ref[2], kind: style.className}, geometry: data.geoms[ref[0]]};
  }
  function moveCursor(offset) {
    if (!chart || !cursor) { return; }
    var x0 = parseFloat(chart.getAttribute("data-x0")), x1 = parseFloat(chart.getAttribute("data-x1"));
    var x = data.span ? x0 + (x1 - x0) * offset / data.span : x1;
    cursor.setAttribute("x1", String(x));
    cursor.setAttribute("x2", String(x));
    cursor.setAttribute("visibility", "visible");
  }
  // Show rendered day i; `offset` is the calendar day chosen (default: day i itself).
  function show(i, offset) {
    i = Math.max(0, Math.min(data.days.length - 1, i));
    if (offset === undefined) { offset = offsets[i]; }
    var day = data.days[i];
    if (i !== current) {
      layer.clearLayers();
      layer.addData({type: "FeatureCollection", features: day.f.map(feature)});
      map.fire("gc:focus", {keys: day.k || []});
    }
    current = i;
    slider.value = String(offset);
    var shown = iso(offset);
    label.textContent = shown;
    note.textContent = shown === day.d ? "" : "no page for this day: the state as of " + day.d;
    areas.textContent = day.a;
    if (observed) { observed.textContent = day.o || ""; }
    if (DATE.test(day.d)) { pageLink.setAttribute("href", day.d + ".html"); }
    document.body.setAttribute("data-day", day.d);
    document.body.setAttribute("data-shown", shown);
    document.body.setAttribute("data-features", String(day.f.length));
    moveCursor(offset);
  }
  function dayAt(offset) {  // the last rendered day on or before this calendar day
    var i = 0;
    while (i + 1 < offsets.length && offsets[i + 1] <= offset) { i++; }
    return i;
  }
  slider.addEventListener("input", function () {
    var v = parseInt(slider.value, 10);
    show(dayAt(v), v);
  });
  if (chart) {
    chart.addEventListener("click", function (ev) {  // click the chart: go to that day
      var pt = chart.createSVGPoint();
      pt.x = ev.clientX; pt.y = ev.clientY;
      var p = pt.matrixTransform(chart.getScreenCTM().inverse());
      var x0 = parseFloat(chart.getAttribute("data-x0")), x1 = parseFloat(chart.getAttribute("data-x1"));
      var v = Math.round(x1 > x0 ? (p.x - x0) / (x1 - x0) * data.span : 0);
      v = Math.max(0, Math.min(data.span, v));
      show(dayAt(v), v);
    });
  }
  document.getElementById("gc-prev").addEventListener("click", function () {
    var v = parseInt(slider.value, 10);
    show(offsets[current] < v ? current : current - 1);
  });
  document.getElementById("gc-next").addEventListener("click", function () { show(current + 1); });
  var timer = null;
  var play = document.getElementById("gc-play");
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25B6 play"; return; }
    if (current >= data.days.length - 1) { show(0); }
    play.textContent = "\u275A\u275A pause";
    timer = setInterval(function () {
      if (current >= data.days.length - 1) { clearInterval(timer); timer = null; play.textContent = "\u25B6 play"; return; }
      show(current + 1);
    }, 700);
  });
  show(data.days.length - 1);
  window.geoclaimsSlider = {show: show, count: data.days.length, current: function () { return current; },
                            offsets: offsets.slice(), span: data.span, showDate: function (d) {
                              var v = Math.round((parse(d) - start) / DAY_MS); show(dayAt(v), v); }};
})
