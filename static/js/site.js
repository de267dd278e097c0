// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Send the CSRF token with htmx requests (the token is in the cookie-less hidden input).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });

  // After a failed submit, move focus to the error summary so it is read out first.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
