// Draws the top items as a horizontal bar chart from the figures the page carries.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("top-chart");
  if (!element || typeof echarts === "undefined" || !element.dataset.labels) {
    return;
  }
  var labels = element.dataset.labels.split("|").reverse();
  var scores = element.dataset.scores.split(",").map(Number).reverse();
  var chart = echarts.init(element, null, { renderer: "canvas" });
  window.addEventListener("resize", function () { chart.resize(); });
  chart.setOption({
    animation: false,
    grid: { left: 140, right: 16, top: 8, bottom: 24 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", axisLabel: { color: "#667085" }, splitLine: { lineStyle: { color: "#eaecf0" } } },
    yAxis: { type: "category", data: labels, axisLabel: { color: "#667085" } },
    series: [{ name: "Popularity", type: "bar", data: scores, barMaxWidth: 14,
               itemStyle: { color: "#e8590c", borderRadius: [0, 3, 3, 0] } }]
  });
  element.setAttribute("data-rendered", "true");
});
