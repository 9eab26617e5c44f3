/* The SAAR form: show "call 112 now" as soon as the member says there is danger now.
 * A static file, not an inline script, so the Content-Security-Policy needs no exception. */
(function () {
  "use strict";
  function init() {
    var form = document.getElementById("alert-form"), box = document.getElementById("call112");
    if (!form || !box) return;
    function sync() {
      var yes = form.querySelector("input[name=emergency][value=yes]");
      box.hidden = !(yes && yes.checked);
    }
    form.addEventListener("change", sync);
    sync();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
