// Faster progress than the page's own refresh: polls the status once a second, moves the bar, and changes the stage text
// (a polite live region) only when the stage changes, not for every step. When the work ends, it loads the final page
// (the link to the result or the download, or why it failed). The cookie tells the server that this browser runs the script, so it stops the HTTP refresh.
(function () {
  "use strict";
  var root = document.getElementById("task");
  if (!root || root.dataset.finished === "true") {
    return;
  }

  document.cookie = "mp-task-script=1; path=/verwaltung/auftraege; SameSite=Strict";
  var statusUrl = root.dataset.statusUrl;
  var stage = document.getElementById("task-stage");
  var bar = document.getElementById("task-progress");
  var count = document.getElementById("task-count");
  var refresh = document.getElementById("task-refresh");
  if (refresh) {
    refresh.hidden = true;
  }

  function poll() {
    fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) {
          return setTimeout(poll, 3000);
        }

        if (s.finished) {
          // The final page: the link to the result, the download, or why it failed.
          window.location.assign(window.location.pathname);
          return;
        }

        if (s.stage && stage.textContent !== s.stage) {
          stage.textContent = s.stage;
        }

        if (s.total) {
          bar.max = s.total;
          bar.value = Math.min(s.done, s.total);
          bar.textContent = s.count || "";
        }

        if (count) {
          count.textContent = s.count || "";
        }

        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  setTimeout(poll, 500);
})();
