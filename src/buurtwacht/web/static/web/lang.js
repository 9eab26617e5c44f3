/* The language switcher submits its form as soon as a language is chosen (no inline handler:
 * the Content-Security-Policy allows scripts from static files only). */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("form.lang select[name=language]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
