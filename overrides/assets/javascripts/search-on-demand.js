/*
 * Search that costs nothing until the reader searches.
 *
 * Material's bundle asks for the search index (search/search_index.json) and
 * starts its search worker as every page loads. This script runs just before
 * the bundle (overrides/main.html, block scripts) and holds both back until
 * the reader shows they want to search: the search box gets focus, the search
 * button is pressed, or the page was opened from a search result (?h=, so
 * Material can highlight the words). Then the request is sent and the worker
 * started, and Material's search works as it always does.
 */
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const WORKER = /\/workers\/search\.[^/]*\.js$/;
  const held = [];
  let wanted = new URLSearchParams(location.search).has("h");

  const want = () => {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach((go) => go());
  };
  const whenWanted = (go) => (wanted ? go() : held.push(go));

  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.hdSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.hdSearchIndex) return send.apply(this, args);
    whenWanted(() => send.apply(this, args));
  };

  // The worker is started on the first message Material sends it, which is
  // the index itself: until then it is a stand-in that only keeps listeners.
  const RealWorker = window.Worker;
  class WorkerOnDemand extends EventTarget {
    constructor(url, options) {
      super();
      this.url = url;
      this.options = options;
      this.real = null;
    }
    start() {
      if (this.real) return this.real;
      this.real = new RealWorker(this.url, this.options);
      for (const type of ["message", "messageerror"]) {
        this.real.addEventListener(type, (event) => this.dispatchEvent(new MessageEvent(type, { data: event.data })));
      }
      this.real.addEventListener("error", (event) => this.dispatchEvent(new ErrorEvent("error", { message: event.message })));
      return this.real;
    }
    postMessage(...args) {
      this.start().postMessage(...args);
    }
    terminate() {
      if (this.real) this.real.terminate();
    }
  }
  window.Worker = function (url, options) {
    const path = new URL(String(url), location.href).pathname;
    return WORKER.test(path) ? new WorkerOnDemand(url, options) : new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;

  const isSearchBox = (target) => target instanceof Element && target.matches(".md-search__input");
  document.addEventListener("focusin", (event) => isSearchBox(event.target) && want());
  document.addEventListener("pointerdown", (event) => isSearchBox(event.target) && want());
  document.addEventListener("change", (event) => event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked && want());
})();
