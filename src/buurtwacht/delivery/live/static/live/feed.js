/* Live feed of a group (issue 5). Include on a page with
 *   <ul data-live-url="/live/groups/7/events" data-live-last-id="123"></ul>
 * New alerts are prepended as <li>; every event is also dispatched on the element as a
 * "live:event" CustomEvent (detail = {id, group, kind, data, created_at}) so a page can
 * render richer items itself. EventSource reconnects on its own and sends Last-Event-ID,
 * so nothing is missed; a "reset" event means too much was missed: reload the page. */
(function () {
  "use strict";
  function start(el) {
    var url = el.getAttribute("data-live-url");
    var last = el.getAttribute("data-live-last-id");
    if (last) url += (url.indexOf("?") < 0 ? "?" : "&") + "last_event_id=" + encodeURIComponent(last);
    var kinds = (el.getAttribute("data-live-kinds") || "alert").split(/\s+/);
    var source = new EventSource(url, { withCredentials: true });
    function show(message) {
      var event = JSON.parse(message.data);
      if (el.querySelector('[data-live-id="' + event.id + '"]')) return;
      el.dispatchEvent(new CustomEvent("live:event", { detail: event, bubbles: true }));
      var item = document.createElement("li");
      item.setAttribute("data-live-id", event.id);
      var all = event.data.content || {};
      var content = all[document.documentElement.lang] || all.nl || {};
      item.className = "card live " + event.kind;
      var head = document.createElement("strong");
      head.textContent = content.subject || event.kind;  // text only: no HTML injection
      var body = document.createElement("p");
      body.textContent = content.text || "";
      body.style.whiteSpace = "pre-line";
      item.appendChild(head);
      item.appendChild(body);
      var time = document.createElement("time");
      time.dateTime = event.created_at;
      time.textContent = " " + new Date(event.created_at).toLocaleTimeString();
      item.appendChild(time);
      el.insertBefore(item, el.firstChild);
    }
    kinds.forEach(function (kind) { source.addEventListener(kind, show); });
    source.addEventListener("reset", function () { window.location.reload(); });
  }
  function init() {
    document.querySelectorAll("[data-live-url]").forEach(start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
