/*
 * Search that costs nothing until the reader searches, answered by Pagefind.
 *
 * Material's search box, result list and highlighting stay as they are. Its
 * bundle talks to a search worker through four messages (setup, ready,
 * query, result), the documented way to bring another search engine; this
 * script, run just before the bundle (overrides/main.html, block scripts),
 * puts a stand-in in place of that worker which answers from Pagefind's
 * index (search/pagefind/, written by generator/search_index.py after
 * MkDocs). Pagefind fetches only the parts of the index a query's words need,
 * so a search costs about the same however large the library grows.
 *
 * Nothing is fetched while the page loads: Material's own index file (its
 * settings only; no page is in it) and Pagefind are asked for once the
 * reader shows they want to search: the search box gets focus, the search
 * button is pressed, or the page was opened from a result (?h=, so Material
 * can highlight the words).
 */
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const WORKER = /\/workers\/search\.[^/]*\.js$/;
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  const SHOWN = 10; // results fetched in full per query, best first
  const WAIT_MS = 120; // typing pause before a query is sent to Pagefind
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

  const siteBase = () => {
    const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
    return new URL(config.base || ".", location.href);
  };
  const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  // Material's query syntax (+word, word*, "a phrase" turned into +a +phrase) to plain words.
  const plainWords = (query) => query.replace(/[+*~^:"]/g, " ").replace(/\s+/g, " ").trim();

  // Pagefind's excerpts are a page's text with <mark> around the matched
  // words, and only < and > escaped. Read them back to text, escape it all,
  // and put back only the marks, so no other markup reaches the list.
  const excerpt = (text) => {
    const marked = String(text || "").replace(/<(\/?)mark>/g, (_, end) => (end ? "\u0002" : "\u0001"));
    const plain = marked.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    return `<p>${escapeHtml(plain).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>")}</p>`;
  };

  // One page's result as Material's list wants it: the page first, then its
  // sections (which Material folds under "more on this page").
  const asItems = (data, score, terms) => {
    const page = { location: data.url, title: escapeHtml(data.meta?.title || data.url), text: excerpt(data.excerpt), score, terms };
    const sections = (data.sub_results || [])
      .filter((sub) => sub.url.includes("#") && sub.url !== data.url)
      .map((sub) => ({ location: sub.url, title: escapeHtml(sub.title), text: excerpt(sub.excerpt), score: score / 2, terms }));
    return [page, ...sections];
  };

  // While a query is on its way the list says it is busy (aria-busy, true of
  // it then), and once answered it names the words it shows results for
  // (data-answered). The list is not a live region, so this is mostly for the
  // browser tests: they can tell the answer to what was typed from an earlier
  // list still on show.
  const list = document.querySelector(".md-search-result");
  const busy = () => list?.setAttribute("aria-busy", "true");
  const answered = (words) => {
    if (!list) return;
    list.dataset.answered = words;
    list.setAttribute("aria-busy", "false");
  };

  // Material says how many results it shows; say how many Pagefind found when that is more.
  let found = { shown: 0, total: 0 };
  const meta = document.querySelector(".md-search-result__meta");
  const countLine = () => `${found.shown} best of ${found.total} matching pages: add a word to narrow them`;
  const fixCount = () => {
    if (found.total > found.shown && meta.textContent !== countLine()) meta.textContent = countLine();
  };
  if (meta) new MutationObserver(fixCount).observe(meta, { childList: true, characterData: true, subtree: true });

  class PagefindWorker extends EventTarget {
    constructor() {
      super();
      this.pagefind = null;
      this.asked = 0;
      this.timer = 0;
    }
    reply(data) {
      this.dispatchEvent(new MessageEvent("message", { data }));
    }
    async load() {
      const base = siteBase();
      try {
        const pagefind = await import(new URL("search/pagefind/pagefind.js", base).href);
        await pagefind.options({ baseUrl: base.pathname });
        await pagefind.init();
        this.pagefind = pagefind;
      } catch (error) {
        console.warn("Search index not found (search/pagefind/): `make build` or `make serve` writes it.", error);
      }
      this.reply({ type: READY });
    }
    async answer(query, asked) {
      const words = plainWords(query);
      let items = [];
      found = { shown: 0, total: 0 };
      if (this.pagefind && words) {
        try {
          const search = await this.pagefind.search(words);
          if (asked !== this.asked) return; // the reader typed on: a newer query is coming
          const best = search.results.slice(0, SHOWN);
          const pages = await Promise.all(best.map((result) => result.data()));
          if (asked !== this.asked) return;
          const terms = Object.fromEntries(words.toLowerCase().split(" ").map((word) => [word, true]));
          items = pages.map((data, i) => asItems(data, best[i].score, terms));
          found = { shown: best.length, total: search.results.length };
        } catch (error) {
          if (asked !== this.asked) return;
          console.warn("Search could not fetch part of its index (offline?).", error);
        }
      }
      this.reply({ type: RESULT, data: { items } });
      answered(words);
    }
    postMessage(message) {
      if (message.type === SETUP) this.load();
      if (message.type !== QUERY) return;
      const asked = ++this.asked;
      busy();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.answer(String(message.data), asked), WAIT_MS);
    }
    terminate() {
      clearTimeout(this.timer);
      list?.removeAttribute("aria-busy");
    }
  }

  const RealWorker = window.Worker;
  window.Worker = function (url, options) {
    const path = new URL(String(url), location.href).pathname;
    return WORKER.test(path) ? new PagefindWorker() : new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;

  const isSearchBox = (target) => target instanceof Element && target.matches(".md-search__input");
  document.addEventListener("focusin", (event) => isSearchBox(event.target) && want());
  document.addEventListener("pointerdown", (event) => isSearchBox(event.target) && want());
  document.addEventListener("change", (event) => event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked && want());
})();
