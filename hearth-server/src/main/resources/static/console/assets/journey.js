// Draws a journey's funnel (runs per step) from the figures the server put in #funnel-data.
(function () {
  "use strict";
  function draw() {
    var element = document.getElementById("funnel-chart");
    var data = document.getElementById("funnel-data");
    if (!element || !data || typeof echarts === "undefined") {
      return;
    }
    var labels = data.dataset.labels ? data.dataset.labels.split(",") : [];
    var counts = data.dataset.counts ? data.dataset.counts.split(",").map(Number) : [];
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 100, right: 16, top: 8, bottom: 24 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: labels, inverse: true },
      series: [{ name: "Runs", type: "bar", data: counts, itemStyle: { color: "#e8590c" } }]
    });
    element.dataset.drawnTotal = String(counts.reduce(function (a, b) { return a + b; }, 0));
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
