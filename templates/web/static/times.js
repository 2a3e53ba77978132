// Times on the dashboard are written in UTC (ISO 8601 in each <time datetime>); this shows
// them in the reader's own time zone and keeps the UTC time on hover. Without scripts the
// UTC text stays.
'use strict';
(function () {
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  function utcText(d) {
    return d.toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
  }
  /** Fills one <time datetime="ISO"> element: local text, UTC in its title. */
  function localise(el) {
    var d = new Date(el.getAttribute('datetime') || '');
    if (isNaN(d.getTime())) return;
    el.textContent = format.format(d);
    el.title = utcText(d);
  }
  window.reboundTimes = { localise: localise, utcText: utcText };
  document.querySelectorAll('time.local-time').forEach(localise);
})();
