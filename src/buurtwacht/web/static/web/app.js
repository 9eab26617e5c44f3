/* Buurtwacht page behaviour (docs/web.md). Every page works without it; this file only adds
 * comfort. No inline script anywhere: the Content-Security-Policy forbids it, so pages mark
 * elements with data- attributes and ids that this file looks for. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function csrf(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* Language switch: submit on change (the button is there for no-JS). */
  function autosubmit() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  /* SAAR form: show "call 112 now" as soon as the member says there is danger now. */
  function alertForm() {
    var form = document.getElementById("alert-form"), box = document.getElementById("call112");
    if (!form || !box) return;
    function sync() {
      var yes = form.querySelector("input[name=emergency][value=yes]");
      box.hidden = !(yes && yes.checked);
    }
    form.addEventListener("change", sync);
    sync();
  }

  /* Join flow: fill latitude and longitude from the browser's location, if the member allows. */
  function geolocation() {
    var button = document.getElementById("use-location");
    if (!button) return;
    var status = document.getElementById("location-status");
    if (!("geolocation" in navigator)) { button.hidden = true; return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.getAttribute("data-wait");
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById("id_lat").value = pos.coords.latitude.toFixed(6);
        document.getElementById("id_lon").value = pos.coords.longitude.toFixed(6);
        status.textContent = button.getAttribute("data-done");
      }, function () {
        status.textContent = button.getAttribute("data-failed");
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  /* Invitations: copy a link to the clipboard. */
  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = !navigator.clipboard;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
          button.textContent = button.getAttribute("data-copied");
        });
      });
    });
  }

  /* PWA: the service worker keeps the shell and the last feed page for offline reading. */
  function serviceWorker() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    var logout = document.getElementById("logout-form");
    if (logout) logout.addEventListener("submit", function () {
      if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: "logout" });
    });
    if (!navigator.onLine) document.body.classList.add("is-offline");
  }

  /* Web Push: subscribe this browser (only offered when the server has VAPID keys). */
  function b64ToBytes(s) {
    var pad = "=".repeat((4 - s.length % 4) % 4), raw = atob((s + pad).replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(raw, function (c) { return c.charCodeAt(0); });
  }
  function push() {
    var box = document.getElementById("push");
    if (!box) return;
    var button = box.querySelector("button"), status = box.querySelector("[role=status]");
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
      status.textContent = box.getAttribute("data-unsupported");
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      navigator.serviceWorker.ready.then(function (reg) {
        return reg.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: b64ToBytes(box.getAttribute("data-key"))
        });
      }).then(function (sub) {
        return fetch(box.getAttribute("data-url"), {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(box.closest("form")) },
          body: JSON.stringify(sub.toJSON())
        });
      }).then(function (r) { return r.json(); }).then(function (data) {
        status.textContent = data.message || data.error || "";
      }).catch(function () {
        status.textContent = box.getAttribute("data-failed");
      });
    });
  }

  function init() {
    autosubmit(); alertForm(); geolocation(); copyButtons(); serviceWorker(); push();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
