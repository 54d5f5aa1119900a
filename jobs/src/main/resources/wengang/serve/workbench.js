// wengang review workbench: draws a flag's linked group with ECharts (graph series).
(function () {
  var el = document.getElementById('group-graph');
  if (!el || typeof echarts === 'undefined') { return; }
  var colours = { PERSON: '#2a9d8f', UNIT: '#e76f51', CARD: '#e9c46a' };
  fetch(el.dataset.graph, { credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error('graph: HTTP ' + r.status); } return r.json(); })
    .then(function (body) {
      var g = body.graph;
      var chart = echarts.init(el);
      var nodes = g.nodes.map(function (n) {
        return { id: n.token, name: n.type + ' ' + n.id, value: n.label, category: n.type,
                 symbolSize: n.linkedByFlag ? 34 : 22, itemStyle: { color: colours[n.type] || '#888' },
                 label: { show: true, formatter: (n.label ? n.label + '\n' : '') + n.id } };
      });
      var links = g.edges.map(function (e) {
        return { source: e.source, target: e.target, value: e.rule, label: { show: true, formatter: e.rule, fontSize: 10 } };
      });
      chart.on('finished', function () {
        el.dataset.drawn = String(nodes.length);
        el.dataset.edges = String(links.length);
      });
      chart.on('click', function (p) {
        if (p.dataType === 'node') {
          window.location.href = '/nodes/' + encodeURIComponent(p.data.id) + '?cycle=' + encodeURIComponent(el.dataset.cycle);
        }
      });
      chart.setOption({
        animation: false,
        tooltip: { formatter: function (p) { return p.dataType === 'edge' ? p.data.value : p.data.name + (p.data.value ? ' ' + p.data.value : ''); } },
        legend: [{ data: ['PERSON', 'UNIT', 'CARD'] }],
        series: [{ type: 'graph', layout: 'force', roam: true, draggable: true, data: nodes, links: links,
                   categories: ['PERSON', 'UNIT', 'CARD'].map(function (c) { return { name: c, itemStyle: { color: colours[c] } }; }),
                   force: { repulsion: 400, edgeLength: 140, layoutAnimation: false }, edgeSymbol: ['none', 'arrow'],
                   lineStyle: { width: 2, color: '#888' } }]
      });
    })
    .catch(function (err) { el.textContent = String(err); el.dataset.drawn = 'error'; });
})();
