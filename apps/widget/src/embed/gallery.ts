// Entry of the gallery's copy buttons (dist/public/embed-assets/gallery.js): copies the embed code next
// to each button. External file so the gallery page can keep a strict CSP.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy ?? '');
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      button.textContent = button.dataset.done ?? 'OK';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  });
}
