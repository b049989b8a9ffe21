// Copy buttons of the gallery and the builder: each copies the code its `data-copy` names; where the
// clipboard is unavailable (an insecure origin, a denied permission) it selects the code instead, for
// Ctrl+C. The code is read when clicked, so a code rewritten since (the builder's) is copied as it is now.

export function wireCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
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
}
