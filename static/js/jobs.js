/* A job's progress page (templates/jobs/job_detail.html): polls the job's JSON status
 * ([data-status-url]) every second, moves the bar and the count, and reloads the page when
 * the job is finished, which then offers the download or « Relancer ». Without this script
 * the page refreshes itself (<noscript> meta refresh) and has a « Actualiser » link.
 */
(function () {
  "use strict";

  var job = document.querySelector("[data-job]");
  if (!job || job.getAttribute("data-finished") === "1") {
    return;
  }
  var bar = job.querySelector("[data-job-bar]");
  var count = job.querySelector("[data-job-count]");
  var status = job.querySelector("[data-job-status]");

  function show(state) {
    if (bar) {
      bar.value = state.percent;
      bar.textContent = state.percent + " %";
    }
    if (status) {
      status.textContent = state.status_label;
    }
    if (count) {
      count.textContent = state.count_label;
    }
  }

  function poll() {
    fetch(job.getAttribute("data-status-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (state.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
