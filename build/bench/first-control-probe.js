// Injected into every document before any of its own scripts run (Playwright's addInitScript), as
// plain JavaScript so nothing a compiler adds leaks into the page. In the course's document only
// (its path starts with spec.path) it watches every DOM change and notes, in the document's own
// clock (milliseconds since its navigation started):
// - firstText: the first contentful paint (Paint Timing), the course's first text on screen;
// - control: the moment the learner's first working control is in the page, laid out visible,
//   enabled and named: for spec.control.kind "start", a button whose text is spec.control.name;
//   for "bookmark", the Next button of the page titled spec.control.title once every item in
//   spec.control.items shows its saved answer (data-state right or wrong);
// - with spec.press, that control is pressed (click()) in the same instant, and `arrival` is the
//   moment the page titled spec.arrival.title shows with its own Next or Back button usable.
// When all it waits for is known it calls the page binding window.__firstControlReport once.
(function (spec) {
  if (!location.pathname.startsWith(spec.path)) return;
  const out = { firstText: null, control: null, arrival: null, pressed: false };
  let reported = false;

  const usable = (el) => {
    if (!el || !el.isConnected || el.disabled || el.closest('[inert],[aria-disabled="true"]')) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    return el.textContent.trim() !== '';
  };
  const pageTitle = () => {
    const h1 = document.getElementById('page-title');
    return h1 ? h1.textContent.trim() : null;
  };
  const pageNavButton = (cls) => document.querySelector(`.page-nav button.${cls}`);

  const findControl = () => {
    const c = spec.control;
    if (c.kind === 'start') {
      for (const b of document.querySelectorAll('button')) if (b.textContent.trim() === c.name && usable(b)) return b;
      return null;
    }
    if (pageTitle() !== c.title) return null;
    for (const id of c.items) {
      const item = document.querySelector(`[data-item="${id}"]`);
      if (!item || (item.dataset.state !== 'right' && item.dataset.state !== 'wrong')) return null;
    }
    const next = pageNavButton('primary');
    return usable(next) && next.textContent.trim().startsWith(c.name) ? next : null;
  };
  const arrived = () => pageTitle() === spec.arrival.title && (usable(pageNavButton('primary')) || usable(pageNavButton('secondary')));

  const maybeReport = () => {
    if (reported || out.firstText === null || out.control === null) return;
    if (spec.arrival && out.arrival === null) return;
    reported = true;
    window.__firstControlReport(out);
  };

  const check = () => {
    if (out.control === null) {
      const el = findControl();
      if (el) {
        out.control = performance.now();
        if (spec.press) {
          out.pressed = true;
          el.click();
        }
      }
    }
    if (out.control !== null && spec.arrival && out.arrival === null && arrived()) out.arrival = performance.now();
    maybeReport();
  };

  // Only what can make a control appear, enable or show: fewer records, less cost to the page.
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert', 'aria-disabled', 'class', 'style', 'data-state', 'open'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint' && out.firstText === null) {
        out.firstText = e.startTime;
        maybeReport();
      }
    }
  }).observe({ type: 'paint', buffered: true });
})(__SPEC__);
