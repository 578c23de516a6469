// Draws the events-per-minute chart from the figures the server put in #rate-data, and redraws it
// whenever htmx swaps in fresh figures.
(function () {
  "use strict";
  var chart = null;

  function figures() {
    var data = document.getElementById("rate-data");
    if (!data) {
      return null;
    }
    var labels = data.dataset.labels ? data.dataset.labels.split(",") : [];
    var counts = data.dataset.counts ? data.dataset.counts.split(",").map(Number) : [];
    return { labels: labels, counts: counts };
  }

  function draw() {
    var element = document.getElementById("rate-chart");
    var data = figures();
    if (!element || !data || typeof echarts === "undefined") {
      return;
    }
    if (chart === null) {
      chart = echarts.init(element, null, { renderer: "canvas" });
      window.addEventListener("resize", function () { chart.resize(); });
    }
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.labels, axisTick: { alignWithLabel: true },
               axisLabel: { color: "#667085", interval: 9 } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: "#667085" },
               splitLine: { lineStyle: { color: "#eaecf0" } } },
      series: [{ name: "Events", type: "bar", data: data.counts, barMaxWidth: 14,
                 itemStyle: { color: "#e8590c", borderRadius: [3, 3, 0, 0] } }]
    });
    element.dataset.drawnTotal = String(data.counts.reduce(function (a, b) { return a + b; }, 0));
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
