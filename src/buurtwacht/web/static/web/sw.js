/* Buurtwacht service worker (scope /; served at /sw.js by web.views.service_worker).
 * - the shell (stylesheet, scripts, icons, offline page) is cached at install;
 * - a group's feed page (/groups/<id>/) is fetched from the network and its last copy kept,
 *   so the feed stays readable offline; other pages are never stored on the device;
 * - Web Push: shows the notification the server sent (encrypted for this browser) and opens
 *   the alert on click;
 * - signing out removes the stored feed pages. */
"use strict";
var VERSION = "bw-v1";
var SHELL = "bw-shell-" + VERSION, FEED = "bw-feed";
var SHELL_URLS = ["/offline/", "/static/web/site.css", "/static/web/app.js",
  "/static/web/vendor/htmx.min.js", "/static/live/feed.js", "/static/web/icon.svg",
  "/manifest.webmanifest"];
var FEED_PAGE = /^\/groups\/\d+\/$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (c) { return c.addAll(SHELL_URLS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("bw-shell-") === 0 && k !== SHELL; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/live/") === 0 || url.pathname.indexOf("/api/") === 0) return;
  if (FEED_PAGE.test(url.pathname) && req.mode === "navigate") {
    event.respondWith(fetch(req).then(function (res) {
      if (res.ok && !res.redirected) {
        var copy = res.clone();
        caches.open(FEED).then(function (c) { c.put(url.pathname, copy); });
      }
      return res;
    }).catch(function () {
      return caches.match(url.pathname, { cacheName: FEED }).then(function (hit) {
        return hit || caches.match("/offline/");
      });
    }));
    return;
  }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(caches.match(req).then(function (hit) { return hit || fetch(req); }));
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(fetch(req).catch(function () { return caches.match("/offline/"); }));
  }
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "logout") caches.delete(FEED);
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || "Buurtwacht", {
    body: data.body || "", tag: data.tag, lang: data.lang, icon: "/static/web/icon-192.png",
    badge: "/static/web/icon-192.png", data: { url: data.url || "/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (list) {
    for (var i = 0; i < list.length; i++) {
      if (new URL(list[i].url).pathname === target && "focus" in list[i]) return list[i].focus();
    }
    return self.clients.openWindow(target);
  }));
});
