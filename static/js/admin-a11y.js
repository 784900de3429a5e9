/* Django admin, WCAG 2.1 A: SelectFilter2.js (the two-list picker) puts an aria-label on a
 * bare <span> (its search icon), which ARIA does not allow; as an image the label is read. */
(function () {
  "use strict";
  window.addEventListener("load", function () {
    window.setTimeout(function () {  // after SelectFilter2's own load handler has built the widget
      document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(function (icon) {
        icon.setAttribute("role", "img");
      });
    }, 0);
  });
})();
