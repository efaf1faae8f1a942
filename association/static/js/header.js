// The phone header: the menu button and the search button each open their part of the header.
// An inline script in <head> marks <html class="js"> so the closed state shows from the first
// paint; without scripts both parts simply stay open and the buttons stay hidden.
(function () {
    var header = document.querySelector("[data-site-header]");
    if (!header) return;
    header.querySelectorAll("[data-toggle]").forEach(function (button) {
        var part = document.getElementById(button.getAttribute("aria-controls"));
        var openClass = "site-header--" + button.getAttribute("data-toggle") + "-open";
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") !== "true";
            button.setAttribute("aria-expanded", String(open));
            header.classList.toggle(openClass, open);
            if (open && part) {
                var field = part.querySelector("input, a");
                if (field && button.getAttribute("data-toggle") === "search") field.focus();
            }
        });
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        header.querySelectorAll("[data-toggle][aria-expanded=true]").forEach(function (button) {
            button.click();
            button.focus();
        });
    });
})();
