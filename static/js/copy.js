// The copy button of the agenda suggestion. Without JavaScript the button stays hidden and the text
// can still be selected and copied by hand; with it, one click puts the text on the clipboard.
(function () {
  "use strict";

  function selectText(target) {
    target.focus();
    if (typeof target.select === "function") {
      target.select();
    }
  }

  function copyBySelection(target) {
    selectText(target);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.dataset.copyTarget);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!target) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = "value" in target ? target.value : target.textContent;
      var report = function (copied) {
        if (status) {
          // Emptied first, so the same message is announced again on a second click.
          status.textContent = "";
          window.setTimeout(function () {
            status.textContent = copied ? button.dataset.copied : button.dataset.failed;
          }, 50);
        }
        if (!copied) {
          selectText(target);
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { report(true); },
          function () { report(copyBySelection(target)); }
        );
      } else {
        report(copyBySelection(target));
      }
    });
  });
})();
