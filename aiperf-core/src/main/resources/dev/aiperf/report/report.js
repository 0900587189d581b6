// Draws report.html from the JSON in #aiperf-data with Apache ECharts (inlined above this script).
// Every number comes precomputed from the Java side; this script only lays out tables and charts.
// Each chart's element gets data-rendered="true" once ECharts has drawn it, and <body> gets
// data-report-ready="true" when every chart has: the headless-browser test waits for that.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('aiperf-data').textContent);
  var dark = data.theme === 'dark';
  var charts = [];
  var expected = 0;
  var rendered = 0;
  var root = document.getElementById('report');
  var LATENCIES = [
    ['time_to_first_token', 'Time to First Token', 'ms'],
    ['inter_token_latency', 'Inter Token Latency', 'ms'],
    ['request_latency', 'Request Latency', 'ms']
  ];
  var COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'];

  if (dark) {
    document.body.classList.add('dark');
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') {
        node.textContent = attrs[key];
      } else {
        node.setAttribute(key, attrs[key]);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function fmt(value) {
    if (value === null || value === undefined || typeof value !== 'number' || isNaN(value)) {
      return '\u2013';
    }
    return value.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  }

  function markReady() {
    document.body.setAttribute('data-charts-expected', String(expected));
    document.body.setAttribute('data-charts-rendered', String(rendered));
    if (rendered === expected) {
      document.body.setAttribute('data-report-ready', 'true');
    }
  }

  // One chart: a sized element, the common options (title, tooltip, toolbox with zoom/restore/save,
  // legend), and the "drawn" marker set on ECharts' 'finished' event.
  function chart(parent, id, title, option, wide) {
    var div = el('div', {'class': wide ? 'chart wide' : 'chart', id: id, 'data-chart': id});
    parent.appendChild(div);
    expected++;
    var instance = echarts.init(div, dark ? 'dark' : null, {renderer: 'canvas'});
    instance.on('finished', function () {
      if (div.getAttribute('data-rendered') !== 'true') {
        div.setAttribute('data-rendered', 'true');
        rendered++;
        markReady();
      }
    });
    var base = {
      color: COLORS,
      animation: false,
      title: {text: title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', confine: true},
      toolbox: {right: 10, top: 24, feature: {dataZoom: {}, restore: {}, saveAsImage: {}}},
      grid: {left: 64, right: 40, top: 84, bottom: 48, containLabel: false},
      legend: {top: 26, left: 10, type: 'scroll', width: '60%'}
    };
    Object.keys(option).forEach(function (key) {
      base[key] = option[key];
    });
    instance.setOption(base);
    charts.push(instance);
    return instance;
  }

  function zoom() {
    return [{type: 'inside', xAxisIndex: 0}, {type: 'slider', xAxisIndex: 0, height: 16, bottom: 6}];
  }

  function table(headers, rows, textColumns) {
    var head = el('tr', {}, headers.map(function (h, i) {
      return el('th', {'class': textColumns.indexOf(i) >= 0 ? 'text' : '', text: h});
    }));
    var body = rows.map(function (row) {
      return el('tr', {}, row.map(function (cell, i) {
        return el('td', {'class': textColumns.indexOf(i) >= 0 ? 'text' : '', text: cell === null ? '\u2013' : String(cell)});
      }));
    });
    return el('div', {'class': 'table-wrap'}, [el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)])]);
  }

  function metric(run, tag) {
    for (var i = 0; i < run.metrics.length; i++) {
      if (run.metrics[i].tag === tag) {
        return run.metrics[i];
      }
    }
    return null;
  }

  function cards(run) {
    var wanted = [
      ['request_throughput', 'avg', 'Request throughput'],
      ['output_token_throughput', 'avg', 'Output token throughput'],
      ['time_to_first_token', 'p50', 'TTFT p50'],
      ['time_to_first_token', 'p99', 'TTFT p99'],
      ['inter_token_latency', 'p50', 'ITL p50'],
      ['request_latency', 'p50', 'Request latency p50'],
      ['request_latency', 'p99', 'Request latency p99'],
      ['request_count', 'avg', 'Requests']
    ];
    var items = [];
    wanted.forEach(function (w) {
      var m = metric(run, w[0]);
      if (m && m[w[1]] !== null) {
        items.push(el('div', {'class': 'card'}, [
          el('div', {'class': 'value', text: fmt(m[w[1]])}),
          el('div', {'class': 'label', text: w[2] + ' (' + m.unit + ')'})
        ]));
      }
    });
    return el('div', {'class': 'cards'}, items);
  }

  function histogramChart(parent, id, name, unit, h) {
    var labels = [];
    for (var i = 0; i < h.counts.length; i++) {
      labels.push(((h.edges[i] + h.edges[i + 1]) / 2).toFixed(2));
    }
    function bin(value) {
      for (var j = 0; j < h.counts.length; j++) {
        if (value <= h.edges[j + 1]) {
          return j;
        }
      }
      return h.counts.length - 1;
    }
    chart(parent, id, name + ' distribution', {
      tooltip: {trigger: 'axis', confine: true, formatter: function (items) {
        var k = items[0].dataIndex;
        return h.edges[k].toFixed(2) + ' \u2013 ' + h.edges[k + 1].toFixed(2) + ' ' + unit + '<br>' + items[0].value + ' requests';
      }},
      xAxis: {type: 'category', data: labels, name: unit, nameLocation: 'middle', nameGap: 24},
      yAxis: {type: 'value', name: 'requests'},
      dataZoom: [{type: 'inside', xAxisIndex: 0}],
      series: [{
        name: name, type: 'bar', data: h.counts, barCategoryGap: '5%',
        markLine: {symbol: 'none', label: {formatter: '{b}', position: 'insideEndTop'}, data: [
          {name: 'p50 ' + fmt(h.p50), xAxis: bin(h.p50), lineStyle: {color: COLORS[1], width: 2}},
          {name: 'p99 ' + fmt(h.p99), xAxis: bin(h.p99), lineStyle: {color: COLORS[3], width: 2}}
        ]}
      }]
    });
  }

  function overTimeChart(parent, id, name, unit, points, windows, windowSeconds) {
    chart(parent, id, name + ' per request over time (lines: p50/p95/p99 per ' + windowSeconds + ' s)', {
      tooltip: {trigger: 'item', confine: true, formatter: function (p) {
        return p.seriesName + '<br>t = ' + p.value[0].toFixed(2) + ' s<br>' + fmt(p.value[1]) + ' ' + unit;
      }},
      xAxis: {type: 'value', name: 'seconds since the first request', nameLocation: 'middle', nameGap: 24, scale: true},
      yAxis: {type: 'value', name: unit, scale: true},
      dataZoom: zoom(),
      grid: {left: 64, right: 40, top: 84, bottom: 70},
      series: [
        {name: 'requests', type: 'scatter', symbolSize: 4, data: points, large: points.length > 2000, itemStyle: {opacity: 0.55}},
        {name: 'p50', type: 'line', showSymbol: false, data: windows.map(function (w) { return [w[0], w[1]]; })},
        {name: 'p95', type: 'line', showSymbol: false, data: windows.map(function (w) { return [w[0], w[2]]; })},
        {name: 'p99', type: 'line', showSymbol: false, data: windows.map(function (w) { return [w[0], w[3]]; })}
      ]
    }, true);
  }

  function throughputChart(parent, id, t, windowSeconds) {
    var tokens = t.t.map(function (x, i) { return [x, t.tokens_per_second[i]]; });
    var requests = t.t.map(function (x, i) { return [x, t.requests_per_second[i]]; });
    var errors = t.t.map(function (x, i) { return [x, t.errors[i]]; });
    var hasTokens = t.tokens_per_second.some(function (v) { return v > 0; });
    var series = [];
    if (hasTokens) {
      series.push({name: 'output tokens/s', type: 'line', step: 'start', areaStyle: {opacity: 0.25}, showSymbol: false,
        data: tokens, yAxisIndex: 0});
    }
    series.push({name: 'requests/s', type: 'line', step: 'start', showSymbol: false, data: requests,
      yAxisIndex: hasTokens ? 1 : 0});
    series.push({name: 'failed requests', type: 'bar', data: errors, yAxisIndex: hasTokens ? 1 : 0,
      itemStyle: {color: COLORS[3]}});
    var yAxes = hasTokens
      ? [{type: 'value', name: 'tokens/s'}, {type: 'value', name: 'requests/s', splitLine: {show: false}}]
      : [{type: 'value', name: 'requests/s'}];
    chart(parent, id, 'Throughput over time (' + windowSeconds + ' s windows)', {
      xAxis: {type: 'value', name: 'seconds since the first request', nameLocation: 'middle', nameGap: 24},
      yAxis: yAxes,
      dataZoom: zoom(),
      grid: {left: 64, right: 64, top: 84, bottom: 70},
      series: series
    }, true);
  }

  function metricsTable(run) {
    var stats = ['avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'std'];
    var rows = run.metrics.map(function (m) {
      return [m.header, m.unit].concat(stats.map(function (s) { return m[s] === null ? null : fmt(m[s]); }));
    });
    return table(['Metric', 'Unit'].concat(stats), rows, [0, 1]);
  }

  function serverMetrics(parent, run, prefix) {
    var sm = run.server_metrics;
    parent.appendChild(el('h3', {text: 'Server metrics'}));
    if (!sm) {
      parent.appendChild(el('p', {'class': 'meta', text: 'No server_metrics_export.json in this run.'}));
      return;
    }
    var rows = sm.rows.map(function (r) {
      var s = r.stats;
      var values = Object.keys(s).map(function (k) { return k + ' ' + fmt(s[k]); }).join(' \u00b7 ');
      return [r.name, r.labels, r.type, r.unit, r.endpoint, values];
    });
    parent.appendChild(table(['Metric', 'Labels', 'Type', 'Unit', 'Endpoint', 'Statistics'], rows, [0, 1, 2, 3, 4, 5]));
    if (sm.timeslices && sm.timeslices.length) {
      var grid = el('div', {'class': 'grid'});
      parent.appendChild(grid);
      chart(grid, prefix + '-server-metrics', 'Server metrics over time (per slice)', {
        xAxis: {type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 24},
        yAxis: {type: 'value', scale: true},
        dataZoom: zoom(),
        grid: {left: 64, right: 40, top: 84, bottom: 70},
        series: sm.timeslices.map(function (s) {
          return {name: s.name, type: 'line', showSymbol: false, data: s.points};
        })
      }, true);
    }
  }

  function runSection(run, index) {
    var prefix = 'run' + index;
    var section = el('section', {'class': 'run', id: prefix});
    root.appendChild(section);
    section.appendChild(el(data.runs.length > 1 ? 'h2' : 'h1', {text: run.label}));
    section.appendChild(el('p', {'class': 'meta', text: [
      run.start_time ? 'Started ' + run.start_time : null,
      run.end_time ? 'ended ' + run.end_time : null,
      run.request_count + ' requests recorded',
      run.benchmark_id ? 'benchmark ' + run.benchmark_id : null,
      run.aiperf_version ? 'aiperf ' + run.aiperf_version : null
    ].filter(Boolean).join(' \u00b7 ')}));
    if (run.cli_command) {
      section.appendChild(el('pre', {'class': 'command', text: run.cli_command}));
    }
    if (run.warnings.length) {
      section.appendChild(el('div', {'class': 'warning', id: prefix + '-warnings'}, [
        el('strong', {text: 'Warnings'}),
        el('ul', {}, run.warnings.map(function (w) { return el('li', {text: w}); }))
      ]));
    } else if (run.client_health) {
      section.appendChild(el('p', {'class': 'ok', text: run.client_health.verdict}));
    }
    section.appendChild(cards(run));

    var c = run.charts;
    var latencies = LATENCIES.filter(function (l) { return c.histograms[l[0]]; });
    if (latencies.length) {
      section.appendChild(el('h3', {text: 'Latency distributions'}));
      var grid = el('div', {'class': 'grid'});
      section.appendChild(grid);
      latencies.forEach(function (l) {
        histogramChart(grid, prefix + '-' + l[0] + '-histogram', l[1], l[2], c.histograms[l[0]]);
      });
      section.appendChild(el('h3', {text: 'Over the run' + (c.scatter_sampled ? ' (an even sample of the requests)' : '')}));
      latencies.forEach(function (l) {
        overTimeChart(section, prefix + '-' + l[0] + '-over-time', l[1], l[2], c.scatter[l[0]],
          c.window_percentiles[l[0]], c.window_seconds);
      });
    }
    if (c.throughput) {
      throughputChart(section, prefix + '-throughput', c.throughput, c.window_seconds);
    }

    section.appendChild(el('h3', {text: 'Metrics'}));
    section.appendChild(metricsTable(run));

    if (run.errors && run.errors.length) {
      section.appendChild(el('h3', {text: 'Errors'}));
      section.appendChild(table(['Count', 'Code', 'Type', 'Message'], run.errors.map(function (e) {
        var d = e.error_details || {};
        return [e.count, d.code === undefined ? null : d.code, d.type || null, d.message || null];
      }), [2, 3]));
    }

    serverMetrics(section, run, prefix);

    var config = el('details', {id: prefix + '-config'}, [el('summary', {text: 'Configuration (secrets redacted)'}),
      el('pre', {text: JSON.stringify(run.config, null, 2)})]);
    section.appendChild(config);
    var plugins = el('details', {id: prefix + '-plugins'}, [el('summary', {text: 'Plugins used (' + run.plugins.length + ')'}),
      table(['Category', 'Name', 'Package', 'Version', 'Class', 'Built-in', 'Jar SHA-256'], run.plugins.map(function (p) {
        return [p.category, p.name, p['package'], p.version, p['class'], p.builtin ? 'yes' : 'no',
          p.jar_sha256 ? p.jar_sha256.substring(0, 16) + '\u2026' : null];
      }), [0, 1, 2, 3, 4, 6])]);
    section.appendChild(plugins);
  }

  function comparisonSection(cmp) {
    var section = el('section', {id: 'comparison'});
    root.appendChild(section);
    section.appendChild(el('h2', {text: 'Comparison of ' + data.runs.length + ' runs'}));
    var yName = cmp.throughput_tag === 'request_throughput' ? 'requests/s' : 'output tokens/s';
    chart(section, 'comparison-pareto', 'Throughput vs median request latency (line: Pareto front)', {
      tooltip: {trigger: 'item', confine: true, formatter: function (p) {
        return p.seriesName === 'runs' ? p.data.label + '<br>latency p50 ' + fmt(p.data.value[0]) + ' ms<br>' +
          fmt(p.data.value[1]) + ' ' + yName + (p.data.onFront ? '<br>on the Pareto front' : '') : p.seriesName;
      }},
      xAxis: {type: 'value', name: 'request latency p50 (ms)', nameLocation: 'middle', nameGap: 24, scale: true},
      yAxis: {type: 'value', name: yName, scale: true},
      dataZoom: zoom(),
      grid: {left: 72, right: 40, top: 84, bottom: 70},
      series: [
        {name: 'runs', type: 'scatter', symbolSize: 12, label: {show: true, position: 'top', formatter: function (p) { return p.data.label; }},
          data: cmp.points.map(function (p) { return {value: [p.latency, p.throughput], label: p.label, onFront: p.on_front}; })},
        {name: 'Pareto front', type: 'line', data: cmp.front, lineStyle: {color: COLORS[3], width: 2}, itemStyle: {color: COLORS[3]}}
      ]
    }, true);
    section.appendChild(table(['Run', 'Concurrency', 'Request rate', 'Requests/s', 'Output tokens/s',
      'TTFT p50', 'TTFT p99', 'ITL p50', 'ITL p99', 'Latency p50', 'Latency p99'],
      cmp.table.map(function (r) {
        return [r.label, r.concurrency, r.request_rate, fmt(r.request_throughput), fmt(r.output_token_throughput),
          fmt(r.time_to_first_token_p50), fmt(r.time_to_first_token_p99), fmt(r.inter_token_latency_p50),
          fmt(r.inter_token_latency_p99), fmt(r.request_latency_p50), fmt(r.request_latency_p99)];
      }), [0]));
  }

  // Links are relative paths from the report's folder; each segment is encoded for the URL.
  function href(path) {
    return path.split('/').map(encodeURIComponent).join('/');
  }

  function link(text, path) {
    var a = el('a', {href: href(path), text: text});
    return a;
  }

  // Error bars drawn by a custom series: each item is [x, y, low, high] with the bar along y (vertical) or x.
  // Only the point sets the axes' range (two runs give wide intervals); a longer bar is cut at the chart's edge.
  function errorBars(name, items, vertical, color) {
    return {
      name: name, type: 'custom', data: items, z: 1, silent: true, clip: true,
      itemStyle: {color: color},
      encode: {x: 0, y: 1},
      renderItem: function (params, api) {
        var x = api.value(0);
        var y = api.value(1);
        var a = vertical ? api.coord([x, api.value(2)]) : api.coord([api.value(2), y]);
        var b = vertical ? api.coord([x, api.value(3)]) : api.coord([api.value(3), y]);
        var cap = 5;
        var style = {stroke: api.visual('color'), lineWidth: 1.5};
        var shapes = [{type: 'line', shape: {x1: a[0], y1: a[1], x2: b[0], y2: b[1]}, style: style}];
        [a, b].forEach(function (end) {
          shapes.push({type: 'line', style: style, shape: vertical
            ? {x1: end[0] - cap, y1: end[1], x2: end[0] + cap, y2: end[1]}
            : {x1: end[0], y1: end[1] - cap, x2: end[0], y2: end[1] + cap}});
        });
        return {type: 'group', children: shapes};
      }
    };
  }

  function studyStat(cell, key) {
    return cell.statistics[key] || null;
  }

  // "12.34" for one run, "12.34 ± 0.56" (half the confidence interval) for several.
  function withInterval(s) {
    if (!s) {
      return null;
    }
    if (s.ci_low === null || s.ci_high === null) {
      return fmt(s.mean);
    }
    return fmt(s.mean) + ' \u00b1 ' + fmt((s.ci_high - s.ci_low) / 2);
  }

  function studySection(study) {
    var section = el('section', {id: 'study'});
    root.appendChild(section);
    var repeated = study.runs_per_cell > 1;
    var level = Math.round(study.confidence_level * 1000) / 10;
    var xKey = study.latency_key;
    var yKey = study.throughput_key;
    var xName = study.headers[xKey] || xKey;
    var yName = study.headers[yKey] || yKey;
    var xUnit = (study.cells.map(function (c) { return studyStat(c, xKey); }).filter(Boolean)[0] || {}).unit || '';
    var yUnit = (study.cells.map(function (c) { return studyStat(c, yKey); }).filter(Boolean)[0] || {}).unit || '';
    section.appendChild(el('p', {'class': 'meta', text: [
      study.parameters.length ? 'Swept: ' + study.parameters.map(function (p) {
        return p.name + ' = ' + p.values.join(', ');
      }).join('; ') : 'One configuration',
      study.runs_per_cell + ' run' + (repeated ? 's' : '') + ' per ' + (study.parameters.length ? 'combination' : 'study'),
      repeated ? level + '% confidence intervals (Student\u2019s t)' : null
    ].filter(Boolean).join(' \u00b7 ')}));
    if (study.cli_command) {
      section.appendChild(el('pre', {'class': 'command', text: study.cli_command}));
    }
    var failed = [];
    study.cells.forEach(function (c) {
      c.failed.forEach(function (f) { failed.push(c.label + '/' + f.label + ': ' + f.error); });
    });
    if (failed.length) {
      section.appendChild(el('div', {'class': 'warning', id: 'study-warnings'}, [
        el('strong', {text: 'Failed runs (left out of the statistics)'}),
        el('ul', {}, failed.map(function (w) { return el('li', {text: w}); }))
      ]));
    }

    // Throughput against latency: the cells in run order (the curve), the Pareto front, the runs, the intervals.
    var cells = study.cells.filter(function (c) { return studyStat(c, xKey) && studyStat(c, yKey); });
    var curve = cells.map(function (c) {
      return {value: [studyStat(c, xKey).mean, studyStat(c, yKey).mean], label: c.label, onFront: c.pareto_optimal};
    });
    var front = cells.filter(function (c) { return c.pareto_optimal; }).map(function (c) {
      return [studyStat(c, xKey).mean, studyStat(c, yKey).mean];
    }).sort(function (a, b) { return a[0] - b[0]; });
    var runs = [];
    study.cells.forEach(function (c) {
      c.runs.forEach(function (r) {
        if (r.latency !== null && r.throughput !== null) {
          runs.push({value: [r.latency, r.throughput], label: c.label + ' ' + r.label});
        }
      });
    });
    var series = [
      {name: 'cells', type: 'line', symbolSize: 11, data: curve, z: 3,
        label: {show: true, position: 'top', formatter: function (p) { return p.data.label; }}},
      {name: 'Pareto front', type: 'line', data: front, symbol: 'diamond', symbolSize: 16, z: 4,
        lineStyle: {color: COLORS[3], width: 3, type: 'dashed'}, itemStyle: {color: COLORS[3]}}
    ];
    if (repeated) {
      series.push({name: 'runs', type: 'scatter', symbolSize: 5, data: runs, itemStyle: {opacity: 0.5}, z: 2});
      var yBars = [];
      var xBars = [];
      cells.forEach(function (c) {
        var x = studyStat(c, xKey);
        var y = studyStat(c, yKey);
        if (y.ci_low !== null) {
          yBars.push([x.mean, y.mean, y.ci_low, y.ci_high]);
        }
        if (x.ci_low !== null) {
          xBars.push([x.mean, y.mean, x.ci_low, x.ci_high]);
        }
      });
      series.push(errorBars(level + '% CI of ' + yName, yBars, true, COLORS[0]));
      series.push(errorBars(level + '% CI of ' + xName, xBars, false, COLORS[5]));
    }
    chart(section, 'study-pareto', yName + ' vs ' + xName + ' (dashed: Pareto front' +
        (repeated ? '; bars: ' + level + '% CI' : '') + ')', {
      tooltip: {trigger: 'item', confine: true, formatter: function (p) {
        if (!p.data || !p.data.label) {
          return p.seriesName;
        }
        return p.data.label + '<br>' + xName + ' ' + fmt(p.data.value[0]) + ' ' + xUnit + '<br>' + yName + ' ' +
          fmt(p.data.value[1]) + ' ' + yUnit + (p.data.onFront ? '<br>on the Pareto front' : '');
      }},
      xAxis: {type: 'value', name: xName + ' (' + xUnit + ')', nameLocation: 'middle', nameGap: 24, scale: true},
      yAxis: {type: 'value', name: yName + ' (' + yUnit + ')', nameLocation: 'middle', nameGap: 52, scale: true},
      dataZoom: zoom(),
      grid: {left: 80, right: 40, top: 84, bottom: 70},
      series: series
    }, true);

    // Latency percentiles per cell, with their intervals.
    var latencyKeys = ['time_to_first_token_p50', 'time_to_first_token_p99', 'inter_token_latency_p50',
      'request_latency_p50', 'request_latency_p99'].filter(function (k) {
        return study.cells.some(function (c) { return studyStat(c, k); });
      });
    if (latencyKeys.length) {
      var labels = study.cells.map(function (c) { return c.label; });
      var latencySeries = [];
      latencyKeys.forEach(function (k, i) {
        latencySeries.push({name: study.headers[k], type: 'line', symbolSize: 8, color: COLORS[i % COLORS.length],
          data: study.cells.map(function (c, j) { var s = studyStat(c, k); return s ? [j, s.mean] : [j, null]; })});
        if (repeated) {
          var bars = [];
          study.cells.forEach(function (c, j) {
            var s = studyStat(c, k);
            if (s && s.ci_low !== null) {
              bars.push([j, s.mean, s.ci_low, s.ci_high]);
            }
          });
          // Named as its line: the legend toggles both together.
          var b = errorBars(study.headers[k], bars, true, COLORS[i % COLORS.length]);
          latencySeries.push(b);
        }
      });
      chart(section, 'study-latencies', 'Latency percentiles per ' + (study.parameters.length ? 'combination' : 'study') +
          (repeated ? ' (bars: ' + level + '% CI)' : ''), {
        tooltip: {trigger: 'axis', confine: true},
        xAxis: {type: 'category', data: labels, name: study.parameters.map(function (p) { return p.name; }).join(', '),
          nameLocation: 'middle', nameGap: 24},
        yAxis: {type: 'value', name: 'ms', scale: true},
        series: latencySeries
      }, true);
    }

    // The cells: parameters, runs, Pareto flag, the key figures (mean ± half the interval) and links.
    var tableKeys = [yKey, 'output_token_throughput_avg', 'time_to_first_token_p50', 'time_to_first_token_p99',
      'inter_token_latency_p50', 'request_latency_p50', 'request_latency_p99'].filter(function (k) {
        return study.cells.some(function (c) { return studyStat(c, k); });
      });
    var names = study.parameters.map(function (p) { return p.name; });
    section.appendChild(el('h3', {text: 'Per ' + (names.length ? 'combination' : 'study') +
      (repeated ? ' (mean \u00b1 half the ' + level + '% confidence interval)' : '')}));
    var head = ['Cell'].concat(names).concat(['Runs', 'Pareto', 'Reports']).concat(tableKeys.map(function (k) {
      var s = study.cells.map(function (c) { return studyStat(c, k); }).filter(Boolean)[0];
      return study.headers[k] + (s && s.unit ? ' (' + s.unit + ')' : '');
    }));
    var reportsColumn = names.length + 3;
    var headRow = el('tr', {}, head.map(function (h, i) {
      return el('th', {'class': i === 0 || i === reportsColumn ? 'text' : '', text: h});
    }));
    var bodyRows = study.cells.map(function (c) {
      var cellsOfRow = [el('td', {'class': 'text', text: c.label})];
      names.forEach(function (n) { cellsOfRow.push(el('td', {text: String(c.parameters[n])})); });
      cellsOfRow.push(el('td', {text: c.runs.length + (c.failed.length ? ' (' + c.failed.length + ' failed)' : '')}));
      cellsOfRow.push(el('td', {'class': c.pareto_optimal ? 'ok' : '', text: c.pareto_optimal ? '\u2713' : ''}));
      var links = el('td', {'class': 'text'});
      c.runs.forEach(function (r, i) {
        if (i > 0) {
          links.appendChild(document.createTextNode(' \u00b7 '));
        }
        links.appendChild(r.report ? link(c.runs.length > 1 ? r.label : 'report', r.report)
          : el('span', {text: r.label}));
      });
      cellsOfRow.push(links);
      tableKeys.forEach(function (k) {
        var v = withInterval(studyStat(c, k));
        cellsOfRow.push(el('td', {text: v === null ? '\u2013' : v}));
      });
      return el('tr', {'class': c.pareto_optimal ? 'pareto' : ''}, cellsOfRow);
    });
    section.appendChild(el('div', {'class': 'table-wrap'}, [el('table', {id: 'study-cells'},
      [el('thead', {}, [headRow]), el('tbody', {}, bodyRows)])]));

    // Every metric of every cell.
    var all = el('details', {id: 'study-metrics'}, [el('summary', {text: 'All metrics per ' +
      (names.length ? 'combination' : 'study')})]);
    study.cells.forEach(function (c) {
      all.appendChild(el('h3', {text: c.label}));
      all.appendChild(table(['Metric', 'Unit', 'Runs', 'Mean', 'Std', 'Min', 'Max', 'CV', 'CI low', 'CI high'],
        Object.keys(c.statistics).map(function (k) {
          var s = c.statistics[k];
          return [study.headers[k] || k, s.unit, s.n, fmt(s.mean), s.std === null ? null : fmt(s.std), fmt(s.min),
            fmt(s.max), s.cv === null ? null : fmt(s.cv), s.ci_low === null ? null : fmt(s.ci_low),
            s.ci_high === null ? null : fmt(s.ci_high)];
        }), [0, 1]));
    });
    section.appendChild(all);

    section.appendChild(el('details', {id: 'study-config'}, [el('summary', {text: 'Configuration (secrets redacted)'}),
      el('pre', {text: JSON.stringify(study.config, null, 2)})]));
  }

  if (data.runs.length > 1 || data.study) {
    root.appendChild(el('h1', {text: data.title}));
  }
  if (data.study) {
    studySection(data.study);
  }
  if (data.comparison) {
    comparisonSection(data.comparison);
  }
  data.runs.forEach(runSection);
  root.appendChild(el('footer', {text: 'Generated ' + data.generated_at + ' by AIPerf for the JVM ' +
    (data.aiperf_version || '') + '. Charts: Apache ECharts ' + echarts.version +
    ', inlined. Hover for values, drag or scroll to zoom, click a legend entry to hide its series.'}));
  markReady();
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
