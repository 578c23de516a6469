// Draws the models page's CLV and churn calibration and drift charts from the figures the server put in data-*
// attributes; each chart marks itself drawn so tests (and people) can tell.
(function () {
  "use strict";

  function numbers(text) {
    return text ? text.split(",").map(Number) : [];
  }

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element || typeof echarts === "undefined") {
      return;
    }
    echarts.init(element, null, { renderer: "canvas" }).setOption(option(element.dataset));
    element.dataset.drawn = "true";
  }

  function axes(labels) {
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: labels, axisLabel: { color: "#667085" } },
      yAxis: { type: "value", axisLabel: { color: "#667085" }, splitLine: { lineStyle: { color: "#eaecf0" } } }
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw("calibration-chart", function (data) {
      var option = axes(data.labels.split(","));
      option.series = [
        { name: "actual", type: "bar", data: numbers(data.actual), itemStyle: { color: "#98a2b3" } },
        { name: "predicted (" + data.version + ")", type: "line", data: numbers(data.predicted),
          itemStyle: { color: "#e8590c" } }
      ];
      return option;
    });
    draw("churn-calibration-chart", function (data) {
      var predicted = numbers(data.predicted);
      var observed = numbers(data.observed);
      var customers = numbers(data.customers);
      var points = predicted.map(function (p, i) { return [p, observed[i], customers[i]]; });
      return {
        animation: false,
        grid: { left: 48, right: 16, top: 32, bottom: 36 },
        tooltip: { trigger: "item", formatter: function (p) {
          return "predicted " + p.value[0].toFixed(2) + ", observed " + p.value[1].toFixed(2)
            + " (" + p.value[2] + " customers)";
        } },
        legend: { top: 0 },
        xAxis: { type: "value", min: 0, max: 1, name: "predicted", nameLocation: "middle", nameGap: 22,
          axisLabel: { color: "#667085" } },
        yAxis: { type: "value", min: 0, max: 1, axisLabel: { color: "#667085" },
          splitLine: { lineStyle: { color: "#eaecf0" } } },
        series: [
          { name: "observed (" + data.version + ")", type: "line", data: points, symbolSize: 8,
            itemStyle: { color: "#e8590c" } },
          { name: "perfect", type: "line", data: [[0, 0], [1, 1]], symbol: "none",
            lineStyle: { color: "#98a2b3", type: "dashed" } }
        ]
      };
    });
    draw("drift-chart", function (data) {
      var option = axes(data.labels.split(","));
      var threshold = Number(data.threshold);
      option.series = [{
        name: "PSI (" + data.version + ")", type: "bar", data: numbers(data.psi),
        itemStyle: { color: function (p) { return p.value > threshold ? "#d92d20" : "#12b76a"; } },
        markLine: { symbol: "none", data: [{ yAxis: threshold, name: "alert" }], lineStyle: { color: "#d92d20" } }
      }];
      return option;
    });
  });
})();
