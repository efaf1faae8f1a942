// Counts a read of the article: one beacon, no cookies (see news/reader/reads.py).
(function () {
  "use strict";
  var article = document.querySelector("[data-read-url]");
  if (article && navigator.sendBeacon) {
    navigator.sendBeacon(article.getAttribute("data-read-url"));
  }
})();
