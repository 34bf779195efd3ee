/* Every part of a page that scrolls can be reached by keyboard (WCAG 2.1.1;
 * axe-core's scrollable-region-focusable). The stylesheet lets tables wrap so
 * that on a phone they fit; when something still overflows (a narrow screen,
 * large text, zoom), it becomes a focusable region named after its caption or
 * the heading before it, and turns back into a plain block once it fits.
 * Material already does this for code blocks, so they are left to it.
 * No framework, no network; without JavaScript the page reads the same. */
(function () {
  "use strict";

  var MARK = "data-hd-scroll";
  var SCROLLS = /(auto|scroll)/;

  function text(node) {
    var copy = node.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) {
      link.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function name(region, content) {
    var caption = region.querySelector("caption, figcaption");
    if (caption && text(caption)) return text(caption);
    var details = region.closest("details");
    var summary = details && details.querySelector("summary");
    if (summary && text(summary)) return text(summary);
    var found = null;
    var headings = content.querySelectorAll("h1, h2, h3, h4, h5, h6");
    for (var i = 0; i < headings.length; i += 1) {
      if (!(headings[i].compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      found = headings[i];
    }
    return found && text(found) ? text(found) : "Scrollable content";
  }

  function overflows(element) {
    var style = getComputedStyle(element);
    return (SCROLLS.test(style.overflowX) && element.scrollWidth > element.clientWidth) ||
      (SCROLLS.test(style.overflowY) && element.scrollHeight > element.clientHeight);
  }

  function ownedByOthers(element) {
    // Material's code blocks, and anything already focusable or named
    return element.matches("pre > code, a[href], button, input, select, textarea, summary") ||
      (element.hasAttribute("tabindex") && !element.hasAttribute(MARK));
  }

  function update() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    Array.prototype.forEach.call(content.querySelectorAll("*"), function (element) {
      if (ownedByOthers(element)) return;
      var marked = element.hasAttribute(MARK);
      if (overflows(element)) {
        if (marked) return;
        var added = ["tabindex"];
        if (!element.hasAttribute("role")) added.push("role");
        if (!element.hasAttribute("aria-label") && !element.hasAttribute("aria-labelledby")) added.push("aria-label");
        element.setAttribute("tabindex", "0");
        if (added.indexOf("role") !== -1) element.setAttribute("role", "region");
        if (added.indexOf("aria-label") !== -1) element.setAttribute("aria-label", name(element, content));
        element.setAttribute(MARK, added.join(" "));
      } else if (marked) {
        element.getAttribute(MARK).split(" ").forEach(function (attribute) {
          element.removeAttribute(attribute);
        });
        element.removeAttribute(MARK);
      }
    });
  }

  function start() {
    update();
    if (!("ResizeObserver" in window)) {
      window.addEventListener("resize", update);
      return;
    }
    // Called after layout whenever the page or a table changes size: a turned
    // phone, larger text, a <details> opened.
    var observer = new ResizeObserver(update);
    observer.observe(document.body);
    Array.prototype.forEach.call(document.querySelectorAll(".md-content table"), function (table) {
      observer.observe(table);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
