// Campaign coverage charts: reads the JSON island the page renders (no inline script under the CSP).
(function () {
  function draw() {
    var island = document.getElementById("coverage-data");
    if (!island || !window.echarts) return;
    var data = JSON.parse(island.textContent);
    var children = document.getElementById("chart-children");
    if (children) {
      echarts.init(children).setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: [data.labels.planned, data.labels.reached, data.labels.value] },
        grid: { left: 48, right: 56, top: 40, bottom: 80 },
        xAxis: { type: "category", data: data.children, axisLabel: { rotate: 30 } },
        yAxis: [{ type: "value" }, { type: "value" }],
        series: [
          { name: data.labels.planned, type: "bar", data: data.planned },
          { name: data.labels.reached, type: "bar", data: data.reached },
          { name: data.labels.value, type: "line", yAxisIndex: 1, data: data.value },
        ],
      });
    }
    var kinds = document.getElementById("chart-kinds");
    if (kinds) {
      echarts.init(kinds).setOption({
        animation: false,
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: ["35%", "65%"], data: data.kinds }],
      });
    }
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
