// Forms marked data-api send their fields as JSON to that API path, then go to data-next;
// an error answer ({"error": "..."}) is shown in the form's .form-error box.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form.dataset || !form.dataset.api) return;
  e.preventDefault();
  var body = {};
  new FormData(form).forEach(function (v, k) { body[k] = v; });
  var box = form.querySelector(".form-error");
  fetch(form.dataset.api, {
    method: "POST",
    credentials: "same-origin",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify(body)
  }).then(function (r) {
    if (r.ok) { window.location.assign(form.dataset.next || "/"); return null; }
    return r.json().catch(function () { return {error: "HTTP " + r.status}; }).then(function (j) {
      var wait = r.headers.get("Retry-After");
      var msg = (j && j.error) || ("HTTP " + r.status);
      if (wait) msg += " (try again in " + wait + " s)";
      if (box) { box.textContent = msg; box.hidden = false; }
    });
  }).catch(function () {
    if (box) { box.textContent = "The service cannot be reached."; box.hidden = false; }
  });
});
