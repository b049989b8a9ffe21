// Entry of the gallery's script (dist/public/embed-assets/gallery.js, + gallery.css): the copy buttons.
// Each copies the embed code it names; where the clipboard is unavailable (an insecure origin, a denied
// permission) it selects the code instead, for Ctrl+C. External files, so the page keeps a strict CSP.
import './gallery.css';

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const label = button.textContent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    button.textContent = text;
    button.classList.add('done');
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.textContent = label;
      button.classList.remove('done');
    }, 2500);
  };
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy ?? '');
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      say(button.dataset.done ?? 'OK');
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      say(button.dataset.selected ?? '');
    }
  });
}
