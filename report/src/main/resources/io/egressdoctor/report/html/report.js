(function () {
  'use strict';
  function all(open) {
    document.querySelectorAll('details.finding').forEach(function (d) { d.open = open; });
  }
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  if (expand) { expand.addEventListener('click', function () { all(true); }); }
  if (collapse) { collapse.addEventListener('click', function () { all(false); }); }
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(
        document.querySelectorAll('details.finding'), function (d) { return !d.open; });
    all(true);
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
  });
  document.querySelectorAll('a[href^="#f-"]').forEach(function (a) {
    a.addEventListener('click', function () {
      var target = document.getElementById(a.getAttribute('href').substring(1));
      if (target && target.tagName === 'DETAILS') { target.open = true; }
    });
  });
})();
