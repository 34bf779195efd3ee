/* The week in your pocket, on every page: registers the site's service worker
   (sw.js at the site's root, written by generator/render/pwa.py), fills in the
   "Start" link of each training day and the "Keep this week offline" button of
   each week, lists the kept weeks on the offline page, and says when a new
   version is ready. Without JavaScript none of it shows: the week pages are
   complete and printable as they are. */
(() => {
  const root = new URL("../../", document.currentScript.src);
  const worker = "serviceWorker" in navigator;
  const inSession = () => document.querySelector("[data-hd-session]") !== null;

  const ask = (message) =>
    navigator.serviceWorker.ready.then(
      (registration) =>
        new Promise((resolve, reject) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => (event.data.ok ? resolve(event.data.value) : reject(new Error(event.data.error)));
          registration.active.postMessage(message, [channel.port2]);
        })
    );
  window.hdPocket = { root, ask: worker ? ask : () => Promise.reject(new Error("no service worker")) };

  const make = (tag, attributes, text) => {
    const element = document.createElement(tag);
    Object.assign(element, attributes);
    if (text) element.textContent = text;
    return element;
  };

  function startLinks(key) {
    for (const slot of document.querySelectorAll("[data-hd-day]")) {
      const heading = slot.closest("section").querySelector("h2");
      const day = heading ? heading.textContent.split(":")[0].trim() : "this day";
      const href = new URL(`session/?week=${encodeURIComponent(key)}&day=${slot.dataset.hdDay}`, root).href;
      slot.append(make("a", { className: "md-button md-button--primary hd-start__link", href }, `Start ${day}`));
      slot.hidden = false;
    }
  }

  function keepButton(box, key) {
    const button = make("button", { type: "button", className: "md-button hd-keep" }, "Keep this week offline");
    const status = make("p", { className: "hd-keep__status" });
    status.setAttribute("role", "status");
    let kept = false;
    const show = (isKept, words) => {
      kept = isKept;
      button.textContent = kept ? "Remove this week from offline" : "Keep this week offline";
      status.textContent = words;
    };
    button.addEventListener("click", () => {
      button.disabled = true;
      status.textContent = kept ? "Removing…" : "Saving this week, its exercises and the session view…";
      ask({ type: kept ? "forget" : "keep", key })
        .then(() => show(!kept, kept ? "Removed: this week needs a connection again." : "Kept: this week, its exercises and its sessions open without a connection."))
        .catch(() => show(kept, "That did not work. Are you online? Try again."))
        .finally(() => (button.disabled = false));
    });
    box.append(button, status);
    box.hidden = false;
    ask({ type: "kept" }).then((weeks) => weeks.some((w) => w.key === key) && show(true, "This week is kept offline."), () => null);
  }

  function keptList(box) {
    ask({ type: "kept" }).then((weeks) => {
      if (!weeks.length) return;
      const list = make("ul");
      for (const week of weeks) {
        const item = make("li");
        item.append(make("a", { href: new URL(week.href, root).href }, week.title));
        list.append(item);
      }
      box.replaceChildren(make("p", {}, "Kept offline, and ready to open:"), list);
    }, () => null);
  }

  function updateBanner(waiting) {
    if (document.querySelector(".hd-update")) return;
    const banner = make("div", { className: "hd-update" });
    banner.setAttribute("role", "status");
    if (inSession()) {
      banner.append(make("p", {}, "A new version of the site is ready. It starts when you leave this session."));
    } else {
      const use = make("button", { type: "button", className: "md-button md-button--primary" }, "Use it now");
      use.addEventListener("click", () => {
        sessionStorage.setItem("hd-reload", "1");
        waiting.postMessage({ type: "skip-waiting" });
      });
      banner.append(make("p", {}, "A new version of the site is ready."), use);
    }
    (document.querySelector("main") || document.body).append(banner);
  }

  const week = document.querySelector("[data-hd-week]");
  if (week) startLinks(week.dataset.hdWeek);
  if (!worker) return;
  if (week) keepButton(week, week.dataset.hdWeek);
  const kept = document.querySelector("[data-hd-kept]");
  if (kept) keptList(kept);

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (sessionStorage.getItem("hd-reload")) {
      sessionStorage.removeItem("hd-reload");
      location.reload();
    }
  });
  const register = () =>
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname }).then((registration) => {
      const watch = (incoming) =>
        incoming.addEventListener("statechange", () => incoming.state === "installed" && navigator.serviceWorker.controller && updateBanner(incoming));
      if (registration.waiting && navigator.serviceWorker.controller) updateBanner(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
    }, () => null);
  // After the page has loaded: the worker's first download never competes with the page's own.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
