// 数据看板: sorts the breakdown table by a clicked header, draws the monthly trends and the breakdown's bar
// chart from the JSON islands the page renders (no inline script under the CSP). Without script the page still
// shows every number, its link and its definition.
(function () {
  "use strict";

  function island(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // --- sorting: children only (tbody); the own row and the total stay below in tfoot ---------------------------
  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    var raw = cell ? cell.getAttribute("data-value") : "";
    if (!numeric) return raw || (cell ? cell.textContent.trim() : "");
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n; // "—" (no value) sorts below every number
  }

  function sortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      th.tabIndex = 0;
      function sort() {
        var numeric = th.getAttribute("data-sort") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        if (numeric && !th.hasAttribute("aria-sort")) ascending = false; // numbers: largest first on the first click
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var order = numeric ? x - y : String(x).localeCompare(String(y), "zh-Hans-CN");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  }

  // --- charts -------------------------------------------------------------------------------------------------
  var charts = [];

  function trendCharts() {
    var data = island("trend-data");
    if (!data || !window.echarts) return;
    data.trends.forEach(function (trend) {
      var holder = document.querySelector('[data-trend="' + trend.key + '"]');
      if (!holder) return;
      var chart = echarts.init(holder);
      chart.setOption({
        animation: false,
        color: ["#c8102e", "#9aa4b1"],
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: [data.names.this, data.names.last] },
        grid: { left: 48, right: 16, top: 32, bottom: 28 },
        xAxis: { type: "category", data: data.months },
        yAxis: { type: "value", name: trend.unit, minInterval: 1 },
        series: [
          { name: data.names.this, type: "bar", data: trend.this },
          { name: data.names.last, type: "line", data: trend.last, connectNulls: false },
        ],
      });
      charts.push(chart);
    });
  }

  function breakdownChart() {
    var data = island("breakdown-data");
    var holder = document.getElementById("breakdown-chart");
    var pick = document.getElementById("chart-pick");
    if (!data || !holder || !window.echarts || !data.columns.length) return;
    var chart = echarts.init(holder);
    charts.push(chart);
    function draw(index) {
      var column = data.columns[index];
      chart.setOption({
        animation: false,
        color: ["#c8102e"],
        tooltip: { trigger: "axis" },
        grid: { left: 64, right: 16, top: 24, bottom: 96 },
        xAxis: { type: "category", data: data.names, axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: "value", name: column.unit },
        series: [{ name: column.label, type: "bar", data: column.values }],
      }, true);
    }
    draw(0);
    if (pick) pick.addEventListener("change", function () { draw(parseInt(pick.value, 10) || 0); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("breakdown-table");
    if (table) sortable(table);
    try {
      trendCharts();
      breakdownChart();
    } catch (e) {
      // A chart that cannot be drawn leaves the table and the cards as they are.
    }
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
