/**
 * The page's script (inline, no libraries): zoom (buttons, ctrl + wheel)
 * rescales every element that carries data-t0/data-t1 (µs) and redraws the
 * axis ticks with the same 1-2-5 rule as the server side; hovering shows an
 * element's details; a violation row scrolls to its op and flashes it.
 */
export const timelineScript = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('timeline-data').textContent);
  var plot = document.getElementById('plot');
  var scroller = document.getElementById('plot-scroll');
  var tooltip = document.getElementById('tooltip');
  // Fit the run to the width the page gives the chart.
  var fitPxPerUs = scroller.clientWidth > 200 ? (scroller.clientWidth - 70) / data.endUs : data.pxPerUs;
  var pxPerUs = fitPxPerUs;
  var SVG = 'http://www.w3.org/2000/svg';
  var AXIS = 40;

  function ms(us) { return (us / 1000).toFixed(3) + ' ms'; }
  function tickStepUs(scale) {
    var magnitude = 1;
    for (var step = 0; step < 40; step++) {
      var factors = [1, 2, 5];
      for (var i = 0; i < factors.length; i++) if (factors[i] * magnitude * scale >= 80) return factors[i] * magnitude;
      magnitude *= 10;
    }
    return magnitude;
  }
  function svgElement(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    for (var key in attributes) element.setAttribute(key, String(attributes[key]));
    if (text !== undefined) element.textContent = text;
    return element;
  }
  function redrawTicks() {
    var group = document.getElementById('axis-ticks');
    while (group.firstChild) group.removeChild(group.firstChild);
    var stepUs = tickStepUs(pxPerUs);
    for (var atUs = 0; atUs <= data.endUs; atUs += stepUs) {
      var x = (atUs * pxPerUs).toFixed(1);
      group.appendChild(svgElement('line', { 'class': 'tick', x1: x, x2: x, y1: AXIS - 8, y2: AXIS }));
      group.appendChild(svgElement('text', { 'class': atUs === 0 ? 'tick-label first' : 'tick-label', x: x, y: AXIS - 11 }, String(atUs / 1000)));
    }
  }
  function applyScale() {
    var timed = plot.querySelectorAll('[data-t0]');
    for (var i = 0; i < timed.length; i++) {
      var element = timed[i];
      var x = Number(element.getAttribute('data-t0')) * pxPerUs;
      if (element.tagName.toLowerCase() === 'line') { element.setAttribute('x1', x.toFixed(1)); element.setAttribute('x2', x.toFixed(1)); continue; }
      if (!element.hasAttribute('data-t1')) { element.setAttribute('x', (x + Number(element.getAttribute('data-dx') || 0)).toFixed(1)); continue; }
      var width = Math.max(Number(element.getAttribute('data-minw') || 1), Number(element.getAttribute('data-t1')) * pxPerUs - x);
      element.setAttribute('x', x.toFixed(1));
      element.setAttribute('width', width.toFixed(1));
    }
    var labels = plot.querySelectorAll('.phase-label');
    for (var l = 0; l < labels.length; l++) {
      var wide = Number(labels[l].getAttribute('data-span-us')) * pxPerUs >= 56;
      if (wide) labels[l].removeAttribute('display'); else labels[l].setAttribute('display', 'none');
    }
    plot.setAttribute('width', String(Math.ceil(data.endUs * pxPerUs) + 64));
    redrawTicks();
    document.getElementById('zoom-level').textContent = (pxPerUs / fitPxPerUs).toFixed(1) + 'x';
  }
  function zoom(factor, anchorClientX) {
    var box = scroller.getBoundingClientRect();
    var anchor = anchorClientX === undefined ? box.width / 2 : anchorClientX - box.left;
    var anchorUs = (scroller.scrollLeft + anchor) / pxPerUs;
    pxPerUs = Math.min(Math.max(pxPerUs * factor, fitPxPerUs), 20);
    applyScale();
    scroller.scrollLeft = Math.max(0, anchorUs * pxPerUs - anchor);
  }
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(2); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(0.5); });
  document.getElementById('zoom-fit').addEventListener('click', function () { pxPerUs = fitPxPerUs; applyScale(); scroller.scrollLeft = 0; });
  document.getElementById('dim-others').addEventListener('change', function (event) { plot.classList.toggle('dim', event.target.checked); });
  scroller.addEventListener('wheel', function (event) {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    zoom(event.deltaY < 0 ? 1.25 : 0.8, event.clientX);
  }, { passive: false });

  function describe(element) {
    var lines = [];
    if (element.hasAttribute('data-id')) {
      var op = data.ops[Number(element.getAttribute('data-id'))];
      lines.push(op.f + (op.key === null ? '' : ' ' + op.key) + '  →  ' + op.outcome + '   (process ' + op.process + (op.node ? ', node ' + op.node : '') + ')');
      lines.push('invoked:   ' + op.invoked);
      if (op.completed !== null) lines.push('completed: ' + op.completed);
      if (op.error !== null) lines.push('error:     ' + op.error);
      lines.push('time:      ' + ms(op.startUs) + ' → ' + (op.endUs === null ? 'never completed' : ms(op.endUs) + '  (' + ms(op.endUs - op.startUs) + ')'));
      lines.push('history:   op ' + op.ops);
      for (var r = 0; r < op.reasons.length; r++) lines.push('VIOLATION: ' + op.reasons[r]);
    } else if (element.hasAttribute('data-fault')) {
      var fault = data.faults[Number(element.getAttribute('data-fault'))];
      lines.push('fault #' + fault.id + ': ' + fault.kind + ' ' + fault.target + (fault.effective ? '' : '  (no effect)'));
      lines.push(ms(fault.startUs) + ' → ' + (fault.endUs === null ? 'end of run' : ms(fault.endUs)));
      if (fault.details) lines.push(fault.details);
    } else if (element.hasAttribute('data-span')) {
      var span = data.spans[Number(element.getAttribute('data-span'))];
      lines.push(span.host + ': ' + span.role + ' (' + span.state + ')');
      lines.push(ms(span.startUs) + ' → ' + ms(span.endUs));
    }
    return lines.join('\n');
  }
  plot.addEventListener('mousemove', function (event) {
    var element = event.target.closest('[data-id],[data-fault],[data-span]');
    if (!element) { tooltip.style.display = 'none'; return; }
    tooltip.textContent = describe(element);
    tooltip.style.display = 'block';
    var left = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    var top = event.clientY + 16 + tooltip.offsetHeight > window.innerHeight ? event.clientY - tooltip.offsetHeight - 10 : event.clientY + 16;
    tooltip.style.left = Math.max(4, left) + 'px';
    tooltip.style.top = Math.max(4, top) + 'px';
  });
  plot.addEventListener('mouseleave', function () { tooltip.style.display = 'none'; });

  var rows = document.querySelectorAll('tr.violation-row');
  for (var i = 0; i < rows.length; i++) {
    rows[i].addEventListener('click', function (event) {
      var id = event.currentTarget.getAttribute('data-op');
      var bar = plot.querySelector('[data-id="' + id + '"]');
      if (!bar) return;
      bar.scrollIntoView({ block: 'center', inline: 'center' });
      bar.classList.remove('flash');
      void bar.getBoundingClientRect();
      bar.classList.add('flash');
    });
  }
  applyScale();
})();
`;
