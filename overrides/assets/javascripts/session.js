/* The session view (session/?week=KEY&day=N): one training day, each move with
   its figure, key cue, dose and a box per set; a rest timer; and the log.
   The week's data is a JSON file the generator wrote (generator/render/pwa.py).
   The log stays in this browser (localStorage), never leaves it unless you
   export it, and imports only files that are a log. */
(() => {
  const root = new URL("../../", document.currentScript.src);
  const box = document.querySelector("[data-hd-session]");
  if (!box) return;
  const params = new URLSearchParams(location.search);
  const STORE = "hd-log-v1";
  const COLUMNS = ["date", "week", "day", "exercise", "set", "load_kg", "reps_or_seconds"];
  const MAX_BYTES = 1_000_000;
  const MAX_ROWS = 20000;

  const make = (tag, attributes = {}, ...children) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") element.textContent = value;
      else if (name in element && name !== "list") element[name] = value;
      else element.setAttribute(name, value);
    }
    element.append(...children);
    return element;
  };
  const number = (value) => String(Math.round(value * 100) / 100);
  const today = () => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  };

  /* ---- the log: rows of {date, week, day, exercise, set, load_kg, reps_or_seconds} ---- */
  const rowKey = (row) => [row.date, row.week, row.day, row.exercise, row.set].join("|");
  const readLog = () => {
    try {
      const rows = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(rows) ? rows : [];
    } catch {
      return [];
    }
  };
  const writeLog = (rows) => localStorage.setItem(STORE, JSON.stringify(rows));
  const putRow = (row) => writeLog([...readLog().filter((r) => rowKey(r) !== rowKey(row)), row]);
  const dropRow = (row) => writeLog(readLog().filter((r) => rowKey(r) !== rowKey(row)));

  function checkRow(raw, where) {
    const fail = (what) => {
      throw new Error(`${where}: ${what}. Nothing was changed.`);
    };
    const text = (name) => String(raw[name] ?? "").trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text("date")) || Number.isNaN(Date.parse(text("date")))) fail(`date "${text("date")}" is not a date like 2026-01-31`);
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(text("week"))) fail(`week "${text("week")}" is not a week of this site`);
    if (!text("day") || text("day").length > 40) fail("day is empty or too long");
    if (!/^[a-z0-9-]+$/.test(text("exercise"))) fail(`exercise "${text("exercise")}" is not an exercise id`);
    const set = Number(text("set"));
    if (!Number.isInteger(set) || set < 1 || set > 20) fail(`set "${text("set")}" is not a whole number from 1 to 20`);
    const load = text("load_kg") === "" ? 0 : Number(text("load_kg"));
    if (!Number.isFinite(load) || load < 0 || load > 1000) fail(`load_kg "${text("load_kg")}" is not a number of kg from 0 to 1000`);
    const amount = Number(text("reps_or_seconds"));
    if (!Number.isInteger(amount) || amount < 0 || amount > 3600) fail(`reps_or_seconds "${text("reps_or_seconds")}" is not a whole number from 0 to 3600`);
    return { date: text("date"), week: text("week"), day: text("day"), exercise: text("exercise"), set, load_kg: load, reps_or_seconds: amount };
  }

  function csvLines(text) {
    const rows = [];
    let row = [], field = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") row.push(field), (field = "");
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field), rows.push(row), (row = []), (field = "");
      } else field += c;
    }
    if (field || row.length) row.push(field), rows.push(row);
    return rows.filter((r) => r.some((f) => f.trim()));
  }

  function parseLog(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      let data;
      try {
        data = JSON.parse(trimmed);
      } catch {
        throw new Error("This JSON file cannot be read (it is broken or cut short). Nothing was changed.");
      }
      const rows = Array.isArray(data) ? data : data && data.format === "hipdips-log" ? data.rows : null;
      if (!Array.isArray(rows)) throw new Error('This JSON file is not a log from this site (it has no "rows" of sets). Nothing was changed.');
      if (rows.length > MAX_ROWS) throw new Error(`This file has ${rows.length} sets; a log holds at most ${MAX_ROWS}. Nothing was changed.`);
      return rows.map((row, i) => checkRow(row || {}, `Set ${i + 1} in the file`));
    }
    const lines = csvLines(text);
    const head = (lines.shift() || []).map((name) => name.trim());
    if (head.join(",") !== COLUMNS.join(",")) throw new Error(`This is not a log from this site: its first line should be "${COLUMNS.join(",")}", and it is "${head.join(",").slice(0, 80)}". Nothing was changed.`);
    if (lines.length > MAX_ROWS) throw new Error(`This file has ${lines.length} sets; a log holds at most ${MAX_ROWS}. Nothing was changed.`);
    return lines.map((fields, i) => {
      if (fields.length !== COLUMNS.length) throw new Error(`Line ${i + 2}: ${fields.length} values where there should be ${COLUMNS.length}. Nothing was changed.`);
      return checkRow(Object.fromEntries(COLUMNS.map((name, j) => [name, fields[j]])), `Line ${i + 2}`);
    });
  }

  function merge(rows) {
    const log = readLog();
    const have = new Set(log.map(rowKey));
    const fresh = rows.filter((row) => !have.has(rowKey(row)) && have.add(rowKey(row)));
    writeLog([...log, ...fresh]);
    return fresh.length;
  }

  const quote = (value) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const sorted = (rows) => [...rows].sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
  const asCsv = (rows) => [COLUMNS.join(","), ...sorted(rows).map((row) => COLUMNS.map((name) => quote(row[name])).join(","))].join("\n") + "\n";
  const asJson = (rows) => JSON.stringify({ format: "hipdips-log", version: 1, columns: COLUMNS, rows: sorted(rows) }, null, 1) + "\n";

  /* ---- last time, and what the move's rule suggests next ---- */
  function lastTime(exercise) {
    const earlier = readLog().filter((r) => r.exercise === exercise && r.date < today());
    if (!earlier.length) return null;
    const date = earlier.map((r) => r.date).sort().pop();
    return { date, sets: earlier.filter((r) => r.date === date).sort((a, b) => a.set - b.set) };
  }

  function suggestion(move, last) {
    const unit = move.unit === "s" ? " s" : " reps";
    if (!last) return `Start near ${move.low}${unit} a set, with a load that leaves the last few hard but clean.`;
    const load = Math.max(...last.sets.map((s) => s.load_kg));
    const past = last.sets.length >= move.sets && last.sets.every((s) => s.reps_or_seconds > move.high);
    const at = last.sets.every((s) => s.reps_or_seconds >= move.high);
    if (past && load > 0) {
      const step = Math.max(0.5, Math.round(load * 0.05 * 2) / 2);
      return `Every set past ${move.high} at ${number(load)} kg: try ${number(load + step)} kg.`;
    }
    if (past) return `Every set past ${move.high}: time to step up. ${move.rule}`;
    if (at) return `Every set reached ${move.high}: one or two more${unit} each, then step up.`;
    return `Same load${load > 0 ? ` (${number(load)} kg)` : ""}: one more${unit.replace(/s$/, "")} on each set, up to ${move.high}.`;
  }

  /* ---- the rest timer ---- */
  const live = make("p", { className: "hd-visually-hidden", "aria-live": "assertive" });
  const clock = make("span", { className: "hd-timer__time", text: "0:00" });
  const label = make("span", { className: "hd-timer__label", text: "Rest" });
  const skip = make("button", { type: "button", className: "md-button", text: "Skip rest" });
  const more = make("button", { type: "button", className: "md-button", text: "+15 s" });
  const timer = make("div", { className: "hd-timer", role: "timer", "aria-label": "Rest timer", hidden: true }, label, clock, more, skip);
  let end = 0, ticking = 0, warned = false, lock = null;
  const say = (words) => (live.textContent = words);
  const show = (seconds) => (clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`);
  const awake = () => navigator.wakeLock && document.visibilityState === "visible" && !lock && navigator.wakeLock.request("screen").then((l) => (lock = l).addEventListener("release", () => (lock = null)), () => null);
  document.addEventListener("visibilitychange", () => ticking && awake());
  function tick() {
    const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    show(left);
    if (left === 10 && !warned) (warned = true), say("10 seconds left.");
    if (left > 0) return;
    clearInterval(ticking);
    ticking = 0;
    label.textContent = "Rest over:";
    clock.textContent = "next set";
    say("Rest over. Next set.");
    if (navigator.vibrate) navigator.vibrate(200);
  }
  function rest(seconds) {
    clearInterval(ticking);
    end = Date.now() + seconds * 1000;
    warned = seconds <= 10;
    label.textContent = "Rest";
    timer.hidden = false;
    show(seconds);
    say(`Rest ${seconds} seconds.`);
    ticking = setInterval(tick, 250);
    awake();
  }
  skip.addEventListener("click", () => {
    end = Date.now();
    tick();
  });
  more.addEventListener("click", () => {
    if (!ticking) return rest(15);
    end += 15000;
    tick();
    say("15 seconds more.");
  });

  /* ---- one move ---- */
  function setRow(week, day, move, n, done, last) {
    const row = { date: today(), week: week.key, day: day.name, exercise: move.id, set: n };
    const id = `hd-${move.id}-${n}`;
    const previous = last && last.sets.find((s) => s.set === n);
    const load = make("input", { id: `${id}-kg`, type: "text", inputMode: "decimal", autocomplete: "off", size: 4, value: done ? number(done.load_kg) : previous ? number(previous.load_kg) : "" });
    const reps = make("input", { id: `${id}-n`, type: "text", inputMode: "numeric", autocomplete: "off", size: 3, placeholder: move.low === move.high ? String(move.high) : `${move.low}-${move.high}`, value: done ? String(done.reps_or_seconds) : "" });
    const tickBox = make("input", { id: `${id}-done`, type: "checkbox", checked: Boolean(done) });
    const amount = move.unit === "s" ? "seconds" : "reps";
    const record = () => {
      const kg = Number((load.value || "0").replace(",", "."));
      if (!reps.value.trim()) reps.value = String(move.high);
      const count = Number(reps.value);
      if (!Number.isFinite(kg) || kg < 0 || !Number.isInteger(count) || count < 0) {
        tickBox.checked = false;
        say(`Set ${n}: the load should be a number of kg and the ${amount} a whole number.`);
        return false;
      }
      putRow({ ...row, load_kg: kg, reps_or_seconds: count });
      return true;
    };
    tickBox.addEventListener("change", () => {
      if (!tickBox.checked) return dropRow(row);
      if (!record()) return;
      const loads = [...tickBox.closest(".hd-move").querySelectorAll('input[id$="-kg"]')];
      for (const later of loads.slice(loads.indexOf(load) + 1)) if (!later.value) later.value = load.value; // the load is typed once
      rest(move.rest);
    });
    for (const input of [load, reps]) input.addEventListener("change", () => tickBox.checked && record());
    return make(
      "fieldset",
      { className: "hd-set" },
      make("legend", { text: `Set ${n}` }),
      make("label", { htmlFor: load.id, text: "kg" }), load,
      make("label", { htmlFor: reps.id, text: amount }), reps,
      make("span", { className: "hd-set__done" }, tickBox, make("label", { htmlFor: tickBox.id, text: "Done" }))
    );
  }

  function sets(done, unit) {
    const amounts = done.map((s) => s.reps_or_seconds).join(", ") + (unit === "s" ? " s" : " reps");
    const loads = [...new Set(done.map((s) => s.load_kg))];
    if (loads.length === 1) return loads[0] ? `${number(loads[0])} kg × ${amounts}` : amounts;
    return done.map((s) => `${number(s.load_kg)} kg × ${s.reps_or_seconds}`).join(", ") + (unit === "s" ? " s" : "");
  }

  function moveCard(week, day, move) {
    const last = lastTime(move.id);
    const mine = readLog().filter((r) => r.date === today() && r.week === week.key && r.day === day.name && r.exercise === move.id);
    const card = make("li", { className: "hd-move" });
    card.append(make("h2", {}, make("a", { href: new URL(move.href, root).href, text: move.name })));
    if (move.figure) card.append(make("img", { src: new URL(move.figure, root).href, alt: move.alt, className: "hd-move__figure", width: 160, height: 120 }));
    card.append(
      make("p", { className: "hd-move__cue" }, make("strong", { text: "Key cue: " }), move.cue),
      make("p", { className: "hd-move__dose", text: move.per_side ? `${move.dose}. Tick a set when both sides are done.` : move.dose }),
      make("p", { className: "hd-move__last", text: `Last time${last ? ` (${last.date}): ${sets(last.sets, move.unit)}` : ": nothing logged yet"}.` }),
      make("p", { className: "hd-move__next" }, make("strong", { text: "Next: " }), suggestion(move, last))
    );
    for (let n = 1; n <= move.sets; n++) card.append(setRow(week, day, move, n, mine.find((r) => r.set === n), last));
    return card;
  }

  /* ---- the log's own controls ---- */
  function download(name, type, text) {
    const link = make("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function logTools() {
    const status = make("p", { className: "hd-log__status", role: "status" });
    const count = make("p");
    const recount = () => (count.textContent = `Your log holds ${readLog().length} sets.`);
    recount();
    const exportCsv = make("button", { type: "button", className: "md-button", text: "Export CSV" });
    const exportJson = make("button", { type: "button", className: "md-button", text: "Export JSON" });
    exportCsv.addEventListener("click", () => download(`hipdips-log-${today()}.csv`, "text/csv", asCsv(readLog())));
    exportJson.addEventListener("click", () => download(`hipdips-log-${today()}.json`, "application/json", asJson(readLog())));
    const file = make("input", { type: "file", id: "hd-log-import", accept: ".csv,.json,text/csv,application/json" });
    file.addEventListener("change", async () => {
      const chosen = file.files[0];
      file.value = "";
      if (!chosen) return;
      if (chosen.size > MAX_BYTES) return (status.textContent = `This file is ${Math.round(chosen.size / 1000)} kB; a log is far smaller (at most ${MAX_BYTES / 1000} kB). Nothing was changed.`);
      try {
        const rows = parseLog(await chosen.text());
        const added = merge(rows);
        status.textContent = `Imported ${added} sets; ${rows.length - added} were already in your log.`;
      } catch (error) {
        status.textContent = error.message;
      }
      recount();
    });
    const remove = make("button", { type: "button", className: "md-button", text: "Delete my log" });
    const sure = make("button", { type: "button", className: "md-button hd-log__sure", text: "Yes, delete my whole log", hidden: true });
    remove.addEventListener("click", () => {
      sure.hidden = false;
      status.textContent = `This deletes all ${readLog().length} sets from this browser. Export first to keep a copy.`;
      sure.focus();
    });
    sure.addEventListener("click", () => {
      localStorage.removeItem(STORE);
      sure.hidden = true;
      status.textContent = "Your log is deleted.";
      recount();
      remove.focus();
    });
    const webkit = make("a", { href: "https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/", text: "WebKit's note on it" });
    return make(
      "section",
      { className: "hd-log", "aria-labelledby": "hd-log-title" },
      make("h2", { id: "hd-log-title", text: "Your log" }),
      make("p", { text: "Your log is kept in this browser only (its local storage), on this device. Nothing is sent anywhere. Export it now and then to keep a copy, or to move it to a new phone." }),
      make("p", {}, "Safari on iPhone and iPad deletes a site's data after about 7 days without a visit. A site added to the home screen keeps it (", webkit, ")."),
      count,
      make("p", { className: "hd-log__buttons" }, exportCsv, exportJson),
      make("p", {}, make("label", { htmlFor: file.id, text: "Import a log (CSV or JSON): " }), file),
      make("p", { className: "hd-log__buttons" }, remove, sure),
      status
    );
  }

  /* ---- the page ---- */
  const title = document.querySelector("h1");
  async function open() {
    const key = params.get("week");
    if (!key || !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(key)) {
      box.replaceChildren(make("p", {}, "Open a week and press “Start” on a training day. ", make("a", { href: new URL("plans/", root).href, text: "Choose a week" }), "."), logTools());
      return;
    }
    let week;
    try {
      const response = await fetch(new URL(`assets/sessions/${key}.json`, root));
      if (!response.ok) throw new Error(String(response.status));
      week = await response.json();
    } catch {
      box.replaceChildren(make("p", { text: "This week cannot open: it was not kept offline, and there is no connection. Keep a week offline from its page to train without one." }), logTools());
      return;
    }
    const days = week.days.filter((d) => d.moves.length);
    const day = week.days[Number(params.get("day"))] || days[0];
    title.textContent = day.name;
    document.title = `${day.name}: ${day.focus} - ${week.title}`;
    const list = make("ol", { className: "hd-moves" });
    for (const move of day.moves) list.append(moveCard(week, day, move));
    box.replaceChildren(
      make("p", { className: "hd-session__focus", text: day.focus }),
      make("p", { className: "hd-session__week" }, "From ", make("a", { href: new URL(week.href, root).href, text: week.title }), ". Tick a set when it is done: the rest timer starts."),
      list,
      timer,
      make("p", { text: "Done for today. Every set you ticked is in your log." }),
      logTools(),
      live
    );
  }
  open();
})();
