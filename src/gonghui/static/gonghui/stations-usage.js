// A station's visits by hour of day and by day: reads the page's JSON island (no inline script under the CSP).
(function () {
  "use strict";
  function draw() {
    var island = document.getElementById("usage-data");
    if (!island || !window.echarts) return;
    var data = JSON.parse(island.textContent);
    var hours = document.getElementById("chart-hours");
    if (hours) {
      echarts.init(hours).setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        grid: { left: 40, right: 16, top: 16, bottom: 32 },
        xAxis: { type: "category", data: data.hours },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ name: data.labels.hour, type: "bar", data: data.by_hour }],
      });
    }
    var days = document.getElementById("chart-days");
    if (days) {
      echarts.init(days).setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        grid: { left: 40, right: 16, top: 16, bottom: 48 },
        xAxis: { type: "category", data: data.days },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ name: data.labels.day, type: "line", data: data.by_day }],
      });
    }
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
