// The bounce list: DataTables in server-side mode. Filters live in the page URL (so a view
// can be bookmarked) and go with every request; the search box updates the URL too.
// Every value is inserted as text (DataTable.render.text), never as HTML.
'use strict';
(function () {
  var table = document.getElementById('bounces');
  if (!table || typeof DataTable === 'undefined') return;
  var params = new URLSearchParams(window.location.search);
  var filterKeys = ['from', 'to', 'domain', 'status', 'reason', 'type'];
  var text = DataTable.render.text();
  var columns = [
    {
      data: 'id',
      orderable: false,
      searchable: false,
      className: 'select',
      render: function (id, type) {
        return type === 'display'
          ? '<input type="checkbox" class="form-check-input row-select" value="' + Number(id) + '" aria-label="select">'
          : id;
      },
    },
    {
      data: 'id',
      render: function (id, type) {
        return type === 'display' ? '<a href="/bounces/' + Number(id) + '">' + Number(id) + '</a>' : id;
      },
    },
    {
      data: 'bounced_at',
      className: 'text-nowrap',
      render: function (v, type, row) {
        // When it bounced (its own Date header; received time for rows older than that
        // column), in the reader's time zone with UTC on hover. Sorted on the server.
        var iso = v || row.date;
        if (type !== 'display') return iso;
        var d = new Date(iso);
        if (isNaN(d.getTime()) || !window.reboundTimes) return text.display(String(iso));
        return (
          '<time class="local-time" datetime="' +
          text.display(d.toISOString()) +
          '" title="' +
          text.display(window.reboundTimes.utcText(d)) +
          '">' +
          text.display(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(d)) +
          '</time>'
        );
      },
    },
    { data: 'email_to', render: text },
    { data: 'domain', render: text },
    { data: 'status', render: text },
    {
      data: 'reason',
      render: function (v, type, row) {
        // The reason's code, its plain words on hover (sent by /api/bounces).
        if (type !== 'display') return v;
        return '<span title="' + text.display(row.reason_words || '') + '">' + text.display(v) + '</span>';
      },
    },
    { data: 'bounce_type', render: text },
    { data: 'status_code', render: text },
    { data: 'original_subject', render: text, orderable: false, className: 'subject' },
  ];
  var sortNames = [null, 'id', 'date', 'email_to', 'domain', 'status', 'reason', 'bounce_type', 'status_code', null];
  var dt = new DataTable(table, {
    serverSide: true,
    processing: true,
    pageLength: 25,
    order: [[2, 'desc']],
    search: { search: params.get('q') || '' },
    columns: columns,
    language: { search: 'Address or domain starts with:' },
    ajax: function (d, callback) {
      var q = new URLSearchParams();
      filterKeys.forEach(function (k) {
        if (params.get(k)) q.set(k, params.get(k));
      });
      var search = (d.search && d.search.value) || '';
      if (search) q.set('q', search);
      var o = d.order && d.order[0];
      q.set('sort', (o && sortNames[o.column]) || 'date');
      q.set('dir', o && o.dir === 'asc' ? 'asc' : 'desc');
      q.set('start', String(d.start));
      q.set('length', String(d.length));
      q.set('draw', String(d.draw));
      // Keep the address bar (and the export links) in step with the search box.
      var view = new URLSearchParams();
      filterKeys.forEach(function (k) {
        if (params.get(k)) view.set(k, params.get(k));
      });
      if (search) view.set('q', search);
      var vs = view.toString();
      window.history.replaceState(null, '', '/bounces' + (vs ? '?' + vs : ''));
      document.getElementById('export-csv').setAttribute('href', '/export/csv' + (vs ? '?' + vs : ''));
      document.getElementById('export-excel').setAttribute('href', '/export/excel' + (vs ? '?' + vs : ''));
      document.getElementById('retry-back').value = '/bounces' + (vs ? '?' + vs : '');
      document.getElementById('f-q').value = search;
      fetch(table.getAttribute('data-src') + '?' + q.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (json) {
          callback(json);
          table.setAttribute('data-loaded', String(json.draw));
        })
        .catch(function (e) {
          table.setAttribute('data-error', e.message);
          callback({ draw: d.draw, recordsTotal: 0, recordsFiltered: 0, data: [] });
        });
    },
  });
  window.reboundTable = dt;

  // Retry of the selected rows: their ids go into the (CSRF-protected) form as hidden fields.
  document.getElementById('retry-form').addEventListener('submit', function (ev) {
    var form = ev.currentTarget;
    form.querySelectorAll('input[name="ids"]').forEach(function (el) {
      el.remove();
    });
    var boxes = table.querySelectorAll('input.row-select:checked');
    if (boxes.length === 0) {
      ev.preventDefault();
      window.alert('Select one or more rows first.');
      return;
    }
    boxes.forEach(function (b) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'ids';
      input.value = b.value;
      form.appendChild(input);
    });
  });
})();
