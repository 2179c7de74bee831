// 数据大屏: the map of stations and warning levels from the page's JSON island (no inline script under the CSP),
// a ticking clock, a full-screen button, and a reload of the whole page every few minutes for the figures and
// the map (the live counters refresh themselves through htmx every minute).
(function () {
  "use strict";

  var LEVEL_COLOURS = { red: "#ff4d4f", orange: "#fa8c16", yellow: "#fadb14" };
  var STATION_COLOUR = "#36cfc9";

  function island(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function drawMap() {
    var holder = document.getElementById("screen-map");
    var data = island("screen-map-data");
    if (!holder || !data || !window.L) return;
    var map = L.map(holder, { zoomControl: false, attributionControl: true, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    L.tileLayer(data.config.tiles, {
      subdomains: data.config.subdomains || "abc",
      attribution: data.config.attribution,
      maxZoom: 18,
    }).addTo(map);
    var bounds = [];
    // Unnamed markers only: the hall's screen shows where, never who.
    data.stations.forEach(function (p) {
      L.circleMarker(p, { radius: 4, color: STATION_COLOUR, weight: 1, fillOpacity: 0.8, interactive: false }).addTo(map);
      bounds.push(p);
    });
    data.warnings.forEach(function (w) {
      var colour = LEVEL_COLOURS[w.level] || LEVEL_COLOURS.red;
      L.circleMarker([w.lat, w.lng], { radius: 7, color: colour, weight: 2, fillColor: colour, fillOpacity: 0.7, interactive: false }).addTo(map);
      bounds.push([w.lat, w.lng]);
    });
    if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
    } else if (bounds.length === 1) {
      map.setView(bounds[0], 13);
    } else if (data.region) {
      map.setView(data.region, 10);
    } else {
      map.setView([35.0, 105.0], 4);
    }
    holder.classList.add("map-ready");
  }

  function clock() {
    var el = document.getElementById("screen-clock");
    if (!el) return;
    function pad(n) { return n < 10 ? "0" + n : String(n); }
    function tick() {
      var d = new Date();
      el.textContent = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
        pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
    }
    tick();
    setInterval(tick, 1000);
  }

  function fullScreen() {
    var button = document.getElementById("screen-full");
    var screen = document.getElementById("screen");
    if (!button || !screen || !screen.requestFullscreen) {
      if (button) button.hidden = true;
      return;
    }
    button.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else screen.requestFullscreen();
    });
  }

  function reloadLater() {
    var screen = document.getElementById("screen");
    var seconds = screen ? parseInt(screen.getAttribute("data-reload"), 10) : 0;
    if (seconds > 0) setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    clock();
    fullScreen();
    reloadLater();
    try {
      drawMap();
    } catch (e) {
      // Without tiles the figures and counters still fill the screen.
    }
  });
})();
