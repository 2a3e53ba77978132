// Overview charts: the data comes from /api/stats as JSON (no inline script: the CSP forbids it).
'use strict';
(function () {
  var domains = document.getElementById('chart-domains');
  var days = document.getElementById('chart-days');
  if (!domains || !days || typeof Chart === 'undefined') return;
  window.reboundCharts = [];
  fetch(domains.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then(function (s) {
      if (s.topDomains.length === 0) document.querySelector('.chart-empty').classList.remove('d-none');
      window.reboundCharts.push(
        new Chart(domains, {
          type: 'bar',
          data: {
            labels: s.topDomains.map(function (d) {
              return d.domain || '(none)';
            }),
            datasets: [
              {
                label: 'hard + soft bounces',
                data: s.topDomains.map(function (d) {
                  return d.count;
                }),
                backgroundColor: '#dc3545',
              },
            ],
          },
          options: {
            animation: false,
            maintainAspectRatio: false,
            indexAxis: 'y',
            plugins: { legend: { display: false } },
            scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        }),
      );
      var dayList = [];
      var byType = { hard: {}, soft: {}, none: {} };
      s.perDay.forEach(function (r) {
        if (dayList.indexOf(r.day) < 0) dayList.push(r.day);
        if (byType[r.bounce_type]) byType[r.bounce_type][r.day] = r.count;
      });
      var colours = { hard: '#dc3545', soft: '#fd7e14', none: '#6c757d' };
      window.reboundCharts.push(
        new Chart(days, {
          type: 'bar',
          data: {
            labels: dayList,
            datasets: ['hard', 'soft', 'none'].map(function (t) {
              return {
                label: t === 'none' ? 'other' : t,
                data: dayList.map(function (d) {
                  return byType[t][d] || 0;
                }),
                backgroundColor: colours[t],
              };
            }),
          },
          options: {
            animation: false,
            maintainAspectRatio: false,
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          },
        }),
      );
      document.body.setAttribute('data-charts', 'drawn');
    })
    .catch(function (e) {
      document.body.setAttribute('data-charts', 'failed: ' + e.message);
    });
})();
