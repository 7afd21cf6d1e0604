// Haven's only script: enhancement, never required. Pages and forms work the same without it.
// 1. Help panels can be dismissed in place.
// 2. While a member writes, the text is checked for crisis language (the same check the preview and the
//    post get) and the help panel appears before posting. Nothing is stored; the request carries no cookie.
// 3. Moderators are alerted, on whatever page they are, when someone may be at risk (server-sent events; the
//    care lane page lists the same items without this).
(function () {
  'use strict';

  document.addEventListener('click', function (event) {
    var dismiss = event.target.closest('[data-dismissible] .dismiss');
    if (dismiss) {
      event.preventDefault();
      dismiss.closest('[data-dismissible]').hidden = true;
    }
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function telHref(call) {
    var m = /\+?[0-9][0-9 \-]*[0-9]|[0-9]/.exec(call || '');
    return m ? 'tel:' + m[0].replace(/[ -]/g, '') : null;
  }

  // Builds the panel from data with textContent only: no markup from the network reaches the page.
  function panel(help) {
    var section = el('section', 'help-panel');
    section.setAttribute('data-dismissible', '');
    section.setAttribute('aria-labelledby', 'live-help-heading');
    var heading = el('h2', null, help.headline);
    heading.id = 'live-help-heading';
    section.appendChild(heading);
    section.appendChild(el('p', null, help.message));
    var list = el('ul', 'resources');
    (help.resources || []).forEach(function (line) {
      var item = el('li');
      item.appendChild(el('span', 'resource-name', line.name));
      var tel = telHref(line.call);
      if (tel) {
        var call = el('a', 'resource-contact', 'Call ' + line.call);
        call.href = tel;
        item.appendChild(call);
      }
      if (line.text) { item.appendChild(el('span', 'resource-contact', 'Text ' + line.text)); }
      if (line.url) {
        var link = el('a', 'resource-link', line.url.replace(/^https:\/\//, ''));
        link.href = line.url;
        link.rel = 'noopener noreferrer';
        item.appendChild(link);
      }
      if (line.hours) { item.appendChild(el('span', 'resource-note', line.hours)); }
      if (line.notes) { item.appendChild(el('span', 'resource-note', line.notes)); }
      list.appendChild(item);
    });
    section.appendChild(list);
    var dismiss = el('a', 'dismiss button-link secondary', 'Dismiss');
    dismiss.href = '#';
    section.appendChild(dismiss);
    return section;
  }

  document.querySelectorAll('form[data-crisis-check]').forEach(function (form) {
    var target = document.getElementById('live-help');
    if (!target || !window.fetch) { return; }
    var timer = null;
    var lastText = null;
    var shownLevel = null;

    function check() {
      var title = form.querySelector('[name=title]');
      var body = form.querySelector('[name=body]');
      var text = ((title ? title.value + '\n\n' : '') + (body ? body.value : '')).slice(0, 20000);
      if (text === lastText) { return; }
      lastText = text;
      var request = { text: text };
      if (form.dataset.country) { request.country = form.dataset.country; }
      fetch('/api/v1/crisis/check', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(request)
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (!answer) { return; }
        var level = answer.help ? answer.level : null;
        if (level === shownLevel) { return; }
        shownLevel = level;
        target.textContent = '';
        if (answer.help) { target.appendChild(panel(answer.help)); }
      }).catch(function () { /* the preview button still runs the same check on the server */ });
    }

    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(check, 700);
    });
  });

  var alerts = document.getElementById('care-alerts');
  if (alerts && window.EventSource) {
    var stream = new EventSource('/api/v1/moderation/stream');
    // each alert once in this tab, across pages: a new page's stream starts with the last few minutes' alerts
    var seen = [];
    try { seen = JSON.parse(sessionStorage.getItem('haven.care.seen') || '[]'); } catch (e) { seen = []; }
    stream.addEventListener('care', function (event) {
      var alert;
      try { alert = JSON.parse(event.data); } catch (e) { return; }
      if (event.lastEventId && seen.indexOf(event.lastEventId) >= 0) { return; }
      if (event.lastEventId) {
        seen = seen.concat([event.lastEventId]).slice(-200);
        try { sessionStorage.setItem('haven.care.seen', JSON.stringify(seen)); } catch (e) { /* private mode */ }
      }
      var section = el('section', 'care-alert');
      section.setAttribute('data-dismissible', '');
      var line = el('p');
      line.appendChild(el('strong', null, alert.label || 'Someone may be at risk'));
      line.appendChild(document.createTextNode(': a care item is waiting. '));
      if (/^\/posts\/[0-9]+$/.test(alert.postLink || '')) {
        var open = el('a', null, 'Open the post');
        open.href = alert.postLink;
        line.appendChild(open);
        line.appendChild(document.createTextNode(' · '));
      }
      var lane = el('a', null, 'Care lane');
      lane.href = '/moderation';
      line.appendChild(lane);
      section.appendChild(line);
      var dismiss = el('a', 'dismiss button-link secondary', 'Dismiss');
      dismiss.href = '#';
      section.appendChild(dismiss);
      alerts.appendChild(section);
    });
    stream.addEventListener('ready', function () { alerts.setAttribute('data-listening', ''); });
  }
}());
