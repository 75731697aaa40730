// The index page's time slider: shows exactly one day's control at a time.
// All text reaches the page through textContent; the data is JSON.
(function (map, data) {
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var layer = L.geoJSON(null, {
    style: function (f) { return f.properties.style; },
    onEachFeature: function (f, l) {
      var tip = document.createElement("div");
      tip.textContent = f.properties.tip;
      l.bindTooltip(tip, {sticky: true});
    }
  }).addTo(map);
  var slider = document.getElementById("gc-slider");
  var label = document.getElementById("gc-day");
  var areas = document.getElementById("gc-areas");
  var pageLink = document.getElementById("gc-page");
  var current = -1;
  function feature(ref) {
    var props = {style: data.styles[ref[1]], tip: ref[2], kind: data.styles[ref[1]].className};
    return {type: "Feature", properties: props, geometry: data.geoms[ref[0]]};
  }
  function show(i) {
    i = Math.max(0, Math.min(data.days.length - 1, i));
    var day = data.days[i];
    layer.clearLayers();
    layer.addData({type: "FeatureCollection", features: day.f.map(feature)});
    current = i;
    slider.value = String(i);
    label.textContent = day.d;
    areas.textContent = day.a;
    if (DATE.test(day.d)) { pageLink.setAttribute("href", day.d + ".html"); }
    document.body.setAttribute("data-day", day.d);
    document.body.setAttribute("data-features", String(day.f.length));
  }
  slider.addEventListener("input", function () { show(parseInt(slider.value, 10)); });
  document.getElementById("gc-prev").addEventListener("click", function () { show(current - 1); });
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
  window.geoclaimsSlider = {show: show, count: data.days.length, current: function () { return current; }};
})
