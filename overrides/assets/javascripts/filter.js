/* The exercise filter: narrows the list of all exercises in place.
 * Without JavaScript the form stays hidden and the page shows grouped lists.
 * No framework, no network: it reads the data-* attributes the generator wrote. */
(function () {
  "use strict";

  function matches(item, field, wanted) {
    if (!wanted) return true;
    if (field === "equipment") {
      if (wanted === "home") return item.dataset.home === "yes";
      return item.dataset.equipment.split(" ").indexOf(wanted) !== -1;
    }
    return item.dataset[field].split(" ").indexOf(wanted) !== -1;
  }

  function setUp(form) {
    var list = form.nextElementSibling;
    while (list && !list.classList.contains("hd-exercise-list")) list = list.nextElementSibling;
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var count = form.querySelector(".hd-filter__count");

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = Array.prototype.every.call(form.elements, function (control) {
          return !control.name || matches(item, control.name, control.value);
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + items.length + " exercises";
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hd-filter]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
