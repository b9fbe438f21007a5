// Follows one run's events as they happen, then shows its summary.
(function () {
  var list = document.getElementById("events");
  if (!list) return;
  var runId = list.dataset.run;
  var live = list.dataset.live === "true";
  var shown = ["pair", "feature", "provider", "side", "op", "status", "message"];

  function describe(ev) {
    var parts = [];
    shown.forEach(function (k) { if (ev[k] !== undefined && ev[k] !== null) parts.push(k === "message" ? ev[k] : ev[k]); });
    Object.keys(ev).forEach(function (k) {
      if (k === "event" || k === "ts" || k === "run_id" || shown.indexOf(k) >= 0) return;
      var v = ev[k];
      if (typeof v === "number" || typeof v === "boolean") parts.push(k + "=" + v);
    });
    return parts.join(" · ");
  }

  function add(ev) {
    var li = document.createElement("li");
    li.className = "event";
    li.dataset.event = ev.event;
    var time = document.createElement("span");
    time.className = "muted";
    time.textContent = (ev.ts || "").replace(/^.*T/, "").replace(/Z$/, "") + " ";
    var name = document.createElement("span");
    name.className = "ev";
    name.textContent = ev.event + " ";
    var rest = document.createElement("span");
    rest.textContent = describe(ev);
    li.appendChild(time); li.appendChild(name); li.appendChild(rest);
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  function showSummary() {
    fetch("/runs/" + encodeURIComponent(runId) + "/summary", {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { document.getElementById("summary").innerHTML = html; })
      .catch(function () { window.location.reload(); });
  }

  var source = new EventSource("/api/runs/" + encodeURIComponent(runId) + "/events");
  source.onmessage = function (msg) {
    var ev;
    try { ev = JSON.parse(msg.data); } catch (e) { return; }
    add(ev);
    if (ev.event === "run:done") {
      source.close();
      if (live) showSummary();
    }
  };
  source.onerror = function () {
    // The stream ends after run:done; anything else is a lost connection: say so, do not replay.
    if (source.readyState !== EventSource.CLOSED) source.close();
    if (!list.querySelector('[data-event="run:done"]')) {
      var li = document.createElement("li");
      li.className = "muted";
      li.textContent = "The event stream was interrupted; reload the page to follow the run again.";
      list.appendChild(li);
    }
  };
})();
