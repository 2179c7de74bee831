// 服务阵地 map and "near me": reads the JSON islands the page renders (no inline script under the CSP).
// The station list is rendered on the server; this only adds a Leaflet map when tiles load, and the
// geolocation button of 附近服务站 (asked only when the worker taps it).
(function () {
  "use strict";

  function island(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function popup(point, label) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = point.name;
    box.appendChild(title);
    var kind = document.createElement("div");
    kind.textContent = point.kind;
    box.appendChild(kind);
    if (point.url) {
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = label;
      box.appendChild(link);
    }
    return box;
  }

  var PLACE_COLOUR = "#2e7d32";
  var LEVEL_COLOURS = { red: "#c62828", orange: "#ef6c00", yellow: "#f9a825", blue: "#1565c0" };

  function dotColour(point) {
    if (point.layer === "warning") return LEVEL_COLOURS[point.level] || LEVEL_COLOURS.red;
    return PLACE_COLOUR;
  }

  function drawMap() {
    var holder = document.getElementById("station-map");
    var config = island("map-config");
    var points = island("map-points") || [];
    var here = island("map-here");
    if (!holder || !config || !window.L) return;
    var map = L.map(holder, { scrollWheelZoom: false });
    // Leaflet's default prefix carries a flag icon; a plain credit suits a union's page.
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(config.tiles, {
      subdomains: config.subdomains || "abc",
      attribution: config.attribution,
      maxZoom: 18,
    }).addTo(map);
    var bounds = [];
    points.forEach(function (p) {
      // Stations are pins; other places near the worker (特惠商户) are small green dots; warnings (the rights
      // staff's map) are dots in their level's colour, red when the point does not say (they were drawn green).
      var colour = dotColour(p);
      var marker = p.layer ? L.circleMarker([p.lat, p.lng], { radius: 6, color: colour, fillColor: colour, fillOpacity: 0.8 }) : L.marker([p.lat, p.lng]);
      marker.addTo(map).bindPopup(popup(p, config.labels.open));
      bounds.push([p.lat, p.lng]);
    });
    if (here) {
      L.circleMarker(here, { radius: 7, color: "#c62828", fillOpacity: 0.8 })
        .addTo(map)
        .bindPopup(config.labels.here);
      bounds.push(here);
    }
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else if (bounds.length) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    } else {
      map.setView([35.0, 105.0], 4);
    }
    holder.classList.add("map-ready");
  }

  function locateButton() {
    var button = document.getElementById("locate");
    var form = document.getElementById("near-form");
    var status = document.getElementById("locate-status");
    if (!button || !form) return;
    if (!("geolocation" in navigator)) {
      button.disabled = true;
      if (status) status.textContent = button.dataset.unsupported;
      return;
    }
    button.addEventListener("click", function () {
      if (status) status.textContent = button.dataset.asking;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // About 100 m is enough to find nearby stations; a worker's exact position never reaches a URL or a log.
          form.elements.lat.value = position.coords.latitude.toFixed(3);
          form.elements.lng.value = position.coords.longitude.toFixed(3);
          if (form.elements.region) form.elements.region.value = "";
          form.submit();
        },
        function () {
          if (status) status.textContent = button.dataset.denied;
        },
        { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 }
      );
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    locateButton();
    try {
      drawMap();
    } catch (e) {
      // A map that cannot be drawn leaves the server-rendered list as it is.
    }
  });
})();
