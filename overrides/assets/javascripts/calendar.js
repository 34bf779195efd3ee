/* The calendar maker on a week's page: the reader picks a start date (next Monday by default)
 * and the 12-week .ics file is made in the browser from the page's own static file, with every
 * date moved by the same number of days. Without JavaScript the form stays hidden and the
 * static file (which starts on the Monday after the build) is the link on the page. */
(function () {
  "use strict";

  var DATE_LINE = /^(DTSTART|DTEND)(;VALUE=DATE)?:(\d{4})(\d{2})(\d{2})/;

  function nextMonday() {
    var day = new Date();
    day.setHours(12, 0, 0, 0);
    day.setDate(day.getDate() + (((8 - day.getDay()) % 7) || 7));
    return day;
  }

  function iso(day) {
    var month = String(day.getMonth() + 1).padStart(2, "0");
    return day.getFullYear() + "-" + month + "-" + String(day.getDate()).padStart(2, "0");
  }

  function parse(text) {
    var parts = text.split("-");
    return new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]), 12);
  }

  function shift(ics, days) {
    return ics.split(/\r\n/).map(function (line) {
      var match = DATE_LINE.exec(line);
      if (!match) return line;
      var day = new Date(Number(match[3]), Number(match[4]) - 1, Number(match[5]), 12);
      day.setDate(day.getDate() + days);
      return match[1] + (match[2] || "") + ":" + iso(day).replace(/-/g, "") + line.slice(match[0].length);
    }).join("\r\n");
  }

  function save(text, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function setUp(form) {
    var source = document.querySelector("a[href$='.ics']");
    if (!source || !window.fetch || !window.Blob) return;
    form.elements.start.value = iso(nextMonday());
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.elements.start.value;
      if (!chosen) return;
      var days = Math.round((parse(chosen) - parse(form.dataset.start)) / 86400000);
      fetch(source.href).then(function (reply) { return reply.text(); }).then(function (ics) {
        save(shift(ics, days), source.getAttribute("href").split("/").pop());
      });
    });
    form.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hd-calendar]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
