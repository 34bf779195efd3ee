/* The week chooser on the plans index: three controls that open the matching week.
 * Without JavaScript the form stays hidden and the page shows a list of every week.
 * The address pattern comes from the generator (data-pattern), so it is defined once. */
(function () {
  "use strict";

  function setUp(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var address = form.dataset.pattern.replace(/\{(\w+)\}/g, function (_, name) {
        return encodeURIComponent(form.elements[name].value);
      });
      window.location.href = new URL(address, window.location.href).href;
    });
    form.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hd-chooser]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
