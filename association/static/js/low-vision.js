// Low vision mode: the header control opens the settings panel; each choice is kept in
// localStorage and shown as a class on <html> (lv-size-2, lv-scheme-bw...), which the inline
// script in <head> sets again before the next page paints. Nothing goes to the server.
(function () {
  "use strict";
  var KEY = "lowVision";
  var root = document.documentElement;
  var toggle = document.querySelector("[data-lv-toggle]");
  var panel = document.getElementById("lv-panel");
  if (!toggle || !panel) {
    return;
  }
  var form = panel.querySelector("[data-lv-form]");
  var status = panel.querySelector("[data-lv-status]");
  var NAMES = ["size", "scheme", "spacing", "leading", "images", "font"];
  var normal = document.querySelector("[data-lv-normal]");

  function read() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function write(settings) {
    try {
      if (NAMES.some(function (name) { return settings[name]; })) {
        window.localStorage.setItem(KEY, JSON.stringify(settings));
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      // Storage refused (private mode, quota): the choice still holds on this page.
    }
  }

  function apply(settings) {
    var classes = root.className.split(/\s+/).filter(function (name) {
      return name && name !== "lv-on" && !/^lv-(size|scheme|spacing|leading|images|font)-/.test(name);
    });
    var on = false;
    NAMES.forEach(function (name) {
      var input = settings[name] && form.querySelector(
        'input[name="' + name + '"][value="' + String(settings[name]).replace(/[^\w-]/g, "") + '"]'
      );
      if (input) {
        classes.push("lv-" + name + "-" + input.value);
        on = true;
      }
    });
    if (on) {
      classes.push("lv-on");
    }
    root.className = classes.join(" ");
  }

  function showInForm(settings) {
    NAMES.forEach(function (name) {
      var value = settings[name] || "";
      Array.prototype.forEach.call(form.elements[name], function (input) {
        input.checked = input.value === String(value);
      });
    });
  }

  function current() {
    var settings = {};
    NAMES.forEach(function (name) {
      if (form.elements[name].value) {
        settings[name] = form.elements[name].value;
      }
    });
    return settings;
  }

  function announce(message) {
    // Emptied first so that the same message twice is read twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function setOpen(open) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) {
      var first = form.querySelector("input:checked");
      if (first) {
        first.focus();
      }
    }
  }

  showInForm(read());

  toggle.addEventListener("click", function () {
    setOpen(panel.hidden);
  });

  form.addEventListener("change", function (event) {
    var settings = current();
    apply(settings);
    write(settings);
    var input = event.target;
    var legend = input.closest("fieldset").querySelector("legend");
    announce(legend.textContent.trim() + ": " + input.parentNode.textContent.trim());
  });

  // «Обычная версия»: the mode off at once, the no-script cookie (home.lowvision) with it.
  if (normal) {
    normal.addEventListener("click", function () {
      form.reset();
      setOpen(false);
      toggle.focus();
    });
  }

  form.addEventListener("reset", function () {
    // After the browser has reset the radios to their initial (normal) values.
    window.setTimeout(function () {
      apply({});
      write({});
      document.cookie = "lowvision=; max-age=0; path=/; samesite=lax";
      announce(status.getAttribute("data-lv-reset-message"));
    }, 0);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  panel.querySelector("[data-lv-close]").addEventListener("click", function () {
    setOpen(false);
    toggle.focus();
  });

  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      setOpen(false);
      toggle.focus();
    }
  });

  // Back from the browser's cache, or another tab changed the settings: follow the stored ones.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      var settings = read();
      apply(settings);
      showInForm(settings);
    }
  });

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      var settings = read();
      apply(settings);
      showInForm(settings);
    }
  });
})();
