/**
 * The document a custom widget's code runs in: a real file, served from the app's origin
 * next to the bundle, loaded into `<iframe sandbox="allow-scripts">` — so it runs with an
 * opaque origin and can reach neither the app's DOM, nor its IndexedDB store, nor its
 * tokens — and talking to the widget only through a MessagePort.
 *
 * Why a file of its own: browsers apply the page's Content-Security-Policy to `srcdoc`,
 * `data:` and `blob:` frames, and the app's strict policy (`script-src 'self'`) refuses
 * the inline code a custom widget is made of. This file is served with
 * {@link CUSTOM_WIDGET_FRAME_CSP} instead, which allows inline code *inside the sandbox
 * only*; the app's own pages keep the strict policy.
 *
 * The bootstrap below is plain ES2017 in a string, so it runs as written whatever the
 * bundler does to the rest of the code.
 */

/** The file name, resolved next to the bundle (see `SmithCustomWidget.frameUrl`). */
export const CUSTOM_WIDGET_FRAME_FILE = 'smith-custom-widget.html'

/**
 * The policy to serve {@link CUSTOM_WIDGET_FRAME_FILE} with: the widget's inline HTML, CSS
 * and JS, libraries and images over https, nothing else. The sandbox, not this policy,
 * is what keeps the code away from the app.
 */
export const CUSTOM_WIDGET_FRAME_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' https:; style-src 'unsafe-inline' https:; " +
  "img-src https: data: blob:; font-src https: data:; media-src https: data: blob:; connect-src https:"

/** The message that hands the frame its port and its code. */
export const INIT_MESSAGE = 'smith-custom-widget:init'

/** Runs in the frame: defines `appsmith`, waits for the widget's init message, then renders the code. */
const BOOTSTRAP = `(function () {
  'use strict';
  var port = null, started = false, model = {}, ui = {}, theme = {};
  var readyFns = [], modelFns = [], uiFns = [], themeFns = [];
  function send(message) { if (port) port.postMessage(message); }
  function report(e) { send({ type: 'error', message: String((e && e.message) || e).slice(0, 500) }); }
  function need(fn, what) { if (typeof fn !== 'function') throw new TypeError('appsmith.' + what + ': pass a function'); }
  function subscribe(list, fn, what) {
    need(fn, what); list.push(fn);
    return function () { var i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); };
  }
  function call(list, a, b) { list.slice().forEach(function (fn) { try { fn(a, b); } catch (e) { report(e); } }); }
  var appsmith = {
    mode: 'VIEW',
    get model() { return model; },
    get ui() { return ui; },
    get theme() { return theme; },
    onReady: function (fn) {
      need(fn, 'onReady');
      if (started) Promise.resolve().then(function () { try { fn(); } catch (e) { report(e); } });
      else readyFns.push(fn);
    },
    onModelChange: function (fn) { return subscribe(modelFns, fn, 'onModelChange'); },
    onUiChange: function (fn) { return subscribe(uiFns, fn, 'onUiChange'); },
    onThemeChange: function (fn) { return subscribe(themeFns, fn, 'onThemeChange'); },
    updateModel: function (changes) {
      if (!changes || typeof changes !== 'object' || Array.isArray(changes)) throw new TypeError('appsmith.updateModel: pass an object');
      send({ type: 'update-model', model: changes });
    },
    triggerEvent: function (name, context) {
      if (typeof name !== 'string') throw new TypeError('appsmith.triggerEvent: pass the event name');
      send({ type: 'trigger-event', name: name, context: context === undefined ? null : context });
    }
  };
  Object.defineProperty(window, 'appsmith', { value: appsmith, enumerable: true });
  window.addEventListener('error', function (e) { report(e.error || e.message); });
  window.addEventListener('unhandledrejection', function (e) { report(e.reason); });
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (port || e.source !== window.parent || !d || d.type !== '${INIT_MESSAGE}' || !e.ports || !e.ports[0]) return;
    port = e.ports[0];
    model = d.model || {}; ui = d.ui || {}; theme = d.theme || {};
    port.onmessage = function (m) {
      var x = m.data || {}, prev;
      if (x.type === 'model') { prev = model; model = x.model || {}; call(modelFns, model, prev); }
      else if (x.type === 'ui') { prev = ui; ui = x.ui || {}; call(uiFns, ui, prev); }
      else if (x.type === 'theme') { prev = theme; theme = x.theme || {}; call(themeFns, theme, prev); }
    };
    var src = d.srcDoc || {};
    var style = document.createElement('style');
    style.textContent = String(src.css || '');
    document.head.appendChild(style);
    document.body.innerHTML = String(src.html || '');
    // Scripts inserted as HTML do not run; recreate them, as a document parse would have run them.
    Array.prototype.forEach.call(document.body.querySelectorAll('script'), function (old) {
      var s = document.createElement('script');
      Array.prototype.forEach.call(old.attributes, function (a) { s.setAttribute(a.name, a.value); });
      s.textContent = old.textContent;
      old.replaceWith(s);
    });
    started = true;
    call(readyFns.splice(0));
    var code = document.createElement('script');
    code.type = 'module';
    code.textContent = String(src.js || '');
    document.body.appendChild(code);
    send({ type: 'ready' });
  });
})();`

/** The frame document, as served. */
export function customWidgetFrameHtml(): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Custom widget</title><script>${BOOTSTRAP}</script></head><body></body></html>`
  )
}
