// The admin's own additions (home/wagtail_hooks.py): mark the row of the page just created.
document.addEventListener('DOMContentLoaded', () => {
  const id = new URLSearchParams(window.location.search).get('highlight');
  if (!id || !/^\d+$/.test(id)) return;
  const link = document.querySelector(`table a[href$="/pages/${id}/edit/"]`);
  const row = link && link.closest('tr');
  if (!row) return;
  row.classList.add('is-new-item');
  row.setAttribute('aria-current', 'true');
  row.scrollIntoView({ block: 'nearest' });
});
