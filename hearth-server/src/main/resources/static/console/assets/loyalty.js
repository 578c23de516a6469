// Draws the points-per-day chart of the loyalty page from the figures the server put in #points-data.
(function () {
  "use strict";

  function numbers(text) {
    return text ? text.split(",").map(Number) : [];
  }

  function draw() {
    var element = document.getElementById("points-chart");
    var data = document.getElementById("points-data");
    if (!element || !data || typeof echarts === "undefined") {
      return;
    }
    var earned = numbers(data.dataset.earned);
    var chart = echarts.init(element, null, { renderer: "canvas" });
    window.addEventListener("resize", function () { chart.resize(); });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: data.dataset.labels.split(","), axisLabel: { color: "#667085" } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: "#667085" } },
      series: [
        { name: "Earned", type: "bar", data: earned, itemStyle: { color: "#e8590c" } },
        { name: "Redeemed", type: "bar", data: numbers(data.dataset.redeemed), itemStyle: { color: "#1971c2" } },
        { name: "Expired", type: "bar", data: numbers(data.dataset.expired), itemStyle: { color: "#868e96" } }
      ]
    });
    element.dataset.drawnEarned = String(earned.reduce(function (a, b) { return a + b; }, 0));
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
