// The channel matrix is wider than the screen: show the current month (and what comes next) first.
(function () {
  "use strict";
  document.querySelectorAll("[data-scroll-to-current]").forEach(function (box) {
    var current = box.querySelector("[data-current-month]");
    if (!current) {
      return;
    }
    var row = current.parentElement.firstElementChild; // the channel names stay in view on the left
    box.scrollLeft = Math.max(0, current.offsetLeft - (row ? row.offsetWidth : 0));
  });
})();
