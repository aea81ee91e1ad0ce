// WCAG 2.2.1 (timing adjustable): two minutes before the idle timeout, warn and let the user extend.
(() => {
  const dialog = document.getElementById('session-warning');
  if (!dialog) return;
  const idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  const warnBefore = Math.min(120000, idleMs / 2);
  let timer;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => dialog.showModal(), idleMs - warnBefore);
  };
  dialog.querySelector('[data-extend]').addEventListener('click', async () => {
    const response = await fetch('/konto/sitzung', { method: 'POST', credentials: 'same-origin' });
    dialog.close();
    if (response.ok) schedule(); else window.location.reload();
  });
  schedule();
})();
