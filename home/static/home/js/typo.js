// Mistake reports: select a fragment and press Ctrl+Enter (or follow the footer link).
// Without this script the footer link opens the plain form page instead.
(function () {
  "use strict";
  var dialog = document.getElementById("typo-dialog");
  if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) {
    return;
  }
  var form = dialog.querySelector("[data-typo-form]");
  var fragmentView = dialog.querySelector("[data-typo-fragment]");
  var status = dialog.querySelector("[data-typo-status]");
  var submit = dialog.querySelector("[data-typo-submit]");
  var closeButton = dialog.querySelector("[data-typo-close]");
  var comment = form.elements.comment;
  var MAX_FRAGMENT = 1000;
  var opener = null;

  function selectedText() {
    var selection = window.getSelection ? window.getSelection().toString() : "";
    return selection.replace(/\s+/g, " ").trim().slice(0, MAX_FRAGMENT);
  }

  function open(fragment) {
    opener = document.activeElement;
    form.elements.fragment.value = fragment;
    form.elements.url.value = window.location.pathname + window.location.search;
    fragmentView.textContent = fragment;
    status.textContent = "";
    comment.value = "";
    submit.hidden = false;
    sending(false);
    dialog.showModal();
    comment.focus();
  }

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && !dialog.open) {
      var fragment = selectedText();
      if (fragment) {
        event.preventDefault();
        open(fragment);
      }
    }
  });

  var link = document.querySelector("[data-typo-open]");
  if (link) {
    link.addEventListener("click", function (event) {
      var fragment = selectedText();
      if (fragment) {
        event.preventDefault();
        open(fragment);
      }
    });
  }

  closeButton.addEventListener("click", function () {
    dialog.close();
  });

  // Esc closes the dialog natively; focus goes back to where the reader was.
  dialog.addEventListener("close", function () {
    if (opener && typeof opener.focus === "function") {
      opener.focus();
    }
  });

  // Not `disabled`: a focused button that becomes disabled or hidden drops the focus to the
  // page behind the modal, and a keyboard reader loses their place.
  function sending(busy) {
    if (busy) {
      submit.setAttribute("aria-disabled", "true");
    } else {
      submit.removeAttribute("aria-disabled");
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (submit.getAttribute("aria-disabled") === "true") {
      return;
    }
    sending(true);
    status.textContent = "";
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        sending(false);
        if (result.ok) {
          status.textContent = result.data.message;
          closeButton.focus();
          submit.hidden = true;
        } else {
          status.textContent = (result.data.errors || []).join(" ");
        }
      })
      .catch(function () {
        // Offline or a server error: the plain form still works.
        form.submit();
      });
  });
})();
